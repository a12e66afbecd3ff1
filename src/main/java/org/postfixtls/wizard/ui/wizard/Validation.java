package org.postfixtls.wizard.ui.wizard;

import java.util.Objects;

/** The outcome of a step's check before the wizard moves on: passed, or vetoed with a reason for the user. */
public record Validation(boolean passed, String message) {

    private static final Validation OK = new Validation(true, "");

    public Validation {
        Objects.requireNonNull(message, "message");
        if (!passed && message.isBlank()) {
            throw new IllegalArgumentException("A veto must tell the user what to fix");
        }
    }

    public static Validation ok() {
        return OK;
    }

    public static Validation veto(String message) {
        return new Validation(false, message);
    }
}
