package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * File access for the config commands. Files are read and written as ISO-8859-1 so every byte survives the
 * round trip through the lossless documents, whatever the file's real encoding.
 */
final class ConfigFiles {

    private ConfigFiles() {
    }

    static String readRequired(CommandLine cmd, String option, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(cmd, option + ": " + file + " does not exist or is not a file");
        }
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cmd, option + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    static String readOptional(Path file) throws IOException {
        return Files.isRegularFile(file) ? new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1) : null;
    }

    /** Writes all files into a fresh temporary directory next to {@code out}, then moves them into place. */
    static void writeAll(Path out, Map<String, String> files) throws IOException {
        Path target = out.toAbsolutePath();
        Files.createDirectories(target);
        Path staging = Files.createTempDirectory(target.getParent() == null ? target : target.getParent(), ".pftw-plan-");
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.write(staging.resolve(file.getKey()), file.getValue().getBytes(StandardCharsets.ISO_8859_1));
            }
            for (String name : files.keySet()) {
                try {
                    Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(staging.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            try (Stream<Path> left = Files.walk(staging)) {
                left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
