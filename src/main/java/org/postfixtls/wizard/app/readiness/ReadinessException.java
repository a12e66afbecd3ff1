package org.postfixtls.wizard.app.readiness;

/** The readiness check could not run: the log could not be read, or the user cancelled. The message is for people. */
public class ReadinessException extends RuntimeException {

    public ReadinessException(String message) {
        super(message);
    }

    public ReadinessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The user asked to stop. */
    public static final class Cancelled extends ReadinessException {
        public Cancelled() {
            super("cancelled");
        }
    }
}
