package org.postfixtls.wizard.app.workspace;

import java.util.LinkedHashMap;
import java.util.Map;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileJson;

/** The files an export hands to the admin: the planned configuration, the diff, the reasons and the profile. */
public final class ExportBundle {

    private ExportBundle() {
    }

    public static Map<String, String> files(ChangeSet changes, Profile profile) {
        Map<String, String> files = new LinkedHashMap<>();
        for (FileChange file : changes.files()) {
            if (file.changed()) {
                files.put(file.name(), file.after());
            }
        }
        files.put("changes.diff", UnifiedDiff.of(changes));
        files.put("CHANGES.md", reasons(changes));
        files.put("profile.json", ProfileJson.write(profile));
        return files;
    }

    static String reasons(ChangeSet changes) {
        StringBuilder md = new StringBuilder("# Planned TLS changes\n\n");
        md.append("Copy the changed files to the server's Postfix directory (keep a backup), run `postmap` on "
                + "tls_policy if it is included, then `postfix check` and `postfix reload`.\n\n");
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
