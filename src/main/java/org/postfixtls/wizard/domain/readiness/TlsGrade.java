package org.postfixtls.wizard.domain.readiness;

import java.util.Locale;
import java.util.Optional;

/**
 * What one outbound delivery's connection achieved, as Postfix's smtp(8) logs it ("Trusted TLS connection
 * established to …"), or {@link #NONE} when the delivery had no TLS line: sent in clear. Ordered weakest first.
 */
public enum TlsGrade {
    NONE, ANONYMOUS, UNTRUSTED, TRUSTED, VERIFIED;

    /** The spelling of the JSON contract (docs/readiness.md). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Postfix's log word ("Verified", "Trusted", "Untrusted", "Anonymous"). */
    static Optional<TlsGrade> fromLogWord(String word) {
        return switch (word) {
            case "Verified" -> Optional.of(VERIFIED);
            case "Trusted" -> Optional.of(TRUSTED);
            case "Untrusted" -> Optional.of(UNTRUSTED);
            case "Anonymous" -> Optional.of(ANONYMOUS);
            default -> Optional.empty();
        };
    }
}
