package org.postfixtls.wizard.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** A byte-for-byte snapshot (content, owner, group, mode) of the files a deploy may touch. */
public record LiveFiles(Map<String, String> files) {

    public static final String[] NAMES = {"main.cf", "master.cf", "tls_policy"};

    public static LiveFiles of(Path configDir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : NAMES) {
            Path file = configDir.resolve(name);
            if (!Files.exists(file)) {
                files.put(name, "<absent>");
                continue;
            }
            PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            files.put(name, a.owner().getName() + ":" + a.group().getName() + " "
                    + PosixFilePermissions.toString(a.permissions()) + " "
                    + Arrays.hashCode(Files.readAllBytes(file)) + " " + Files.size(file) + " "
                    + java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(file))));
        }
        return new LiveFiles(files);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
