package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.postfixtls.wizard.adapter.local.AtomicFiles;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import picocli.CommandLine;

/**
 * File access for the config commands. Files are read and written as ISO-8859-1 so every byte survives the
 * round trip through the lossless documents, whatever the file's real encoding.
 */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** main.cf, master.cf: at most {@link InputLimits#MAX_CONFIG_BYTES}. */
    static String readRequired(CommandLine cmd, String option, Path file) {
        return readRequired(cmd, option, file, InputLimits.MAX_CONFIG_BYTES, "a Postfix configuration file");
    }

    static String readProfile(CommandLine cmd, String option, Path file) {
        return readRequired(cmd, option, file, InputLimits.MAX_PROFILE_BYTES, "a profile (a small JSON file)");
    }

    /**
     * Checks the size before reading, and reads at most one byte past the limit (the file may grow meanwhile): an
     * oversized file is a clear message and exit 2, never an OutOfMemoryError.
     */
    private static String readRequired(CommandLine cmd, String option, Path file, int limit, String expected) {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(cmd, option + ": " + file + " does not exist or is not a file");
        }
        try {
            return read(file, limit).orElseThrow(() -> tooLarge(cmd, option, file, limit, expected));
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cmd, option + ": cannot read " + file + " (" + e.getMessage() + ")");
        }
    }

    static String readOptional(CommandLine cmd, String option, Path file) {
        return Files.isRegularFile(file) ? readRequired(cmd, option, file) : null;
    }

    private static java.util.Optional<String> read(Path file, int limit) throws IOException {
        if (Files.size(file) > limit) {
            return java.util.Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? java.util.Optional.empty()
                    : java.util.Optional.of(new String(bytes, StandardCharsets.ISO_8859_1));
        }
    }

    private static CommandLine.ParameterException tooLarge(CommandLine cmd, String option, Path file, int limit,
                                                           String expected) {
        String size;
        try {
            size = InputLimits.describe(Files.size(file));
        } catch (IOException e) {
            size = "larger than that";
        }
        return new CommandLine.ParameterException(cmd, option + ": " + file + " is " + size + "; the limit is "
                + InputLimits.describe(limit) + " for " + expected);
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
                AtomicFiles.moveIntoPlace(staging.resolve(name), target.resolve(name));
            }
        } finally {
            try (Stream<Path> left = Files.walk(staging)) {
                left.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
