package org.postfixtls.wizard.app.discovery;

/** The server is reachable but is not a usable Postfix host (no Postfix, no main.cf in the directory, ...). */
public final class DiscoveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }
}
