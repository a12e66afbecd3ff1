package org.postfixtls.wizard.domain.kernel;

import java.util.Objects;
import java.util.Optional;

/**
 * The bytes of a file plus where they came from. The bytes may have been read locally or fetched from the
 * server over SSH; the domain never opens files itself, so both paths get the same checks.
 *
 * @param name     how to refer to the file in messages (usually its path)
 * @param bytes    the content, already bounded by the reader (see {@link InputLimits})
 * @param metadata owner/group/mode when known (needed for the key permission check)
 */
public record FileContent(String name, byte[] bytes, Optional<FileMetadata> metadata) {

    public FileContent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(metadata, "metadata");
        bytes = bytes.clone();
    }

    public static FileContent of(String name, byte[] bytes) {
        return new FileContent(name, bytes, Optional.empty());
    }

    public static FileContent of(String name, byte[] bytes, FileMetadata metadata) {
        return new FileContent(name, bytes, Optional.of(metadata));
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The size without copying the bytes (parsers scan large files byte by byte). */
    public int length() {
        return bytes.length;
    }

    public byte byteAt(int index) {
        return bytes[index];
    }
}
