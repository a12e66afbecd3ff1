package org.postfixtls.wizard.domain.verify;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a TLSA record ({@code usage selector matching-type data}) matches a served chain, as RFC 7671 defines
 * it for SMTP: DANE-EE (3) against the server certificate, DANE-TA (2) against any certificate of the chain.
 * PKIX usages (0, 1) are not used for SMTP (RFC 7672) and never match here.
 */
public final class TlsaMatcher {

    private TlsaMatcher() {
    }

    /** Empty when the record is not a well-formed TLSA record. */
    public static Optional<Boolean> matches(String record, List<byte[]> chainDer) {
        String[] parts = record.strip().split("\\s+", 4);
        if (parts.length != 4 || chainDer.isEmpty()) {
            return Optional.empty();
        }
        try {
            int usage = Integer.parseInt(parts[0]);
            int selector = Integer.parseInt(parts[1]);
            int matchingType = Integer.parseInt(parts[2]);
            String data = parts[3].replaceAll("\\s", "").toLowerCase(Locale.ROOT);
            List<byte[]> candidates = switch (usage) {
                case 3 -> List.of(chainDer.get(0));
                case 2 -> chainDer.subList(Math.min(1, chainDer.size() - 1), chainDer.size());
                default -> List.of();
            };
            for (byte[] der : candidates) {
                byte[] selected = selector == 1 ? publicKeyInfo(der) : der;
                byte[] digest = switch (matchingType) {
                    case 0 -> selected;
                    case 1 -> MessageDigest.getInstance("SHA-256").digest(selected);
                    case 2 -> MessageDigest.getInstance("SHA-512").digest(selected);
                    default -> null;
                };
                if (digest != null && HexFormat.of().formatHex(digest).equals(data)) {
                    return Optional.of(true);
                }
            }
            return Optional.of(false);
        } catch (NumberFormatException | NoSuchAlgorithmException | CertificateException e) {
            return Optional.empty();
        }
    }

    private static byte[] publicKeyInfo(byte[] der) throws CertificateException {
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
        return certificate.getPublicKey().getEncoded();
    }
}
