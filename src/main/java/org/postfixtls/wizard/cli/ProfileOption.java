package org.postfixtls.wizard.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.postfixtls.wizard.domain.profile.InvalidProfileException;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileError;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import picocli.CommandLine;

/** Reads a {@code --profile} file; every problem is a ParameterException (exit 2) naming the file and JSON path. */
final class ProfileOption {

    private ProfileOption() {
    }

    static Profile read(CommandLine cmd, String option, Path file) {
        String json = ConfigFiles.readProfile(cmd, option, file);
        try {
            return ProfileJson.read(new String(json.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (InvalidProfileException e) {
            StringBuilder message = new StringBuilder();
            for (ProfileError error : e.errors()) {
                message.append(message.isEmpty() ? "" : "; ").append(file).append(": ").append(error.path())
                        .append(": ").append(error.message());
            }
            throw new CommandLine.ParameterException(cmd, message.toString());
        }
    }
}
