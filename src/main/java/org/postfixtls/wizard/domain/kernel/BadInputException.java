package org.postfixtls.wizard.domain.kernel;

/**
 * The input is not what the operation needs (not PEM, DER, truncated, a key instead of a certificate, ...).
 * The message is meant for the user: it names the file and what was expected instead.
 */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
