package org.postfixtls.wizard.domain.cert;

import java.util.Map;

/**
 * One {@code -----BEGIN type-----} ... {@code -----END type-----} section of a PEM file.
 *
 * @param type    the label, e.g. {@code CERTIFICATE} or {@code ENCRYPTED PRIVATE KEY}
 * @param headers RFC 1421 headers such as {@code Proc-Type: 4,ENCRYPTED} of legacy encrypted keys
 * @param der     the decoded body
 * @param number  1-based position in the file, for messages
 */
public record PemBlock(String type, Map<String, String> headers, byte[] der, int number) {

    public PemBlock {
        headers = Map.copyOf(headers);
    }

    public boolean isCertificate() {
        return type.equals("CERTIFICATE") || type.equals("X509 CERTIFICATE") || type.equals("TRUSTED CERTIFICATE");
    }

    public boolean isPrivateKey() {
        return type.endsWith("PRIVATE KEY");
    }

    public boolean isPublicKey() {
        return type.endsWith("PUBLIC KEY");
    }
}
