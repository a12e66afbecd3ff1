package org.postfixtls.wizard.domain.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The runbook's "Done" section, item by item, each derived from the checks that prove it. An item is as good as
 * its worst check; when nothing proved it, it is "skipped" (not checked), never a pass.
 */
public final class Checklist {

    private Checklist() {
    }

    public static List<Check> done(List<PortResult> ports, Optional<ServerResult> server) {
        List<Check> all = new ArrayList<>();
        ports.forEach(p -> all.addAll(p.checks()));
        server.ifPresent(s -> all.addAll(s.checks()));
        List<Check> items = new ArrayList<>();
        List<Integer> submissionPorts = ports.stream().filter(p -> p.target().role().tlsRequired())
                .map(p -> p.target().port()).toList();
        items.add(item(CheckIds.DONE_SUBMISSION, "Submission ports (587/465) require TLS and offer AUTH only over it",
                all, c -> c.port().map(submissionPorts::contains).orElse(false) && (c.id().equals(CheckIds.PORT_REACHABLE)
                        || c.id().equals(CheckIds.TLS_REQUIRED) || c.id().equals(CheckIds.AUTH_ONLY_AFTER_TLS)
                        || c.id().equals(CheckIds.AUTH_AFTER_TLS) || c.id().equals(CheckIds.TLS_HANDSHAKE))));
        items.add(item(CheckIds.DONE_OUTBOUND, "Outbound uses TLS opportunistically (or as chosen)", all,
                c -> c.id().equals(CheckIds.OUTBOUND_LEVEL) || c.id().equals(CheckIds.OUTBOUND_PROBE)
                        || c.id().equals(CheckIds.OUTBOUND_LOG)));
        items.add(item(CheckIds.DONE_CIPHERS, "Weak ciphers excluded", all,
                c -> c.id().startsWith(CheckIds.WEAK_CIPHER_PREFIX) || (c.id().startsWith(CheckIds.PROTOCOL_PREFIX)
                        && (c.id().endsWith("tlsv1") || c.id().endsWith("tlsv1.1")))));
        List<String> certificateIds = new ArrayList<>(List.of(CheckIds.CERTIFICATE_PRESENTED, CheckIds.CERTIFICATE_VALID,
                CheckIds.CERTIFICATE_EXPECTED, CheckIds.CERTIFICATE_ECDSA_SERVED, CheckIds.CERTIFICATE_RSA_SERVED));
        for (org.postfixtls.wizard.domain.cert.FindingId id : org.postfixtls.wizard.domain.cert.FindingId.values()) {
            if (id != org.postfixtls.wizard.domain.cert.FindingId.KEY_PERMISSIONS) {
                certificateIds.add(id.id());
            }
        }
        items.add(item(CheckIds.DONE_CERTIFICATE, "Certificate valid and presented", all,
                c -> c.port().isPresent() && certificateIds.contains(c.id())));
        items.add(item(CheckIds.DONE_KEY, "The private key is readable only by root and Postfix", all,
                c -> c.port().isEmpty() && c.id().equals(CheckIds.KEY_FILE_PERMISSIONS)));
        return items;
    }

    private static Check item(String id, String statement, List<Check> all, Predicate<Check> proves) {
        List<Check> evidence = all.stream().filter(proves).toList();
        CheckStatus status = Verdicts.worst(evidence);
        List<String> lines = evidence.stream()
                .map(c -> c.status().json() + " " + c.id() + c.port().map(p -> " (port " + p + ")").orElse("") + ": " + c.detail())
                .toList();
        List<String> fixes = evidence.stream().filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.WARN)
                .flatMap(c -> c.fix().stream()).distinct().toList();
        String detail = switch (status) {
            case PASS -> statement + ": yes";
            case WARN -> statement + ": yes, with warnings";
            case FAIL -> statement + ": NO";
            case SKIPPED -> statement + ": not checked";
        };
        return new Check(id, Optional.empty(), status, detail, lines,
                fixes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", fixes)));
    }
}
