package org.postfixtls.wizard.adapter.ssh;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** OpenSSH's {@code SHA256:} fingerprint: unpadded base64 of the SHA-256 of the key blob. */
final class Fingerprints {

    private Fingerprints() {
    }

    static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key type named inside the blob (first SSH string), e.g. {@code ssh-ed25519}. */
    static String type(byte[] keyBlob) {
        if (keyBlob.length < 4) {
            return "unknown";
        }
        int length = ((keyBlob[0] & 0xff) << 24) | ((keyBlob[1] & 0xff) << 16) | ((keyBlob[2] & 0xff) << 8)
                | (keyBlob[3] & 0xff);
        if (length <= 0 || length > keyBlob.length - 4 || length > 64) {
            return "unknown";
        }
        return new String(keyBlob, 4, length, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
