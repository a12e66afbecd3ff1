package org.postfixtls.wizard.domain.verify;

import java.util.List;
import java.util.Optional;

/**
 * What a completed TLS handshake negotiated and the certificates exactly as the server sent them (DER, leaf first).
 *
 * @param group the key-exchange group (e.g. x25519, secp256r1), empty when the cipher has none (RSA key exchange)
 */
public record HandshakeFacts(String protocol, String cipher, Optional<String> group, List<byte[]> chainDer) {

    public HandshakeFacts {
        chainDer = chainDer.stream().map(byte[]::clone).toList();
    }
}
