package org.postfixtls.wizard.domain.kernel;

import java.util.Objects;

/**
 * Owner, group and permission bits of a file, as {@code stat} reports them locally or on the server.
 * The mode is the octal permission part only (e.g. {@code 0600}).
 */
public record FileMetadata(String owner, String group, int mode) {

    public FileMetadata {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(group, "group");
        if (mode < 0 || mode > 07777) {
            throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(mode));
        }
    }

    public String modeOctal() {
        return String.format("%04o", mode);
    }

    public boolean anyBitOf(int bits) {
        return (mode & bits) != 0;
    }
}
