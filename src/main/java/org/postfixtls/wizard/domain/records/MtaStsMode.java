package org.postfixtls.wizard.domain.records;

/** RFC 8461 policy modes. */
public enum MtaStsMode {
    /** Senders report failures (TLS-RPT) but still deliver: the safe first step. */
    TESTING,
    /** Senders refuse to deliver without a valid TLS connection to a listed MX. */
    ENFORCE,
    /** Withdraws a published policy: senders forget it (RFC 8461 8.3, with a small max_age and a new id). */
    NONE;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
