package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileMetadata;
import org.postfixtls.wizard.domain.kernel.FileContent;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about the private key Postfix will use: the key itself (or only its public half, when the key
 * stays on the server) and the metadata of the private key file.
 *
 * @param key                the parsed key: private, encrypted private, or public
 * @param privateKeyFile     name of the private key file as configured (for messages)
 * @param privateKeyMetadata owner/group/mode of the private key file, when known
 */
public record KeyEvidence(KeyMaterial key, String privateKeyFile, Optional<FileMetadata> privateKeyMetadata) {

    public KeyEvidence {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(privateKeyFile, "privateKeyFile");
        Objects.requireNonNull(privateKeyMetadata, "privateKeyMetadata");
    }

    /** A local key file (private or public key PEM) with its own metadata. */
    public static KeyEvidence fromKeyFile(FileContent keyFile) {
        return new KeyEvidence(KeyMaterial.parse(keyFile), keyFile.name(), keyFile.metadata());
    }

    /**
     * The key lives on the server: only its public half was derived there (e.g. {@code openssl pkey -pubout}),
     * the metadata comes from {@code stat} of the private key file.
     */
    public static KeyEvidence fromServer(FileContent publicKeyPem, String privateKeyPath, FileMetadata privateKeyMetadata) {
        return new KeyEvidence(KeyMaterial.parse(publicKeyPem), privateKeyPath, Optional.of(privateKeyMetadata));
    }
}
