package org.postfixtls.wizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.StepEvent;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.config.plan.Planner;

/**
 * What a real deploy of the approved change would report, step by step, for the demo server: the steps and their
 * order are those of the engine and of the server-side {@code apply.sh} (a test holds them to the script), the
 * messages name the demo's files. Nothing is sent anywhere; the page labels every line as simulated.
 */
final class DeploySimulation {

    static final String JOB_ID = "20260101-120000-demo";

    private DeploySimulation() {
    }

    /** The events of a successful deploy of {@code approved} to {@code server}, in the order a real one sends them. */
    static List<StepEvent> events(ServerFiles server, ChangeSet approved) {
        String conf = server.configDirectory();
        String job = DeployOptions.defaults().withConfigDirectory(conf).instanceDirectory(conf) + "/jobs/" + JOB_ID;
        List<String> changed = approved.files().stream().filter(FileChange::changed).map(FileChange::name).toList();
        List<StepEvent> events = new ArrayList<>();
        pair(events, "discover", "reading the live configuration on " + DemoServer.HOSTNAME, "Postfix "
                + server.version() + ", " + conf
                + ", default_database_type " + server.defaultDatabaseType());
        events.add(ok("plan", approved.changes().size() + " changes in " + changed.size() + " files"));
        events.add(ok("approval", "the plan is the approved one"));
        pair(events, "upload", "uploading the planned files (SFTP) for job " + JOB_ID, "uploaded");
        pair(events, "validate", "validating the staged files with the server's own postconf",
                "postconf, postmap and the certificate/key check accept the new files");
        events.add(start("commit", "the server now runs the commit on its own (job " + JOB_ID + ")"));
        pair(events, "lock", "waiting for the instance lock", "lock held");
        pair(events, "check-live", "comparing the live files with what was planned against",
                "live files are as planned against");
        pair(events, "backup", "copying the live files to " + job + "/backup",
                changed.size() + " files backed up with hashes, owners and modes");
        pair(events, "validate", "validating the staged files again, under the lock", "the new files are valid");
        pair(events, "swap", "renaming the new files into place", "new files in place");
        if (changed.contains(Planner.TLS_POLICY)) {
            pair(events, "postmap", "postmap " + server.defaultDatabaseType() + ":" + conf + "/tls_policy", "map rebuilt");
        }
        pair(events, "check", "postfix check", "postfix check passed");
        pair(events, "reload", "postfix reload", "reloaded");
        pair(events, "health", "checking that master runs and every smtpd port answers",
                "master running; answering: 25 587 465");
        return events;
    }

    /** The sentence shown once the simulation has played: what a real deploy would have left behind. */
    static String resultText() {
        return "SIMULATION finished: on a real server the change would now be live as deploy " + JOB_ID
                + ", with its backup kept for a rollback. Nothing was sent anywhere; the demo server is unchanged.";
    }

    private static void pair(List<StepEvent> events, String step, String starting, String done) {
        events.add(start(step, starting));
        events.add(ok(step, done));
    }

    private static StepEvent start(String step, String message) {
        return new StepEvent(step, StepEvent.Status.START, message);
    }

    private static StepEvent ok(String step, String message) {
        return new StepEvent(step, StepEvent.Status.OK, message);
    }
}
