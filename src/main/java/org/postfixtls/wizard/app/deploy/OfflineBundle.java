package org.postfixtls.wizard.app.deploy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postfixtls.wizard.app.plan.PlanPreview;
import org.postfixtls.wizard.app.remote.Scripts;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;

/**
 * For a server the laptop cannot reach: the planned files, their diff and the same server-side transaction
 * ({@code apply.sh}: lock, backup, staged validation, swap, reload, health check, rollback) with a small
 * {@code install.sh} to run it there as root. The plan records the hashes of the files it was made from, so a
 * bundle refuses to apply to a server whose files differ.
 */
public final class OfflineBundle {

    private OfflineBundle() {
    }

    /** Relative path → content of every file of the bundle; {@code request} holds copies of the server's files. */
    public static Bundle create(PlanRequest request, DeployOptions options) {
        ChangeSet changeSet = PlanPreview.of(request).changeSet();
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (changeSet.isEmpty()) {
            return new Bundle(null, changeSet, files);
        }
        String id = ServerJob.newId();
        DeployEngine.jobFiles(id, changeSet, request.configDirectory(), request.defaultDatabaseType(),
                request.profile(), options).forEach((name, content) -> files.put("job/" + name, content));
        files.put("changes.diff", UnifiedDiff.of(changeSet).getBytes(StandardCharsets.ISO_8859_1));
        files.put("install.sh", Scripts.load(OfflineBundle.class, "install.sh"));
        files.put("README.txt", ("Postfix TLS Wizard offline bundle " + id + " for " + request.configDirectory()
                + ".\nReview changes.diff, copy this directory to the server, then run as root:\n"
                + "  bash install.sh            (state, backups, lock in " + options.stateRoot() + ")\n"
                + "Exit 0: deployed. 1: failed; the previous files were restored (or nothing was changed).\n"
                + "Undo later with the wizard's rollback, or by hand from the backup named in the output.\n")
                .getBytes(StandardCharsets.UTF_8));
        return new Bundle(id, changeSet, files);
    }

    /** {@code id} is null (and {@code files} empty) when the server already matches the profile. */
    public record Bundle(String id, ChangeSet changeSet, Map<String, byte[]> files) {
        public Bundle {
            files = Map.copyOf(files);
        }
    }
}
