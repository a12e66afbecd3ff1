package org.postfixtls.wizard.domain.verify;

import java.util.Optional;
import org.postfixtls.wizard.domain.cert.PublicKeyDescription;

/**
 * The two certificate algorithms Postfix serves side by side (postconf(5) smtpd_tls_chain_files). A client that
 * offers only one family's signature algorithms gets that family's certificate — that is how verify proves each
 * one is served.
 */
public enum SignatureFamily {
    ECDSA("ECDSA", "ecdsa_*"),
    RSA("RSA", "rsa_pss_rsae_*, rsa_pkcs1_*");

    private final String label;
    private final String offered;

    SignatureFamily(String label, String offered) {
        this.label = label;
        this.offered = offered;
    }

    public String label() {
        return label;
    }

    /** The signature_algorithms the probe offers, as TLS 1.3 names them (for the evidence). */
    public String offered() {
        return offered;
    }

    /** The family of a certificate's public key; empty for Ed25519, Ed448 and unknown algorithms. */
    public static Optional<SignatureFamily> of(PublicKeyDescription key) {
        return switch (key.type()) {
            case "EC" -> Optional.of(ECDSA);
            case "RSA" -> Optional.of(RSA);
            default -> Optional.empty();
        };
    }
}
