package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileMetadata;
import java.util.Optional;

/**
 * What the inspection shows about the key.
 *
 * @param matchesCertificate empty when it cannot be told (encrypted key)
 */
public record KeyDetails(
        String file,
        KeyKind kind,
        Optional<PublicKeyDescription> publicKey,
        Optional<Boolean> matchesCertificate,
        Optional<FileMetadata> metadata) {
}
