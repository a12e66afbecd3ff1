package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;

/** The Preview step's summary line: how much the plan changes, and whether risk notes need reading first. */
final class PreviewSummary {

    private PreviewSummary() {
    }

    static String of(ChangeSet changeSet) {
        if (changeSet.isEmpty()) {
            return "Nothing to change: the configuration already matches your choices.";
        }
        long risks = changeSet.changes().stream().filter(c -> c.risk() != null).count();
        return changeSet.changes().size() + " change(s) in "
                + changeSet.files().stream().filter(FileChange::changed).count() + " file(s)"
                + (risks > 0 ? ", " + risks + " with a risk note — read them before deploying." : ".");
    }
}
