package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;

/**
 * The decisions of the Deploy step, without the view: what the target line says, which buttons can act, and what
 * a finished deploy or rollback means for the user.
 */
final class DeployChoices {

    /**
     * The target line and the buttons: deploying needs a server reached over SSH and at least one changed file;
     * the history and rollback need the server only.
     */
    record Target(String text, boolean canDeploy, boolean canUseHistory, String weakening) {

        /** True when the plan lowers security the server had: Deploy waits for the admin's explicit tick. */
        boolean needsConfirmation() {
            return weakening != null;
        }
    }

    private DeployChoices() {
    }

    static Target target(ConnectionMode mode, ServerFiles server, ChangeSet changeSet) {
        return target(mode, server, changeSet, false);
    }

    /**
     * As {@link #target(ConnectionMode, ServerFiles, ChangeSet)}; a change set that weakens security the server had
     * (e.g. DANE to may) can be deployed only once {@code weakeningConfirmed}.
     */
    static Target target(ConnectionMode mode, ServerFiles server, ChangeSet changeSet, boolean weakeningConfirmed) {
        boolean reachable = mode == ConnectionMode.SSH_SERVER && server != null;
        long files = changeSet == null ? 0 : changeSet.files().stream().filter(FileChange::changed).count();
        String text = reachable ? "Target: " + server.source() + " — " + files + " file(s) to change."
                : "Demo server: nothing can be deployed here. Connect to a server over SSH to run the transaction; "
                        + "the steps are: lock, backup, validate (postconf on a staged copy), swap, postmap, "
                        + "postfix check, reload, health check, and rollback on any failure.";
        String weakening = changeSet == null || !changeSet.weakens() ? null
                : "This change weakens security the server already has: " + String.join(" ", changeSet.changes()
                        .stream().filter(c -> c.weakens()).map(c -> c.risk()).toList());
        return new Target(text, reachable && files > 0 && (weakening == null || weakeningConfirmed), reachable,
                weakening);
    }

    /** One sentence on how the job ended, naming the failed step and the state the server is in. */
    static String resultText(DeployReport report) {
        DeployOutcome outcome = report.outcome();
        return switch (outcome) {
            case DEPLOYED -> "Deployed (" + report.deployId() + "). Postfix reloaded and accepts mail. Next: verify it.";
            case NO_CHANGES -> "Nothing to change: the server already has this configuration. No reload.";
            case DRY_RUN -> "Dry run: nothing was written.";
            case REFUSED -> "Refused before anything was changed: " + report.message();
            case CANCELLED -> "Cancelled before the commit; nothing was changed.";
            case ROLLED_BACK -> "FAILED at " + report.failedStep() + " and ROLLED BACK: " + report.message()
                    + " The server runs the previous configuration.";
            case ROLLBACK_FAILED -> "FAILED and the rollback failed too: " + report.message();
            case CONNECTION_LOST -> "The connection was lost during the commit. The server finishes the transaction on "
                    + "its own: show the history to see its result.";
        };
    }
}
