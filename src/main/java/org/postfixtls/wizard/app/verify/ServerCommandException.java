package org.postfixtls.wizard.app.verify;

/** The command could not be run at all (not installed, no connection, timed out) — as opposed to a non-zero exit. */
public final class ServerCommandException extends Exception {

    private static final long serialVersionUID = 1L;

    public ServerCommandException(String message) {
        super(message);
    }

    public ServerCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
