package org.postfixtls.wizard.domain.cert;

/**
 * A freshly generated self-signed certificate and its key, both PEM. {@link #toString()} leaves the key out so
 * that the object can never end up in a log by accident.
 */
public final class GeneratedCertificate {

    public static final String TEST_ONLY_WARNING = "TEST ONLY: this certificate is self-signed. Clients and other mail"
            + " servers that verify certificates will reject it; use a CA-signed certificate (e.g. Let's Encrypt) in production.";

    private final String hostname;
    private final GeneratedKeyType keyType;
    private final byte[] certificatePem;
    private final byte[] privateKeyPem;

    GeneratedCertificate(String hostname, GeneratedKeyType keyType, byte[] certificatePem, byte[] privateKeyPem) {
        this.hostname = hostname;
        this.keyType = keyType;
        this.certificatePem = certificatePem.clone();
        this.privateKeyPem = privateKeyPem.clone();
    }

    public String hostname() {
        return hostname;
    }

    public GeneratedKeyType keyType() {
        return keyType;
    }

    public byte[] certificatePem() {
        return certificatePem.clone();
    }

    /** Unencrypted PKCS#8 PEM, as Postfix needs it: write it with mode 0600 only. */
    public byte[] privateKeyPem() {
        return privateKeyPem.clone();
    }

    public String warning() {
        return TEST_ONLY_WARNING;
    }

    @Override
    public String toString() {
        return "GeneratedCertificate[" + hostname + ", " + keyType.option() + ", private key hidden]";
    }
}
