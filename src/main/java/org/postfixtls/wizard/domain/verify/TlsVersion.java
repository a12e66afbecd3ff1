package org.postfixtls.wizard.domain.verify;

import java.util.Optional;

/** The protocol versions probed one by one. Names as OpenSSL and Postfix's logs spell them (also the JSON keys). */
public enum TlsVersion {
    TLS_1_0("TLSv1", true),
    TLS_1_1("TLSv1.1", true),
    TLS_1_2("TLSv1.2", false),
    TLS_1_3("TLSv1.3", false);

    private final String label;
    private final boolean obsolete;

    TlsVersion(String label, boolean obsolete) {
        this.label = label;
        this.obsolete = obsolete;
    }

    public String label() {
        return label;
    }

    /** Deprecated by RFC 8996; NIST SP 800-52r2 (guide, compliance notes) requires 1.2 or later. */
    public boolean obsolete() {
        return obsolete;
    }

    public static Optional<TlsVersion> fromLabel(String label) {
        for (TlsVersion version : values()) {
            if (version.label.equals(label)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
