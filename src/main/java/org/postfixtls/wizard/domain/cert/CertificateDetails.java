package org.postfixtls.wizard.domain.cert;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * What the inspection shows for one certificate of the chain.
 *
 * @param position          1-based position in the file
 * @param daysLeft          whole days until notAfter at inspection time (negative when expired)
 * @param sha256Fingerprint upper-case, colon-separated, as {@code openssl x509 -fingerprint -sha256} prints it
 */
public record CertificateDetails(
        int position,
        String subject,
        List<String> subjectAlternativeNames,
        String issuer,
        BigInteger serial,
        Instant notBefore,
        Instant notAfter,
        long daysLeft,
        PublicKeyDescription publicKey,
        String signatureAlgorithm,
        String sha256Fingerprint,
        boolean selfSigned,
        boolean certificateAuthority) {

    public CertificateDetails {
        subjectAlternativeNames = List.copyOf(subjectAlternativeNames);
    }

    public String serialHex() {
        return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
    }
}
