package org.postfixtls.wizard.ui.wizard;

import java.util.Objects;

/**
 * The outcome of a step's check before the wizard moves on: passed, or vetoed with a reason for the user and, when
 * one control is at fault, that control's node id so the window can mark it.
 */
public record Validation(boolean passed, String message, String fieldId) {

    private static final Validation OK = new Validation(true, "", null);

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
        return new Validation(false, message, null);
    }

    /** A veto that names the control at fault (its node id on the step's page), or null for none. */
    public static Validation veto(String message, String fieldId) {
        return new Validation(false, message, fieldId);
    }
}
