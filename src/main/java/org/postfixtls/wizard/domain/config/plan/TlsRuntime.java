package org.postfixtls.wizard.domain.config.plan;

import java.util.Optional;

/**
 * What the server's TLS library and Postfix build offer beyond the Postfix version: the OpenSSL release (unknown
 * for local files and when discovery could not tell), whether Postfix was built with libtlsrpt, and a system-wide
 * OpenSSL setting that narrows what Postfix negotiates (a {@code MinProtocol} or {@code @SECLEVEL} in openssl.cnf,
 * a crypto policy such as RHEL's FUTURE).
 *
 * @param openssl          the OpenSSL release Postfix uses, null when unknown
 * @param opensslEvidence  how it was learned ("openssl version", "libssl.so.3 linked by smtpd"), for messages
 * @param tlsrpt           TLSRPT support of the build
 * @param systemPolicy     the strict system setting found ("/etc/ssl/openssl.cnf: MinProtocol = TLSv1.2"),
 *                         null when none was found or it was not checked
 */
public record TlsRuntime(OpensslVersion openssl, String opensslEvidence, Support tlsrpt, String systemPolicy) {

    /** Nothing known: local files, the demo server, an old discovery. */
    public static final TlsRuntime UNKNOWN = new TlsRuntime(null, null, Support.UNKNOWN, null);

    /** Whether a build-time feature is there; UNKNOWN means it could not be checked, never "assume yes". */
    public enum Support { YES, NO, UNKNOWN }

    public TlsRuntime {
        tlsrpt = tlsrpt == null ? Support.UNKNOWN : tlsrpt;
        systemPolicy = systemPolicy == null || systemPolicy.isBlank() ? null : systemPolicy;
    }

    /**
     * Only an OpenSSL release, as a person stated it where discovery could not read it ({@code source}: where it
     * was stated, shown beside the version); nothing is known of the build's other features.
     */
    public static TlsRuntime stated(OpensslVersion openssl, String source) {
        return new TlsRuntime(openssl, source, Support.UNKNOWN, null);
    }

    public Optional<OpensslVersion> opensslVersion() {
        return Optional.ofNullable(openssl);
    }

    public Optional<String> strictSystemPolicy() {
        return Optional.ofNullable(systemPolicy);
    }

    /** The OpenSSL release for a sentence: "OpenSSL 3.0.17 (openssl version)" or "an unknown OpenSSL". */
    public String describeOpenssl() {
        return openssl == null ? "an unknown OpenSSL release"
                : "OpenSSL " + openssl + (opensslEvidence == null ? "" : " (" + opensslEvidence + ")");
    }
}
