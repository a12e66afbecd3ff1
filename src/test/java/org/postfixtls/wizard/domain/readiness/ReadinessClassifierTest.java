package org.postfixtls.wizard.domain.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;

class ReadinessClassifierTest {

    private static final Instant SEEN = Instant.parse("2026-12-01T10:00:00Z");

    private static DestinationEvidence seen(String domain, Map<TlsGrade, Long> grades) {
        long messages = grades.values().stream().mapToLong(Long::longValue).sum();
        return new DestinationEvidence(domain, "mx." + domain + "[192.0.2.1]:25", "mx." + domain, 25, messages, SEEN,
                grades, Optional.of("TLSv1.3"), Optional.of("TLS_AES_256_GCM_SHA384"));
    }

    private static ScanResult scan(DestinationEvidence... evidence) {
        return new ScanResult(List.of(evidence), 100, evidence.length, 0, 0, 0);
    }

    private static DestinationReadiness only(ReadinessReport report, String domain) {
        return report.destinations().stream().filter(d -> d.destination().equals(domain)).findFirst().orElseThrow();
    }

    private static Profile.Policy policy(String destination, TlsLevel level) {
        return new Profile.Policy(destination, level, List.of(), null, null, null);
    }

    @Test
    void encryptFailsOnlyWhereMailWentOutInClear() {
        ScanResult scan = scan(seen("clear.example", Map.of(TlsGrade.NONE, 3L, TlsGrade.UNTRUSTED, 1L)),
                seen("selfsigned.example", Map.of(TlsGrade.UNTRUSTED, 5L)));
        ReadinessReport report = ReadinessClassifier.classify(scan, new Proposal(TlsLevel.ENCRYPT, List.of()), Map.of());
        DestinationReadiness clear = only(report, "clear.example");
        assertEquals(Verdict.WOULD_FAIL, clear.verdict());
        assertEquals("no STARTTLS seen: 3 of 4 deliveries went out in clear", clear.reason());
        assertEquals("clear.example may", clear.suggestion().orElseThrow().entry());
        assertEquals(Verdict.OK, only(report, "selfsigned.example").verdict());
        assertEquals(4, report.wouldFailMessages());
        assertEquals(1, report.wouldFailDestinations());
        assertEquals(9, report.messages());
        assertEquals("selfsigned.example", report.destinations().get(0).destination(), "busiest first");
    }

    @Test
    void verifyFailsOnUntrustedCertificatesAndLeavesTrustedChainsToTheProbe() {
        ScanResult scan = scan(seen("selfsigned.example", Map.of(TlsGrade.UNTRUSTED, 5L)),
                seen("bank.example", Map.of(TlsGrade.TRUSTED, 2L)),
                seen("pinned.example", Map.of(TlsGrade.VERIFIED, 2L)));
        Proposal verify = new Proposal(TlsLevel.VERIFY, List.of());
        ReadinessReport report = ReadinessClassifier.classify(scan, verify, Map.of());
        DestinationReadiness selfsigned = only(report, "selfsigned.example");
        assertEquals(Verdict.WOULD_FAIL, selfsigned.verdict());
        assertTrue(selfsigned.reason().startsWith("certificate untrusted for verify"), selfsigned.reason());
        assertEquals("selfsigned.example encrypt", selfsigned.suggestion().orElseThrow().entry(),
                "TLS always worked: encrypt keeps it flowing and encrypted");
        assertEquals(Verdict.UNKNOWN, only(report, "bank.example").verdict());
        assertEquals(Verdict.OK, only(report, "pinned.example").verdict());

        ProbeFinding verified = new ProbeFinding("bank.example", "verify", ProbeFinding.Result.MET,
                Optional.of(TlsGrade.VERIFIED), "verified TLS, TLSv1.3 with X");
        ProbeFinding wrongName = new ProbeFinding("bank.example", "verify", ProbeFinding.Result.NOT_MET,
                Optional.of(TlsGrade.TRUSTED), "server certificate not verified");
        assertEquals(Verdict.OK, only(ReadinessClassifier.classify(scan, verify, Map.of("bank.example", verified)),
                "bank.example").verdict());
        DestinationReadiness failed = only(ReadinessClassifier.classify(scan, verify,
                Map.of("bank.example", wrongName)), "bank.example");
        assertEquals(Verdict.WOULD_FAIL, failed.verdict());
        assertTrue(failed.reason().contains("posttls-finger -l verify bank.example did not meet the level"));
        assertEquals("bank.example encrypt", failed.suggestion().orElseThrow().entry());
    }

    @Test
    void aProbeThatMeetsTheLevelDoesNotEraseFailuresTheLogShows() {
        ScanResult scan = scan(seen("clear.example", Map.of(TlsGrade.NONE, 1L)));
        ProbeFinding met = new ProbeFinding("clear.example", "encrypt", ProbeFinding.Result.MET,
                Optional.of(TlsGrade.UNTRUSTED), "untrusted TLS");
        DestinationReadiness row = only(ReadinessClassifier.classify(scan, new Proposal(TlsLevel.ENCRYPT, List.of()),
                Map.of("clear.example", met)), "clear.example");
        assertEquals(Verdict.WOULD_FAIL, row.verdict());
        assertTrue(row.reason().contains("met the level today"), row.reason());
        ProbeFinding error = ProbeFinding.error("ok.example", "encrypt", "timed out");
        ScanResult ok = scan(seen("ok.example", Map.of(TlsGrade.TRUSTED, 1L)));
        DestinationReadiness kept = only(ReadinessClassifier.classify(ok, new Proposal(TlsLevel.ENCRYPT, List.of()),
                Map.of("ok.example", error)), "ok.example");
        assertEquals(Verdict.OK, kept.verdict());
        assertTrue(kept.reason().endsWith("the probe could not run: timed out"));
    }

    @Test
    void thePolicyTableDecidesPerDestinationDomainThenParentThenServer() {
        ScanResult scan = scan(seen("clear.example", Map.of(TlsGrade.NONE, 1L)),
                seen("eu.partner.example", Map.of(TlsGrade.NONE, 1L)),
                seen("relay.example", Map.of(TlsGrade.UNTRUSTED, 1L)));
        Proposal proposal = new Proposal(TlsLevel.ENCRYPT, List.of(policy("clear.example", TlsLevel.MAY),
                policy(".partner.example", TlsLevel.MAY), policy("[mx.relay.example]", TlsLevel.SECURE),
                policy("quiet.example", TlsLevel.VERIFY)));
        ReadinessReport report = ReadinessClassifier.classify(scan, proposal, Map.of());
        assertEquals(Verdict.OK, only(report, "clear.example").verdict());
        assertEquals(Optional.of("clear.example may"), only(report, "clear.example").policyEntry());
        assertEquals(Verdict.OK, only(report, "eu.partner.example").verdict());
        DestinationReadiness relay = only(report, "relay.example");
        assertEquals(TlsLevel.SECURE, relay.level());
        assertEquals(Verdict.WOULD_FAIL, relay.verdict());
        DestinationReadiness quiet = only(report, "quiet.example");
        assertEquals(Verdict.UNKNOWN, quiet.verdict());
        assertEquals("no traffic to it in the log window", quiet.reason());
        assertEquals(0, quiet.messages());
    }

    @Test
    void daneFallsBackAndDaneOnlyNeedsTheProbe() {
        ScanResult scan = scan(seen("clear.example", Map.of(TlsGrade.NONE, 1L)),
                seen("trusted.example", Map.of(TlsGrade.TRUSTED, 1L)));
        ReadinessReport dane = ReadinessClassifier.classify(scan, new Proposal(TlsLevel.DANE, List.of()), Map.of());
        assertEquals(Verdict.OK, only(dane, "clear.example").verdict(), "dane without TLSA records is may");
        ReadinessReport daneOnly = ReadinessClassifier.classify(scan, new Proposal(TlsLevel.DANE_ONLY, List.of()),
                Map.of());
        assertEquals(Verdict.WOULD_FAIL, only(daneOnly, "clear.example").verdict());
        assertEquals(Verdict.UNKNOWN, only(daneOnly, "trusted.example").verdict());
        ProbeFinding noTlsa = new ProbeFinding("trusted.example", "dane-only", ProbeFinding.Result.NOT_MET,
                Optional.empty(), "no TLSA records found");
        assertEquals(Verdict.WOULD_FAIL, only(ReadinessClassifier.classify(scan,
                new Proposal(TlsLevel.DANE_ONLY, List.of()), Map.of("trusted.example", noTlsa)), "trusted.example")
                .verdict());
    }

    @Test
    void destinationsThatAlwaysHadATrustedCertificateGetTheOptionalStrongerEntry() {
        ScanResult scan = scan(seen("trusted.example", Map.of(TlsGrade.TRUSTED, 3L)),
                seen("mixed.example", Map.of(TlsGrade.TRUSTED, 3L, TlsGrade.UNTRUSTED, 1L)));
        ReadinessReport report = ReadinessClassifier.classify(scan, new Proposal(TlsLevel.ENCRYPT, List.of()), Map.of());
        Suggestion stronger = only(report, "trusted.example").suggestion().orElseThrow();
        assertEquals(Suggestion.Kind.STRONGER, stronger.kind());
        assertEquals("trusted.example verify", stronger.entry());
        assertEquals(Optional.empty(), only(report, "mixed.example").suggestion());
    }

    @Test
    void noDeliveryThatGotFarEnoughIsUnknown() {
        ScanResult scan = scan(seen("down.example", Map.of()));
        assertEquals(Verdict.UNKNOWN, only(ReadinessClassifier.classify(scan, new Proposal(TlsLevel.ENCRYPT,
                List.of()), Map.of()), "down.example").verdict());
    }
}
