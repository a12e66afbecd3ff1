package org.postfixtls.wizard.adapter.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.CheckIds;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.DnsAnswer;
import org.postfixtls.wizard.domain.verify.DnsEvaluator;
import org.postfixtls.wizard.domain.verify.DnsObservation;
import org.postfixtls.wizard.domain.verify.PolicyFetch;
import org.postfixtls.wizard.domain.verify.DnsQueryType;
import org.postfixtls.wizard.domain.verify.DnsResult;
import org.postfixtls.wizard.testsupport.TestPki;

/** dnsjava against a local authoritative test double: MX, TLSA (AD bit, match), MTA-STS, TLS-RPT, and no DNS at all. */
class DnsVerificationTest {

    private static final TestPki.Issued CA = TestPki.rootCa("DNS Test CA", TestPki.Algorithm.EC);
    private static final TestPki.Issued LEAF = TestPki.leaf("mx1.example.test", TestPki.Algorithm.EC, CA);
    private static final TestPki.Issued OTHER = TestPki.leaf("mx1.example.test", TestPki.Algorithm.EC, CA);

    private AuthoritativeDnsDouble dns;
    private DnsjavaResolver resolver;

    @BeforeEach
    void start() throws Exception {
        dns = new AuthoritativeDnsDouble();
        resolver = new DnsjavaResolver(dns.address(), Duration.ofSeconds(2));
        dns.add("example.test. 300 IN MX 20 mx2.example.test.");
        dns.add("example.test. 300 IN MX 10 mx1.example.test.");
        dns.add("_25._tcp.mx1.example.test. 300 IN TLSA 3 1 1 " + spkiSha256(LEAF));
        dns.add("_mta-sts.example.test. 300 IN TXT \"v=STSv1; id=20261122\"");
    }

    @AfterEach
    void stop() {
        dns.close();
    }

    private DnsResult evaluate(TestPki.Issued served) throws Exception {
        DnsAnswer mx = resolver.query("example.test", DnsQueryType.MX);
        Map<String, DnsAnswer> tlsa = new java.util.LinkedHashMap<>();
        for (String host : DnsEvaluator.mxHosts(mx)) {
            tlsa.put(host, resolver.query("_25._tcp." + host, DnsQueryType.TLSA));
        }
        return DnsEvaluator.evaluate(new DnsObservation("example.test", mx, tlsa,
                        resolver.query("_mta-sts.example.test", DnsQueryType.TXT),
                        resolver.query("_smtp._tls.example.test", DnsQueryType.TXT), new PolicyFetch.NotChecked("not fetched")),
                List.of(served.certificate().getEncoded(), CA.certificate().getEncoded()));
    }

    private static List<Check> checks(DnsResult result, String id) {
        return result.checks().stream().filter(c -> c.id().equals(id)).toList();
    }

    @Test
    void mxInPreferenceOrderAndValidatedMatchingTlsa() throws Exception {
        DnsResult result = evaluate(LEAF);
        assertEquals(List.of("mx1.example.test", "mx2.example.test"), DnsEvaluator.mxHosts(result.observation().mx()));
        assertEquals(CheckStatus.PASS, checks(result, CheckIds.DNS_MX).get(0).status());
        List<Check> tlsa = checks(result, CheckIds.DNS_TLSA);
        assertEquals(CheckStatus.PASS, tlsa.get(0).status(), tlsa.get(0).detail());
        assertTrue(tlsa.get(0).evidence().contains("AD bit: true"));
        assertEquals(CheckStatus.WARN, tlsa.get(1).status(), "mx2 has no TLSA: " + tlsa.get(1).detail());
        assertEquals(CheckStatus.PASS, checks(result, CheckIds.DNS_MTA_STS).get(0).status());
        assertEquals(CheckStatus.WARN, checks(result, CheckIds.DNS_TLS_RPT).get(0).status());
        assertEquals(CheckStatus.SKIPPED, checks(result, CheckIds.DNS_MTA_STS_POLICY).get(0).status());
    }

    @Test
    void tlsaForAnotherKeyFails() throws Exception {
        Check tlsa = checks(evaluate(OTHER), CheckIds.DNS_TLSA).get(0);
        assertEquals(CheckStatus.FAIL, tlsa.status());
        assertTrue(tlsa.detail().contains("matches none of the served certificates"), tlsa.detail());
    }

    @Test
    void tlsaWithoutTheAdBitIsOnlyAWarning() throws Exception {
        dns.validated = false;
        Check tlsa = checks(evaluate(LEAF), CheckIds.DNS_TLSA).get(0);
        assertEquals(CheckStatus.WARN, tlsa.status());
        assertTrue(tlsa.detail().contains("not DNSSEC-validated"), tlsa.detail());
    }

    @Test
    void twoStsRecordsAndAMalformedTlsRptFail() throws Exception {
        dns.add("_mta-sts.example.test. 300 IN TXT \"v=STSv1; id=2\"");
        dns.add("_smtp._tls.example.test. 300 IN TXT \"rua=mailto:x@example.test\"");
        DnsResult result = evaluate(LEAF);
        assertEquals(CheckStatus.FAIL, checks(result, CheckIds.DNS_MTA_STS).get(0).status());
        assertEquals(CheckStatus.FAIL, checks(result, CheckIds.DNS_TLS_RPT).get(0).status());
    }

    @Test
    void unreachableDnsIsNotCheckedNeverPassedOrFailed() throws Exception {
        int closedPort;
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closedPort = probe.getLocalPort();
        }
        resolver = new DnsjavaResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), closedPort), Duration.ofMillis(500));
        DnsResult result = evaluate(LEAF);
        assertFalse(result.checks().isEmpty());
        for (Check check : result.checks()) {
            assertEquals(CheckStatus.SKIPPED, check.status(), check.id() + ": " + check.detail());
            assertTrue(check.detail().startsWith("not checked"), check.detail());
        }
        assertEquals(DnsAnswer.Status.UNREACHABLE, result.observation().mx().status());
    }

    @Test
    void policyFileMustCoverEveryMx() throws Exception {
        DnsAnswer mx = resolver.query("example.test", DnsQueryType.MX);
        DnsObservation observation = new DnsObservation("example.test", mx, Map.of(),
                resolver.query("_mta-sts.example.test", DnsQueryType.TXT), resolver.query("_smtp._tls.example.test", DnsQueryType.TXT),
                new PolicyFetch.Fetched("version: STSv1\nmode: enforce\nmx: mx1.example.test\nmax_age: 86400\n"));
        Check policy = DnsEvaluator.evaluate(observation, List.of()).checks().stream()
                .filter(c -> c.id().equals(CheckIds.DNS_MTA_STS_POLICY)).findFirst().orElseThrow();
        assertEquals(CheckStatus.FAIL, policy.status());
        assertTrue(policy.detail().contains("mx2.example.test") && policy.detail().contains("refuse"), policy.detail());

        DnsObservation wildcard = new DnsObservation("example.test", mx, Map.of(), observation.mtaStsTxt(), observation.tlsRptTxt(),
                new PolicyFetch.Fetched("version: STSv1\nmode: testing\nmx: *.example.test\nmax_age: 86400\n"));
        assertEquals(CheckStatus.PASS, DnsEvaluator.evaluate(wildcard, List.of()).checks().stream()
                .filter(c -> c.id().equals(CheckIds.DNS_MTA_STS_POLICY)).findFirst().orElseThrow().status());
    }

    @Test
    void aPolicyHostThatServesWronglyFailsWithTheFixAndOneNotReachedIsNotChecked() throws Exception {
        DnsAnswer mx = resolver.query("example.test", DnsQueryType.MX);
        DnsAnswer sts = resolver.query("_mta-sts.example.test", DnsQueryType.TXT);
        DnsAnswer rpt = resolver.query("_smtp._tls.example.test", DnsQueryType.TXT);
        Check served = policyCheck(new DnsObservation("example.test", mx, Map.of(), sts, rpt,
                new PolicyFetch.NotServed("HTTP 404")));
        assertEquals(CheckStatus.FAIL, served.status());
        assertTrue(served.detail().contains("HTTP 404"), served.detail());
        assertTrue(served.fix().orElseThrow().contains("https://mta-sts.example.test/.well-known/mta-sts.txt"));
        Check offline = policyCheck(new DnsObservation("example.test", mx, Map.of(), sts, rpt,
                new PolicyFetch.NotChecked("mta-sts.example.test did not answer within 5 s")));
        assertEquals(CheckStatus.SKIPPED, offline.status(), "never a verdict from silence");
    }

    @Test
    void theEngineFollowsAPublishedRecordToItsPolicyFile() throws Exception {
        java.util.List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        org.postfixtls.wizard.app.verify.PolicyFetcher fetcher = domain -> {
            asked.add(domain);
            return new PolicyFetch.Fetched("version: STSv1\nmode: testing\nmx: *.example.test\nmax_age: 86400\n");
        };
        var engine = new org.postfixtls.wizard.app.verify.VerificationEngine(
                new org.postfixtls.wizard.adapter.net.SmtpProber(), Optional.of(resolver), Optional.of(fetcher), Optional.empty(), java.time.Clock.systemUTC());
        var report = engine.verify(new org.postfixtls.wizard.app.verify.VerificationRequest("mx1.example.test", List.of(),
                org.postfixtls.wizard.domain.verify.PortExpectations.NONE, Optional.of("example.test"), Optional.empty(),
                org.postfixtls.wizard.app.verify.ProbeTimeouts.DEFAULT));
        assertEquals(List.of("example.test"), asked);
        Check policy = report.dns().orElseThrow().checks().stream()
                .filter(c -> c.id().equals(CheckIds.DNS_MTA_STS_POLICY)).findFirst().orElseThrow();
        assertEquals(CheckStatus.PASS, policy.status(), policy.detail());
    }

    private static Check policyCheck(DnsObservation observation) {
        return DnsEvaluator.evaluate(observation, List.of()).checks().stream()
                .filter(c -> c.id().equals(CheckIds.DNS_MTA_STS_POLICY)).findFirst().orElseThrow();
    }

    private static String spkiSha256(TestPki.Issued issued) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(issued.certificate().getPublicKey().getEncoded()));
    }
}
