package org.postfixtls.wizard.adapter.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.postfixtls.wizard.domain.kernel.BadInputException;

/**
 * Writes an export bundle as a new folder, all or nothing: the files go to a hidden staging folder next to the
 * target, which is renamed into place only when every file is written. An existing folder is never overwritten.
 */
public final class ExportFolder {

    private ExportFolder() {
    }

    /** @param files file name → content; configuration files are written as ISO-8859-1, like they were read */
    public static Path write(Path target, Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.ISO_8859_1)));
        return writeAll(target, bytes);
    }

    /** Writes a new folder (relative paths may name subfolders) completely, or nothing at all. */
    public static Path writeAll(Path target, Map<String, byte[]> files) {
        if (Files.exists(target)) {
            throw new BadInputException(target + " already exists; choose a new folder name for the export");
        }
        Path parent = target.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new BadInputException("cannot write into " + parent + "; choose a folder you can write to");
        }
        Path staging = null;
        try {
            staging = Files.createTempDirectory(parent, ".pftw-export-");
            for (Map.Entry<String, byte[]> file : new LinkedHashMap<>(files).entrySet()) {
                Path path = staging.resolve(file.getKey()).normalize();
                if (!path.startsWith(staging)) {
                    throw new BadInputException(file.getKey() + " would be written outside the export folder");
                }
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            Files.move(staging, target);
            staging = null;
            return target;
        } catch (IOException e) {
            throw new BadInputException("the export to " + target + " failed (" + e.getMessage() + "); nothing was written");
        } finally {
            if (staging != null) {
                delete(staging);
            }
        }
    }

    /**
     * Writes one file, replacing an existing one only when the new content is completely written (temporary file
     * in the same folder, then an atomic rename): a failed save never leaves a half-written report or policy.
     */
    public static Path replaceFile(Path target, byte[] content) {
        try {
            return AtomicFiles.replace(target, content);
        } catch (IOException e) {
            throw new BadInputException(target + " cannot be written (" + e.getMessage() + "); nothing was changed");
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a leftover hidden staging folder holds no secret, only planned configuration
        }
    }
}
