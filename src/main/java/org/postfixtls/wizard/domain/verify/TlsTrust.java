package org.postfixtls.wizard.domain.verify;

import java.util.Optional;

/** How Postfix classifies a TLS peer in its logs ("Verified TLS connection established to ..."), plus no TLS at all. */
public enum TlsTrust {
    VERIFIED("Verified"),
    TRUSTED("Trusted"),
    UNTRUSTED("Untrusted"),
    ANONYMOUS("Anonymous"),
    PLAINTEXT("plaintext");

    private final String label;

    TlsTrust(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static Optional<TlsTrust> fromLogWord(String word) {
        for (TlsTrust trust : values()) {
            if (trust != PLAINTEXT && trust.label.equals(word)) {
                return Optional.of(trust);
            }
        }
        return Optional.empty();
    }
}
