package org.postfixtls.wizard.domain.cert;

import java.net.IDN;
import java.util.List;
import java.util.Locale;

/**
 * Whether a certificate is valid for a host name, following RFC 6125 as OpenSSL applies it for Postfix's
 * {@code match=hostname}: DNS subjectAltNames when present (the CN only when there are none), and a wildcard
 * only as the whole left-most label, matching exactly one label.
 */
public final class HostnameMatcher {

    private HostnameMatcher() {
    }

    public static boolean matches(ParsedCertificate certificate, String hostname) {
        List<String> names = certificate.dnsNames();
        if (names.isEmpty() && !certificate.commonName().isEmpty()) {
            names = List.of(certificate.commonName());
        }
        String host = normalize(hostname);
        return names.stream().map(HostnameMatcher::normalize).anyMatch(pattern -> matches(pattern, host));
    }

    static boolean matches(String pattern, String host) {
        if (pattern.equals(host)) {
            return true;
        }
        if (!pattern.startsWith("*.")) {
            return false;
        }
        String suffix = pattern.substring(1);
        int firstDot = host.indexOf('.');
        // "*.example.com" needs at least two labels after the wildcard to avoid "*.com".
        return firstDot > 0 && host.substring(firstDot).equals(suffix) && suffix.indexOf('.', 1) > 0;
    }

    static String normalize(String name) {
        String trimmed = name.strip();
        if (trimmed.endsWith(".")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            return IDN.toASCII(trimmed, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return trimmed.toLowerCase(Locale.ROOT);
        }
    }
}
