package org.postfixtls.wizard.domain.records;

/** RFC 8461 policy modes the wizard offers; {@code none} is only for withdrawing a policy and is not generated. */
public enum MtaStsMode {
    /** Senders report failures (TLS-RPT) but still deliver: the safe first step. */
    TESTING,
    /** Senders refuse to deliver without a valid TLS connection to a listed MX. */
    ENFORCE;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
