package org.postfixtls.wizard.domain.verify;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.postfixtls.wizard.domain.kernel.FileContent;

/** The certificates a server sent, as the PEM text {@code cert inspect} reads, so both judge them the same way. */
final class ServedChain {

    private ServedChain() {
    }

    static FileContent asPem(String name, List<byte[]> chainDer) {
        StringBuilder pem = new StringBuilder();
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (byte[] der : chainDer) {
            pem.append("-----BEGIN CERTIFICATE-----\n").append(encoder.encodeToString(der))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        return FileContent.of(name, pem.toString().getBytes(StandardCharsets.US_ASCII));
    }
}
