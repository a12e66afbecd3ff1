package org.postfixtls.wizard.domain.cert;

import java.util.Objects;

/**
 * One problem found by the inspection.
 *
 * @param message what is wrong, naming the certificate or file concerned
 * @param advice  what to do about it
 */
public record Finding(FindingId id, String message, String advice) {

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(advice, "advice");
    }

    public Severity severity() {
        return id.severity();
    }
}
