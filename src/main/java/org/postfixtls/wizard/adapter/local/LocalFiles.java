package org.postfixtls.wizard.adapter.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.FileMetadata;

/** Reads and writes local files for the domain: bounded reads with metadata, new files with their final mode. */
public final class LocalFiles {

    private LocalFiles() {
    }

    /**
     * Reads at most {@code maxBytes}; a larger file is refused without reading the rest.
     *
     * @param expected what the file should be, for the message when it is not readable
     */
    public static FileContent read(Path path, int maxBytes, String expected) {
        if (Files.isDirectory(path)) {
            throw new BadInputException(path + " is a directory; expected " + expected);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            // One byte more than allowed tells "too large" apart from "exactly the limit", also for /dev/zero.
            bytes = in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            throw new BadInputException(path + " does not exist; expected " + expected);
        } catch (AccessDeniedException e) {
            throw new BadInputException(path + " cannot be read (permission denied); expected " + expected);
        } catch (IOException e) {
            throw new BadInputException(path + " cannot be read (" + e.getMessage() + "); expected " + expected);
        }
        if (bytes.length > maxBytes) {
            throw new BadInputException(path + " is larger than " + maxBytes / 1024 + " KB; expected " + expected
                    + " (a few KB)");
        }
        return new FileContent(path.toString(), bytes, metadata(path));
    }

    public static Optional<FileMetadata> metadata(Path path) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
            if (view == null) {
                return Optional.empty();
            }
            PosixFileAttributes attributes = view.readAttributes();
            return Optional.of(new FileMetadata(attributes.owner().getName(), attributes.group().getName(),
                    mode(attributes.permissions())));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            // The enum runs OWNER_READ..OTHERS_EXECUTE, i.e. from bit 8 down to bit 0.
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    /**
     * The directory for this user's own state (journal, recent hosts): created 0700, so server names and deploy
     * history are nobody else's to read. Only directories created here get the mode; an existing one is left as the
     * user set it up.
     */
    public static void createPrivateDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (Files.getFileStore(nearestExisting(directory)).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Appends to a file that only its owner may read: created 0600, and an older, wider file is narrowed to 0600. */
    public static void appendPrivate(Path file, byte[] content) throws IOException {
        createPrivateDirectories(file.toAbsolutePath().getParent());
        boolean posix = Files.getFileStore(file.toAbsolutePath().getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try (SeekableByteChannel channel = posix
                ? Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                        PosixFilePermissions.asFileAttribute(ownerOnly))
                : Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            if (posix && !Files.getPosixFilePermissions(file).equals(ownerOnly)) {
                Files.setPosixFilePermissions(file, ownerOnly);
            }
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static Path nearestExisting(Path path) {
        Path existing = path.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing == null ? path.toAbsolutePath().getRoot() : existing;
    }

    /**
     * Creates a new file that has its final permissions from the first byte on (no window in which a private key
     * is readable by others); an existing file is never overwritten.
     */
    public static void writeNew(Path path, byte[] content, String permissions) {
        Set<PosixFilePermission> wanted = PosixFilePermissions.fromString(permissions);
        try (SeekableByteChannel channel = Files.newByteChannel(path,
                EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(wanted))) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        } catch (FileAlreadyExistsException e) {
            throw new BadInputException(path + " already exists; it is not overwritten (choose another --out directory)");
        } catch (IOException e) {
            throw new BadInputException(path + " cannot be written (" + e.getMessage() + ")");
        }
        try {
            // The umask may have removed bits we want (e.g. execute for a hook); adding them back only widens
            // towards the requested mode, never beyond it.
            if (!Files.getPosixFilePermissions(path).equals(wanted)) {
                Files.setPosixFilePermissions(path, wanted);
            }
        } catch (IOException e) {
            throw new BadInputException(path + ": cannot set mode " + permissions + " (" + e.getMessage() + ")");
        }
    }
}
