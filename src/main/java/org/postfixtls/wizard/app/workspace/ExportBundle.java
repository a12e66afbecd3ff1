package org.postfixtls.wizard.app.workspace;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.OfflineBundle;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileJson;

/** The files an export hands to the admin: the planned configuration, the diff, the reasons and the profile. */
public final class ExportBundle {

    private ExportBundle() {
    }

    /**
     * The export of the local files mode: the same offline bundle as {@code postfix-tls-wizard bundle} (the job,
     * {@code install.sh} running the server-side transaction, the diff) plus the reasons and the profile. Empty when
     * the files already match the profile.
     */
    public static Map<String, byte[]> offlineBundle(ServerFiles server, Profile profile) {
        OfflineBundle.Bundle bundle = OfflineBundle.create(server.planRequest(profile),
                DeployOptions.defaults().withConfigDirectory(server.configDirectory()));
        Map<String, byte[]> files = new LinkedHashMap<>(new java.util.TreeMap<>(bundle.files()));
        if (bundle.id() != null) {
            files.put("CHANGES.md", reasons(bundle.changeSet()).getBytes(StandardCharsets.UTF_8));
            files.put("profile.json", ProfileJson.write(profile).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    static String reasons(ChangeSet changes) {
        StringBuilder md = new StringBuilder("# Planned TLS changes\n\n");
        md.append("Review changes.diff, copy this folder to the server and run `bash install.sh` there as root: it"
                + " takes a backup, validates with the server's own Postfix, swaps the files, reloads and rolls back"
                + " by itself if anything fails.\n\n");
        for (Change change : changes.changes()) {
            md.append("- **").append(change.summary()).append("** — ").append(change.reason())
                    .append(" _(").append(change.source()).append(")_");
            if (change.risk() != null) {
                md.append("\n  - Risk: ").append(change.risk());
            }
            md.append('\n');
        }
        for (String note : changes.notes()) {
            md.append("\nNote: ").append(note).append('\n');
        }
        return md.toString();
    }
}
