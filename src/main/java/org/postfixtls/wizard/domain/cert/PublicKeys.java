package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** The public key of "a certificate or a key", as DNS records need it. */
public final class PublicKeys {

    private PublicKeys() {
    }

    /** The server certificate's key (the first certificate of a chain file). */
    public static SubjectPublicKeyInfo ofCertificate(FileContent chain) {
        return CertificateInspector.parseChain(chain).get(0).subjectPublicKeyInfo();
    }

    /**
     * A certificate (its first certificate), an unencrypted private key or a public key; an encrypted private key
     * is refused because its public half cannot be read.
     */
    public static SubjectPublicKeyInfo ofCertificateOrKey(FileContent content) {
        PemFile pem = PemFile.parse(content, "a PEM certificate, public key or unencrypted private key");
        if (!pem.certificates().isEmpty()) {
            return ofCertificate(content);
        }
        KeyMaterial key = KeyMaterial.parse(content);
        return key.publicKey().orElseThrow(() -> new BadInputException(content.name()
                + " is an encrypted private key; expected its public key (openssl pkey -in KEY -pubout) or a certificate"));
    }
}
