package org.postfixtls.wizard.domain.profile;

import java.util.Arrays;
import java.util.Optional;

/** Postfix TLS security levels (TLS_README "TLS security levels"), spelled as in main.cf. */
public enum TlsLevel {
    NONE("none"), MAY("may"), ENCRYPT("encrypt"), DANE("dane"), DANE_ONLY("dane-only"), FINGERPRINT("fingerprint"),
    VERIFY("verify"), SECURE("secure");

    private final String postfixName;

    TlsLevel(String postfixName) {
        this.postfixName = postfixName;
    }

    public String postfixName() {
        return postfixName;
    }

    public static Optional<TlsLevel> parse(String text) {
        return Arrays.stream(values()).filter(l -> l.postfixName.equals(text)).findFirst();
    }

    /** A level as Postfix reads it from main.cf or master.cf: case does not matter ("None" is none). */
    public static Optional<TlsLevel> parseConfig(String text) {
        return Arrays.stream(values()).filter(l -> l.postfixName.equalsIgnoreCase(text.trim())).findFirst();
    }

    /** Levels where mail is deferred rather than sent in clear when TLS fails. */
    public boolean mandatory() {
        return this != NONE && this != MAY && this != DANE;
    }

    public boolean usesDane() {
        return this == DANE || this == DANE_ONLY;
    }

    /** Levels that check the peer certificate against a trust anchor from a CA file. */
    public boolean needsCa() {
        return this == VERIFY || this == SECURE;
    }

    /** Levels where a policy entry's {@code match=} attribute means something (postconf(5) smtp_tls_policy_maps). */
    public boolean acceptsMatch() {
        return this == VERIFY || this == SECURE || this == FINGERPRINT;
    }
}
