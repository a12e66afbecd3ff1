package org.postfixtls.wizard.domain.verify;

import java.util.Objects;

/**
 * What one targeted handshake attempt showed. {@code UNKNOWN} (the port did not answer, timed out, or the dialog
 * broke before the handshake) is never counted as "refused": a probe that could not run proves nothing.
 */
public record ProbeOutcome(Result result, String detail) {

    public enum Result {
        ACCEPTED, REFUSED, UNKNOWN
    }

    public ProbeOutcome {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(detail, "detail");
    }

    public static ProbeOutcome accepted(String detail) {
        return new ProbeOutcome(Result.ACCEPTED, detail);
    }

    public static ProbeOutcome refused(String detail) {
        return new ProbeOutcome(Result.REFUSED, detail);
    }

    public static ProbeOutcome unknown(String detail) {
        return new ProbeOutcome(Result.UNKNOWN, detail);
    }

    public boolean accepted() {
        return result == Result.ACCEPTED;
    }

    public boolean refused() {
        return result == Result.REFUSED;
    }
}
