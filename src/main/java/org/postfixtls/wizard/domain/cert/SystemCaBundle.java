package org.postfixtls.wizard.domain.cert;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Where the operating system keeps its PEM CA bundle, the file Postfix's {@code smtp_tls_CAfile} usually names.
 * The first existing candidate wins; the existence test is passed in so the same lookup works on the server.
 */
public final class SystemCaBundle {

    private static final List<Path> UNIX_CANDIDATES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),          // Debian, Ubuntu, Gentoo, Arch
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),            // Fedora, RHEL, CentOS
            Path.of("/etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem"), // RHEL 7+
            Path.of("/etc/ssl/ca-bundle.pem"),                      // openSUSE, SLES
            Path.of("/etc/ssl/cert.pem"),                           // Alpine, macOS, OpenBSD
            Path.of("/usr/local/etc/ssl/cert.pem"),                 // FreeBSD
            Path.of("/usr/local/share/certs/ca-root-nss.crt"));     // FreeBSD ca_root_nss

    private SystemCaBundle() {
    }

    /** Candidates in the order they are tried for the given {@code os.name}. */
    public static List<Path> candidates(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("windows")) {
            // Windows has no PEM bundle; the user must give --ca-file.
            return List.of();
        }
        if (os.contains("mac")) {
            return List.of(Path.of("/etc/ssl/cert.pem"), Path.of("/usr/local/etc/openssl/cert.pem"),
                    Path.of("/opt/homebrew/etc/ca-certificates/cert.pem"));
        }
        return UNIX_CANDIDATES;
    }

    public static Optional<Path> locate(String osName, Predicate<Path> exists) {
        return candidates(osName).stream().filter(exists).findFirst();
    }
}
