package org.postfixtls.wizard.domain.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postfixtls.wizard.domain.cert.KeyPermissionPolicy;
import org.postfixtls.wizard.domain.text.Counted;

/** Judges the server-side observations: outbound level as chosen, key protection, posttls-finger, the mail log. */
public final class ServerEvaluator {

    private ServerEvaluator() {
    }

    /** @param expectedOutboundLevel the level the wizard chose (the runbook's default is {@code may}) */
    public static ServerResult evaluate(ServerObservation server, String expectedOutboundLevel) {
        List<Check> checks = new ArrayList<>();
        String unavailable = server.problems().isEmpty() ? "not gathered" : String.join("; ", server.problems());
        checks.add(server.outboundLevel()
                .map(level -> level.equals(expectedOutboundLevel)
                        ? Check.pass(CheckIds.OUTBOUND_LEVEL, null, "outbound TLS level is " + level + " as chosen",
                        List.of("smtp_tls_security_level = " + level))
                        : level.isEmpty() || level.equals("none")
                        ? Check.fail(CheckIds.OUTBOUND_LEVEL, null, "outbound TLS is off (smtp_tls_security_level = "
                        + (level.isEmpty() ? "empty" : level) + ")", List.of("smtp_tls_security_level = " + level),
                        "Set smtp_tls_security_level = " + expectedOutboundLevel + " in main.cf and reload")
                        : Check.warn(CheckIds.OUTBOUND_LEVEL, null, "outbound TLS level is " + level + ", the wizard chose "
                        + expectedOutboundLevel, List.of("smtp_tls_security_level = " + level),
                        "Set smtp_tls_security_level = " + expectedOutboundLevel + " in main.cf and reload"))
                .orElse(Check.skipped(CheckIds.OUTBOUND_LEVEL, null, "not checked: " + unavailable)));
        if (server.keyFile().isPresent() && server.keyMetadata().isPresent()) {
            String file = server.keyFile().get();
            var metadata = server.keyMetadata().get();
            List<String> evidence = List.of(file + ": owner " + metadata.owner() + ", group " + metadata.group()
                    + ", mode " + metadata.modeOctal());
            List<String> violations = KeyPermissionPolicy.DEFAULT.violations(metadata);
            checks.add(violations.isEmpty()
                    ? Check.pass(CheckIds.KEY_FILE_PERMISSIONS, null, "the private key is readable only by root (and Postfix)", evidence)
                    : Check.fail(CheckIds.KEY_FILE_PERMISSIONS, null, "the private key " + file + " is " + String.join(", ", violations),
                    evidence, "chown root:root " + file + " && chmod 600 " + file));
        } else {
            checks.add(Check.skipped(CheckIds.KEY_FILE_PERMISSIONS, null, "not checked: " + unavailable));
        }
        server.outboundProbe().ifPresent(probe -> checks.add(outboundProbe(probe)));
        checks.add(server.mailLog().map(ServerEvaluator::mailLog)
                .orElse(Check.skipped(CheckIds.OUTBOUND_LOG, null, "not checked: " + unavailable)));
        return new ServerResult(server, checks);
    }

    private static Check outboundProbe(OutboundProbe probe) {
        List<String> evidence = probe.output().stream().limit(10).toList();
        String what = "posttls-finger -l " + probe.level() + " " + probe.destination();
        if (probe.trust().isEmpty()) {
            return Check.fail(CheckIds.OUTBOUND_PROBE, null, what + ": no SMTP session", evidence,
                    "Check that the destination is reachable from the server on port 25");
        }
        String outcome = probe.trust().get() == TlsTrust.PLAINTEXT ? "plaintext (no TLS)"
                : probe.trust().get().label() + " TLS, " + probe.protocol().orElse("?") + " with " + probe.cipher().orElse("?");
        return probe.satisfiesLevel()
                ? Check.pass(CheckIds.OUTBOUND_PROBE, null, what + ": " + outcome, evidence)
                : Check.fail(CheckIds.OUTBOUND_PROBE, null, what + ": " + outcome + " does not meet level " + probe.level()
                + ": enforcing it would defer mail to this destination", evidence,
                "Keep this destination at may (or encrypt) in the TLS policy map until it presents a verifiable certificate");
    }

    private static Check mailLog(MailLogSummary log) {
        List<String> evidence = new ArrayList<>();
        evidence.add(log.linesRead() + " log lines read");
        evidence.add("inbound TLS versions: " + log.inboundVersions());
        evidence.add("outbound TLS versions: " + log.outboundVersions());
        for (Map.Entry<String, Map<TlsTrust, Integer>> destination : log.perDestination().entrySet()) {
            evidence.add(destination.getKey() + ": " + destination.getValue());
        }
        if (log.outboundTotal() == 0) {
            return Check.skipped(CheckIds.OUTBOUND_LOG, null, "not checked: the log shows no outbound connections");
        }
        int plaintext = log.outbound(TlsTrust.PLAINTEXT);
        long obsolete = log.outboundVersions().keySet().stream().filter(v -> v.equals("TLSv1") || v.equals("TLSv1.1")
                || v.equals("SSLv3")).count();
        String summary = Counted.of(log.outboundTotal() - plaintext, "outbound TLS connection") + ", "
                + Counted.of(plaintext, "plaintext delivery", "plaintext deliveries");
        if (plaintext > 0 || obsolete > 0) {
            return Check.warn(CheckIds.OUTBOUND_LOG, null, summary + (obsolete > 0 ? ", obsolete TLS versions in use" : "")
                    + " (opportunistic TLS falls back for peers without TLS)", evidence,
                    "Expected with smtp_tls_security_level = may; list destinations that must be encrypted in the TLS policy map");
        }
        return Check.pass(CheckIds.OUTBOUND_LOG, null, summary, evidence);
    }
}
