package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.text.Counted;

/** The Preview step's summary line: how much the plan changes, and whether risk notes need reading first. */
final class PreviewSummary {

    private PreviewSummary() {
    }

    static String of(ChangeSet changeSet) {
        if (changeSet.refused()) {
            return "These choices cannot be applied to this server: " + String.join(" ", changeSet.refusals());
        }
        if (changeSet.isEmpty()) {
            return "Nothing to change: the configuration already matches your choices.";
        }
        long risks = changeSet.changes().stream().filter(c -> c.risk() != null).count();
        return Counted.of(changeSet.changes().size(), "change") + " in "
                + Counted.of(changeSet.files().stream().filter(FileChange::changed).count(), "file")
                + (risks > 0 ? ", " + risks + " with a risk note — read them before deploying." : ".")
                + (changeSet.weakens() ? " Some changes weaken security the server already has; Deploy asks you to"
                        + " confirm them." : "")
                + (changeSet.conflicts().isEmpty() ? "" : " " + Counted.of(changeSet.conflicts().size(), "conflict") + " with"
                        + " the server's own per-service settings need your decision (see the checks below).");
    }
}
