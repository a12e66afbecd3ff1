package org.postfixtls.wizard.domain.config.stack;

import java.util.Objects;

/** A recognised mail stack and what gave it away (a line of the configuration or a marker file). */
public record DetectedStack(MailStack stack, String evidence) {

    public DetectedStack {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(evidence, "evidence");
    }
}
