package org.postfixtls.wizard.domain.verify;

import java.util.List;

/** The DNS part of the verification, judged. */
public record DnsResult(DnsObservation observation, List<Check> checks) {

    public DnsResult {
        checks = List.copyOf(checks);
    }

    public CheckStatus status() {
        return Verdicts.worst(checks);
    }
}
