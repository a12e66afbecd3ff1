package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.tasks.TaskExecutor;
import org.postfixtls.wizard.ui.wizard.WizardServices;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import org.postfixtls.wizard.domain.profile.InvalidProfileException;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ScreenFieldNames;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * Open and save the profile at any step: the same JSON file the CLI reads ({@code plan --profile}), so choices made
 * here apply to other servers. A bad file changes nothing and says which field is wrong, as the CLI would.
 */
public final class ProfileFiles {

    /** Far above any real profile; a larger file is not one. */
    static final long MAX_BYTES = org.postfixtls.wizard.domain.kernel.InputLimits.MAX_PROFILE_BYTES;

    private ProfileFiles() {
    }

    public static void open(Node owner, WizardModel model, WizardServices services) {
        FileChooser chooser = chooser("Open a profile");
        File file = chooser.showOpenDialog(owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        read(services.tasks(), file.toPath()).whenComplete((profile, error) -> services.tasks().onFx(() -> {
            if (error != null) {
                PageAlerts.error(owner, "The profile was not loaded; nothing changed", Background.unwrap(error).getMessage());
            } else {
                model.setProfile(profile);
                Confirmations.show(owner, "Profile loaded from " + file);
            }
        }));
    }

    public static void save(Node owner, WizardModel model, WizardServices services) {
        FileChooser chooser = chooser("Save the profile");
        chooser.setInitialFileName("postfix-tls-profile.json");
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        saveTo(owner, model, services, file);
    }

    /** Writes off the FX thread, then confirms with the path or explains the failure. */
    public static CompletableFuture<File> saveTo(Node owner, WizardModel model, WizardServices services, File file) {
        String json = ProfileJson.write(model.getProfile());
        return services.tasks().supply(() -> {
            services.workstation().replace(file.toPath(), json.getBytes(StandardCharsets.UTF_8));
            return file;
        }).whenComplete((saved, error) -> services.tasks().onFx(() -> {
            if (error != null) {
                PageAlerts.error(owner, "The profile was not saved", Background.unwrap(error).getMessage());
            } else {
                Confirmations.show(owner, "Profile saved to " + saved);
            }
        })).thenApply(done -> file);
    }

    /** Reads and validates off the FX thread; fails with a message naming the file and every wrong field. */
    static CompletableFuture<Profile> read(TaskExecutor tasks, Path file) {
        return tasks.supply(() -> {
            try {
                if (Files.size(file) > MAX_BYTES) {
                    throw new IllegalArgumentException(file + " is larger than 1 MB; a profile is a small JSON file.");
                }
                return ProfileJson.read(Files.readString(file, StandardCharsets.UTF_8));
            } catch (InvalidProfileException e) {
                throw new IllegalArgumentException(file + " is not a valid profile:\n" + e.errors().stream()
                        .map(error -> ScreenFieldNames.label(error.path()) + " (" + error.path() + " in the file): "
                                + error.message()).collect(Collectors.joining("\n")));
            } catch (java.nio.charset.MalformedInputException e) {
                throw new IllegalArgumentException(file + " is not UTF-8 text; a profile is a JSON file.");
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " cannot be read (" + e.getMessage() + ").");
            }
        });
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Profile (JSON)", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }
}
