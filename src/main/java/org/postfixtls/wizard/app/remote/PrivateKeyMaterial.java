package org.postfixtls.wizard.app.remote;

import java.nio.charset.StandardCharsets;

/**
 * The client's own check that certificate content received from a server holds no private key. The server
 * scripts already send only the CERTIFICATE blocks of a file; this is the second line of defence: content that
 * fails it is dropped, never inspected, stored or shown.
 */
public final class PrivateKeyMaterial {

    private PrivateKeyMaterial() {
    }

    /** True when {@code content} carries a PEM private key of any kind (PKCS#8, RSA, EC, encrypted, ...). */
    public static boolean isIn(byte[] content) {
        return content != null && new String(content, StandardCharsets.ISO_8859_1).contains("PRIVATE KEY");
    }
}
