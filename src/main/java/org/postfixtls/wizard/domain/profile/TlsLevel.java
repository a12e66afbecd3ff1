package org.postfixtls.wizard.domain.profile;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Postfix TLS security levels (TLS_README "TLS security levels"), spelled as in main.cf, and the one place that says
 * where each may be used and what it needs from the server. The profile reader, the validator (and so the wizard's
 * step vetoes), the pages, the planner and the CLI all ask here.
 */
public enum TlsLevel {
    NONE("none"), MAY("may"), ENCRYPT("encrypt"), DANE("dane"), DANE_ONLY("dane-only"), FINGERPRINT("fingerprint"),
    VERIFY("verify"), SECURE("secure");

    /**
     * What smtp_tls_security_level, the default for all destinations, may be; in the order the wizard offers them,
     * the recommended one first. Fingerprint pins the certificates of one server: as the default it would match no
     * other server and defer nearly all mail, so it belongs in a domain policy only.
     */
    public static final List<TlsLevel> OUTBOUND_DEFAULTS = List.of(MAY, DANE, ENCRYPT, DANE_ONLY, VERIFY, SECURE, NONE);

    /** What smtpd_tls_security_level takes (postconf(5)): none, may, encrypt; recommended first. */
    public static final List<TlsLevel> INBOUND = List.of(MAY, ENCRYPT, NONE);

    /** A domain policy (smtp_tls_policy_maps) may use every level. */
    public static final List<TlsLevel> POLICY = List.of(values());

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

    /**
     * DANE needs DNSSEC-validated lookups (smtp_dns_support_level = dnssec and a validating resolver on the server);
     * without them Postfix silently downgrades dane to may (TLS_README "Mandatory server certificate verification").
     */
    public boolean needsDnssec() {
        return usesDane();
    }

    /** "may, encrypt, none": the allowed levels as an error message lists them. */
    public static String names(List<TlsLevel> levels) {
        return String.join(", ", levels.stream().map(TlsLevel::postfixName).toList());
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
