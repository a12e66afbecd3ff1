package org.postfixtls.wizard.domain.cert;

import java.util.List;
import java.util.function.Consumer;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** Encryption, match with the certificate, and file protection of the private key. */
final class KeyChecks {

    private KeyChecks() {
    }

    static KeyDetails check(KeyEvidence evidence, SubjectPublicKeyInfo certificateKey, KeyPermissionPolicy policy,
            Consumer<Finding> findings) {
        KeyMaterial key = evidence.key();
        if (key.kind() == KeyKind.ENCRYPTED_PRIVATE) {
            findings.accept(new Finding(FindingId.KEY_ENCRYPTED,
                    evidence.privateKeyFile() + " is encrypted with a passphrase; Postfix cannot load it without a prompt"
                            + " (and whether it matches the certificate cannot be checked)",
                    "Decrypt it (openssl pkey -in KEY -out KEY.plain) and protect the file by permissions instead"));
        }
        var matches = key.matches(certificateKey);
        if (matches.isPresent() && !matches.get()) {
            findings.accept(new Finding(FindingId.KEY_MISMATCH,
                    evidence.privateKeyFile() + " does not belong to the certificate (" + key.description().orElseThrow()
                            + " key vs " + PublicKeyDescription.of(certificateKey) + " certificate key, different public keys)",
                    "Point smtpd_tls_key_file at the key the certificate was issued for (certbot: privkey.pem of the same lineage)"));
        }
        evidence.privateKeyMetadata().ifPresent(metadata -> {
            List<String> violations = policy.violations(metadata);
            if (!violations.isEmpty()) {
                findings.accept(new Finding(FindingId.KEY_PERMISSIONS,
                        evidence.privateKeyFile() + " (" + metadata.owner() + ":" + metadata.group() + " "
                                + metadata.modeOctal() + "): " + String.join("; ", violations),
                        "chown root:root KEY && chmod 600 KEY (readable only by root and Postfix)"));
            }
        });
        return new KeyDetails(evidence.privateKeyFile(), key.kind(), key.description(), matches,
                evidence.privateKeyMetadata());
    }
}
