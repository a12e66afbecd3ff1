package org.postfixtls.wizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.domain.text.Counted;

/**
 * The decisions of the Deploy step, without the view: what the target line says, which buttons can act, and what
 * a finished deploy or rollback means for the user.
 */
final class DeployChoices {

    /**
     * The target line and the buttons: {@code canSimulate} only on the demo server, with an approved change;
     * deploying needs a server reached over SSH and an approved change set with at
     * least one changed file; the history and rollback need the server only.
     */
    record Target(String text, boolean canDeploy, boolean canUseHistory, String weakening, boolean canSimulate) {

        Target(String text, boolean canDeploy, boolean canUseHistory, String weakening) {
            this(text, canDeploy, canUseHistory, weakening, false);
        }

        /** True when the plan lowers security the server had: Deploy waits for the admin's explicit tick. */
        boolean needsConfirmation() {
            return weakening != null;
        }
    }

    private DeployChoices() {
    }

    /** {@code approved}: the change set approved on the Preview (null when none was approved yet). */
    static Target target(ConnectionMode mode, ServerFiles server, ChangeSet approved) {
        return target(mode, server, approved, false);
    }

    /**
     * As {@link #target(ConnectionMode, ServerFiles, ChangeSet)}; an approved change set that weakens security the
     * server had (e.g. DANE to may) can be deployed only once {@code weakeningConfirmed}.
     */
    static Target target(ConnectionMode mode, ServerFiles server, ChangeSet approved, boolean weakeningConfirmed) {
        boolean reachable = mode == ConnectionMode.SSH_SERVER && server != null;
        if (mode == ConnectionMode.DEMO && server != null) {
            return demoTarget(approved);
        }
        if (!reachable) {
            return new Target("Demo server: nothing can be deployed here. Connect to a server over SSH to run the "
                    + "transaction; the steps are: lock, backup, validate (postconf on a staged copy), swap, postmap, "
                    + "postfix check, reload, health check, and rollback on any failure.", false, false, null);
        }
        if (approved == null) {
            return new Target("Target: " + server.source() + " — no change approved yet: go Back to the Preview, read "
                    + "the diff and press Next to approve it.", false, true, null);
        }
        long files = approved.files().stream().filter(FileChange::changed).count();
        String weakening = !approved.weakens() ? null
                : "This change weakens security the server already has: " + String.join(" ", approved.changes()
                        .stream().filter(c -> c.weakens()).map(c -> c.risk()).toList());
        return new Target("Target: " + server.source() + " — " + Counted.of(files, "file") + " to change, exactly as approved on "
                + "the Preview.", files > 0 && (weakening == null || weakeningConfirmed), true, weakening);
    }

    /**
     * The demo server cannot be deployed to, but a trainer can play the transaction of the approved change as a
     * simulation: the steps a real server runs, labelled as such.
     */
    private static Target demoTarget(ChangeSet approved) {
        long files = approved == null ? 0 : approved.files().stream().filter(FileChange::changed).count();
        String text = "Demo server: nothing can be deployed here. " + (approved == null
                ? "Go Back to the Preview and press Next to approve the change; then this step can simulate its deploy."
                : files == 0 ? "The approved change changes no file, so there is nothing to simulate."
                : "Simulate the deploy to see, step by step, the transaction a real server runs for these "
                        + Counted.of(files, "file") + ": lock, backup, validate (postconf on a staged copy), swap, postmap, "
                        + "postfix check, reload, health check, and rollback on any failure.");
        return new Target(text, false, false, null, files > 0);
    }

    /**
     * Why a deploy stopped with {@link DeployOutcome#PLAN_CHANGED}: which files on the server differ from the ones
     * the approved diff was made from, or else that the choices changed; and what the user can do.
     */
    static String planChangedReason(ChangeSet approved, ChangeSet now) {
        if (approved != null && now.isEmpty() && now.files().stream().allMatch(f -> approved.file(f.name())
                .map(a -> Objects.equals(a.after(), f.before())).orElse(false))) {
            return "The server already has the change you approved (it was deployed), so there is nothing left to "
                    + "deploy.";
        }
        List<String> serverChanges = new ArrayList<>();
        if (approved != null) {
            TreeSet<String> names = new TreeSet<>();
            approved.files().forEach(f -> names.add(f.name()));
            now.files().forEach(f -> names.add(f.name()));
            for (String name : names) {
                String was = approved.file(name).map(FileChange::before).orElse(null);
                String is = now.file(name).map(FileChange::before).orElse(null);
                if (!Objects.equals(was, is)) {
                    serverChanges.add(was == null ? name + " appeared" : is == null ? name + " was removed"
                            : name + " was edited");
                }
            }
        }
        String why = approved == null ? "No change was approved on the Preview yet."
                : !serverChanges.isEmpty() ? "Since the Preview read the server, " + String.join(" and ", serverChanges)
                        + " on the server (by someone or something else), so the diff you approved no longer applies."
                : "Your choices changed since you approved the Preview (for example, a profile was opened), so the "
                        + "plan is different.";
        if (now.isEmpty()) {
            return why + " The server now already has the configuration of your choices: there is nothing to deploy.";
        }
        return why + " Below is the new diff: exactly what Deploy would change now. Approve it to deploy it, or go "
                + "Back to the Preview to change your choices.";
    }

    /** One sentence on how the job ended, naming the failed step and the state the server is in. */
    static String resultText(DeployReport report) {
        DeployOutcome outcome = report.outcome();
        return switch (outcome) {
            case DEPLOYED -> "Deployed (" + report.deployId() + "). Postfix reloaded and accepts mail. Next: verify it.";
            case WRITTEN -> "Written into the stack's override files (" + report.deployId() + "), NOT applied yet: "
                    + report.message();
            case NO_CHANGES -> "Nothing to change: the server already has this configuration. No reload.";
            case DRY_RUN -> "Dry run: nothing was written.";
            case REFUSED -> "Refused before anything was changed: " + report.message();
            case PLAN_CHANGED -> "Stopped before anything was sent: the change Deploy would make now is not the one you "
                    + "approved. Nothing was changed.";
            case CANCELLED -> "Cancelled before the commit; nothing was changed.";
            case ROLLED_BACK -> "FAILED at " + report.failedStep() + " and ROLLED BACK: " + report.message()
                    + " The server runs the previous configuration.";
            case ROLLBACK_FAILED -> "FAILED and the rollback failed too: " + report.message();
            case CONNECTION_LOST -> "The connection was lost during the commit. The server finishes the transaction on "
                    + "its own: show the history to see its result.";
        };
    }
}
