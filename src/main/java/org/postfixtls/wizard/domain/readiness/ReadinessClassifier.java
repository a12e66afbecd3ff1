package org.postfixtls.wizard.domain.readiness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * Judges every destination of a log read at the level that would apply to it (TLS_README "TLS security levels"):
 * <ul>
 * <li>{@code none}, {@code may}: mail flows with or without TLS;</li>
 * <li>{@code encrypt}: fails where a delivery went out in clear (no STARTTLS seen);</li>
 * <li>{@code verify}, {@code secure}, {@code fingerprint}: also fails where the certificate was not trusted; a
 * trusted chain is not enough to say, because at opportunistic levels Postfix does not check the name (it logs
 * "Trusted", never "Verified"), so only the probe decides;</li>
 * <li>{@code dane}: falls back to opportunistic TLS without DNSSEC-signed TLSA records, so the log alone never
 * shows a failure; {@code dane-only} needs such records, which only the probe can show.</li>
 * </ul>
 * A live probe that does not meet the level turns a verdict into would-fail; one that meets it decides only what the
 * log could not (it does not erase deliveries the log shows failing: they may have gone to another MX).
 */
public final class ReadinessClassifier {

    private ReadinessClassifier() {
    }

    public static ReadinessReport classify(ScanResult scan, Proposal proposal, Map<String, ProbeFinding> probes) {
        List<DestinationReadiness> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DestinationEvidence evidence : scan.destinations()) {
            seen.add(evidence.destination());
            Proposal.Applied applied = proposal.levelFor(evidence.destination(), evidence.relayHost(),
                    evidence.relayPort());
            rows.add(judge(evidence, applied, Optional.ofNullable(probes.get(evidence.destination()))));
        }
        for (Profile.Policy policy : proposal.policies()) {
            String key = policy.destination().toLowerCase(Locale.ROOT);
            if (!key.startsWith("[") && !key.startsWith(".") && !seen.contains(key)) {
                rows.add(new DestinationReadiness(key, Optional.empty(), policy.level(),
                        Optional.of(key + " " + policy.level().postfixName()), Verdict.UNKNOWN,
                        "no traffic to it in the log window", Optional.empty(), Optional.empty()));
            }
        }
        rows.sort(Comparator.comparingLong(DestinationReadiness::messages).reversed()
                .thenComparing(DestinationReadiness::destination));
        return new ReadinessReport(proposal.defaultLevel(), rows, scan);
    }

    private static DestinationReadiness judge(DestinationEvidence e, Proposal.Applied applied,
            Optional<ProbeFinding> probe) {
        TlsLevel level = applied.level();
        Optional<String> entry = applied.entry().map(p -> p.destination() + " " + p.level().postfixName());
        Judgement fromLog = fromLog(e, level);
        Judgement judged = probe.map(p -> withProbe(fromLog, p, level)).orElse(fromLog);
        Optional<Suggestion> suggestion = suggest(e, level, judged.verdict, probe);
        return new DestinationReadiness(e.destination(), Optional.of(e), level, entry, judged.verdict, judged.reason,
                suggestion, probe);
    }

    private record Judgement(Verdict verdict, String reason) {
    }

    private static Judgement fromLog(DestinationEvidence e, TlsLevel level) {
        if (!level.mandatory() && level != TlsLevel.DANE) {
            return new Judgement(Verdict.OK, "level " + level.postfixName() + " sends with or without TLS");
        }
        Optional<TlsGrade> weakest = e.weakest();
        if (weakest.isEmpty()) {
            return new Judgement(Verdict.UNKNOWN, "no delivery got far enough to show whether TLS was used");
        }
        long clear = e.count(TlsGrade.NONE);
        if (level == TlsLevel.DANE) {
            return new Judgement(Verdict.OK, "dane falls back to opportunistic TLS when the domain publishes no"
                    + " DNSSEC-signed TLSA records; the probe shows whether it does");
        }
        if (clear > 0) {
            return new Judgement(Verdict.WOULD_FAIL, "no STARTTLS seen: " + clear + " of " + e.messages()
                    + " deliveries went out in clear");
        }
        if (level == TlsLevel.ENCRYPT) {
            return new Judgement(Verdict.OK, "TLS on every delivery (weakest: " + weakest.get().jsonName() + ")");
        }
        if (level == TlsLevel.DANE_ONLY) {
            return e.strongest().orElseThrow() == TlsGrade.VERIFIED && weakest.get() == TlsGrade.VERIFIED
                    ? new Judgement(Verdict.OK, "every delivery was verified")
                    : new Judgement(Verdict.UNKNOWN, "dane-only needs DNSSEC-signed TLSA records, which the log"
                    + " does not show; the probe checks them");
        }
        long untrusted = e.count(TlsGrade.UNTRUSTED) + e.count(TlsGrade.ANONYMOUS);
        if (untrusted > 0) {
            return new Judgement(Verdict.WOULD_FAIL, "certificate untrusted for " + level.postfixName() + ": "
                    + untrusted + " of " + e.messages() + " deliveries had a certificate the server's CA list"
                    + " (smtp_tls_CAfile, smtp_tls_CApath) does not trust");
        }
        if (weakest.get() == TlsGrade.TRUSTED) {
            return new Judgement(Verdict.UNKNOWN, "the certificate chain is trusted, but at the current level"
                    + " Postfix does not log whether its name matches; the probe checks it");
        }
        return new Judgement(Verdict.OK, "every delivery was verified");
    }

    private static Judgement withProbe(Judgement fromLog, ProbeFinding probe, TlsLevel level) {
        String at = "posttls-finger -l " + probe.level() + " " + probe.target();
        return switch (probe.result()) {
            case ERROR -> new Judgement(fromLog.verdict, fromLog.reason + "; the probe could not run: "
                    + probe.detail());
            case NOT_MET -> new Judgement(level.mandatory() || level == TlsLevel.DANE ? Verdict.WOULD_FAIL
                    : fromLog.verdict, (fromLog.verdict == Verdict.WOULD_FAIL ? fromLog.reason + "; " : "")
                    + at + " did not meet the level: " + probe.detail());
            case MET -> fromLog.verdict == Verdict.WOULD_FAIL
                    ? new Judgement(Verdict.WOULD_FAIL, fromLog.reason + "; " + at + " met the level today ("
                    + probe.detail() + "): the failing deliveries may have gone to another server, or it was"
                    + " fixed since")
                    : new Judgement(Verdict.OK, (fromLog.verdict == Verdict.OK ? fromLog.reason + "; " : "")
                    + at + " met the level: " + probe.detail());
        };
    }

    /**
     * What keeps mail flowing: {@code encrypt} when every delivery had TLS (the certificate was the problem),
     * else {@code may}. For a destination that meets a weaker level with a trusted or verified certificate, the
     * optional {@code verify} entry.
     */
    private static Optional<Suggestion> suggest(DestinationEvidence e, TlsLevel level, Verdict verdict,
            Optional<ProbeFinding> probe) {
        if (verdict == Verdict.WOULD_FAIL) {
            boolean alwaysTls = e.weakest().map(g -> g != TlsGrade.NONE).orElse(false)
                    && probe.flatMap(ProbeFinding::grade).map(g -> g != TlsGrade.NONE).orElse(true);
            TlsLevel keep = alwaysTls && level != TlsLevel.ENCRYPT ? TlsLevel.ENCRYPT : TlsLevel.MAY;
            return Optional.of(new Suggestion(e.destination(), keep, Suggestion.Kind.KEEPS_MAIL_FLOWING,
                    e.messages() + " deliveries in the log, weakest TLS: "
                            + e.weakest().map(TlsGrade::jsonName).orElse("unknown")));
        }
        boolean strongerPossible = level == TlsLevel.MAY || level == TlsLevel.ENCRYPT || level == TlsLevel.DANE;
        boolean trustedAlways = e.weakest().map(g -> g.compareTo(TlsGrade.TRUSTED) >= 0).orElse(false)
                && probe.flatMap(ProbeFinding::grade).map(g -> g.compareTo(TlsGrade.TRUSTED) >= 0).orElse(true);
        if (verdict == Verdict.OK && strongerPossible && trustedAlways) {
            return Optional.of(new Suggestion(e.destination(), TlsLevel.VERIFY, Suggestion.Kind.STRONGER,
                    "every one of " + e.messages() + " deliveries had a trusted certificate; check the name with"
                            + " posttls-finger -l verify before enforcing"));
        }
        return Optional.empty();
    }
}
