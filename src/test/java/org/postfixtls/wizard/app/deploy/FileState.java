package org.postfixtls.wizard.app.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a deploy or rollback may change about one configuration path: whether it is a symbolic link and to
 * what (as written), and the numeric owner, group, mode and SHA-256 of the file it resolves to.
 */
record FileState(String link, int uid, int gid, String mode, String sha256) {

    static FileState of(Path path) throws IOException {
        String link = Files.isSymbolicLink(path) ? Files.readSymbolicLink(path).toString() : "";
        if (!Files.exists(path)) {
            return new FileState(link, -1, -1, "absent", "absent");
        }
        int mode = (Integer) Files.getAttribute(path, "unix:mode") & 07777;
        return new FileState(link, (Integer) Files.getAttribute(path, "unix:uid"),
                (Integer) Files.getAttribute(path, "unix:gid"), Integer.toOctalString(mode), sha256(path));
    }

    /** The link itself (not what it points to), for asserting it was not replaced by a regular file. */
    static boolean isLink(Path path) {
        return Files.isSymbolicLink(path) && Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static String sha256(Path path) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
