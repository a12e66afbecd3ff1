package org.postfixtls.wizard.adapter.ssh;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** How a known_hosts file names hosts: OpenSSH's hashed form {@code |1|salt|HMAC-SHA1(salt, host)} or plain names. */
final class KnownHostsStyle {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KnownHostsStyle() {
    }

    /** The file hides host names: some entry is hashed (as {@code HashKnownHosts yes} or {@code ssh-keygen -H} leave it). */
    static boolean hashed(Path knownHosts) throws IOException {
        try (Stream<String> lines = Files.lines(knownHosts, StandardCharsets.ISO_8859_1)) {
            return lines.map(String::stripLeading).anyMatch(line -> line.startsWith("|1|"));
        }
    }

    /** A hashed name for a new entry, with a fresh 20-byte salt as OpenSSH makes it. */
    static String hash(String hostSpec) {
        byte[] salt = new byte[20];
        RANDOM.nextBytes(salt);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            byte[] digest = mac.doFinal(hostSpec.getBytes(StandardCharsets.US_ASCII));
            Base64.Encoder base64 = Base64.getEncoder();
            return "|1|" + base64.encodeToString(salt) + "|" + base64.encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is missing from this Java runtime", e);
        }
    }

    static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            if (raf.length() == 0) {
                return true;
            }
            raf.seek(raf.length() - 1);
            return raf.read() == '\n';
        }
    }
}
