package org.postfixtls.wizard.domain.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One verified statement, ready to show: id (docs/findings.md), the port it concerns (none for DNS and outbound),
 * status, a one-line detail, the evidence it rests on (server replies, negotiated values) and, when not a pass,
 * the fix.
 */
public record Check(String id, Optional<Integer> port, CheckStatus status, String detail, List<String> evidence,
                    Optional<String> fix) {

    public Check {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(fix, "fix");
    }

    public static Check pass(String id, Integer port, String detail, List<String> evidence) {
        return new Check(id, Optional.ofNullable(port), CheckStatus.PASS, detail, evidence, Optional.empty());
    }

    public static Check fail(String id, Integer port, String detail, List<String> evidence, String fix) {
        return new Check(id, Optional.ofNullable(port), CheckStatus.FAIL, detail, evidence, Optional.of(fix));
    }

    public static Check warn(String id, Integer port, String detail, List<String> evidence, String fix) {
        return new Check(id, Optional.ofNullable(port), CheckStatus.WARN, detail, evidence, Optional.of(fix));
    }

    public static Check skipped(String id, Integer port, String detail) {
        return new Check(id, Optional.ofNullable(port), CheckStatus.SKIPPED, detail, List.of(), Optional.empty());
    }
}
