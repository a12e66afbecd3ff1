package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;

class SummaryChoicesTest {

    private static final ServerFiles DEMO = DemoServer.load();
    private static final Profile PROFILE = Preset.RUNBOOK.baseline();
    private static final ChangeSet PLAN = Planner.plan(DEMO.planRequest(PROFILE));

    private static String text(List<SummaryChoices.Section> sections, String id) {
        return sections.stream().filter(s -> s.id().equals(id)).findFirst()
                .map(s -> String.join("\n", s.lines())).orElse("<no section " + id + ">");
    }

    private static DeployReport deploy(DeployOutcome outcome, String message) {
        return new DeployReport("20261202T031500Z-3fa2", outcome, null, message, PLAN, "", List.of(), List.of(),
                List.of(), null);
    }

    @Test
    void aDeployNamesTheChangesTheBackupAndTheRollbackCommand() {
        var sections = SummaryChoices.sections(new SummaryChoices.Facts(ConnectionMode.SSH_SERVER, DEMO, PROFILE, PLAN,
                deploy(DeployOutcome.DEPLOYED, "deployed"), null, "mail.example.com", "admin"));

        assertTrue(text(sections, "summary-changes").startsWith("Deployed to mail.example.com as deploy"
                + " 20261202T031500Z-3fa2: " + PLAN.changes().size() + " changes ("), text(sections, "summary-changes"));
        String rollback = text(sections, "summary-rollback");
        assertTrue(rollback.contains("/var/lib/postfix-tls-wizard/etc_postfix/deploys/20261202T031500Z-3fa2/backup/"),
                rollback);
        assertTrue(rollback.contains("postfix-tls-wizard rollback --host mail.example.com --user admin --to"
                + " 20261202T031500Z-3fa2 --sudo"), rollback);
        assertTrue(text(sections, "summary-verification").startsWith("Not verified"));
    }

    @Test
    void aRolledBackDeployOffersNoRollbackAndSaysTheServerIsUnchanged() {
        var sections = SummaryChoices.sections(new SummaryChoices.Facts(ConnectionMode.SSH_SERVER, DEMO, PROFILE, PLAN,
                deploy(DeployOutcome.ROLLED_BACK, "reload failed"), null, "mx", "root"));

        assertTrue(text(sections, "summary-changes").contains("rolled back automatically"));
        assertEquals("<no section summary-rollback>", text(sections, "summary-rollback"));
    }

    @Test
    void theDemoAndLocalFilesSayWhatTheyDidInstead() {
        var demo = SummaryChoices.sections(new SummaryChoices.Facts(ConnectionMode.DEMO, DEMO, PROFILE, PLAN, null,
                null, null, null));
        assertTrue(text(demo, "summary-changes").startsWith("Demo server: nothing was deployed."));

        var local = SummaryChoices.sections(new SummaryChoices.Facts(ConnectionMode.LOCAL_FILES, DEMO, PROFILE, PLAN,
                null, null, null, null));
        assertTrue(text(local, "summary-changes").contains("run install.sh there as root"));
        assertTrue(text(local, "summary-verification").contains("postfix-tls-wizard verify --host"));
    }

    @Test
    void nextStepsFollowTheChoices() {
        Profile mandatory = Preset.MANDATORY.baseline();
        var sections = SummaryChoices.sections(new SummaryChoices.Facts(ConnectionMode.DEMO, DEMO, mandatory, PLAN,
                null, null, null, null));

        String next = text(sections, "summary-next");
        assertTrue(next.contains("TLS is required, but was not offered"), next);
        assertTrue(next.contains("Save the profile"), next);
    }
}
