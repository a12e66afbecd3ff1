package org.postfixtls.wizard.domain.verify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The whole verification: per port, DNS, server side and the "Done" checklist. Compliance evidence (host, time,
 * configuration hash, every check with its evidence); the reports render it, the UI shows it as it is.
 */
public record VerificationReport(String host, Instant startedAt, Duration elapsed, List<PortResult> ports,
                                 Optional<DnsResult> dns, Optional<ServerResult> server, List<Check> checklist) {

    public VerificationReport {
        ports = List.copyOf(ports);
        checklist = List.copyOf(checklist);
    }

    /** Every check: per port in port order, then DNS, then server side, then the checklist items. */
    public List<Check> checks() {
        List<Check> all = new ArrayList<>();
        ports.forEach(p -> all.addAll(p.checks()));
        dns.ifPresent(d -> all.addAll(d.checks()));
        server.ifPresent(s -> all.addAll(s.checks()));
        all.addAll(checklist);
        return all;
    }

    public Optional<String> configHash() {
        return server.flatMap(s -> s.observation().configHash());
    }

    public CheckStatus status() {
        return Verdicts.worst(checks());
    }

    public boolean anyFailed() {
        return checks().stream().anyMatch(c -> c.status() == CheckStatus.FAIL);
    }
}
