package org.postfixtls.wizard.domain.verify;

/**
 * What a port is for, which decides what it must enforce: the submission ports carry passwords and must require
 * TLS (runbook "Inbound: require TLS on submission"); port 25 takes mail from other servers opportunistically.
 */
public enum PortRole {
    SMTP("smtp", PortMode.STARTTLS, false, 25),
    SUBMISSION("submission", PortMode.STARTTLS, true, 587),
    SUBMISSIONS("submissions", PortMode.IMPLICIT, true, 465);

    private final String label;
    private final PortMode mode;
    private final boolean tlsRequired;
    private final int defaultPort;

    PortRole(String label, PortMode mode, boolean tlsRequired, int defaultPort) {
        this.label = label;
        this.mode = mode;
        this.tlsRequired = tlsRequired;
        this.defaultPort = defaultPort;
    }

    public String label() {
        return label;
    }

    public PortMode mode() {
        return mode;
    }

    /** Whether the runbook requires TLS (and AUTH only over TLS) on this port. */
    public boolean tlsRequired() {
        return tlsRequired;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
