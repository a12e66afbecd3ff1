package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;

class DeployChoicesTest {

    private static final ServerFiles SERVER = DemoServer.load();
    private static final ChangeSet TWO_FILES = new ChangeSet(List.of(new FileChange("main.cf", "a\n", "b\n"),
            new FileChange("master.cf", "m\n", "m\n"), new FileChange("tls_policy", null, "x encrypt\n")),
            List.of(), List.of());
    private static final ChangeSet NOTHING = new ChangeSet(List.of(new FileChange("main.cf", "a\n", "a\n")), List.of(),
            List.of());

    @Test
    void anSshServerWithAnApprovedChangeCanBeDeployed() {
        DeployChoices.Target target = DeployChoices.target(ConnectionMode.SSH_SERVER, SERVER, TWO_FILES);
        assertEquals("Target: " + SERVER.source() + " — 2 files to change, exactly as approved on the Preview.",
                target.text());
        assertTrue(target.canDeploy());
        assertTrue(target.canUseHistory());
    }

    @Test
    void aWeakeningChangeNeedsTheExplicitTickBeforeDeploy() {
        ChangeSet weakening = new ChangeSet(TWO_FILES.files(), List.of(new org.postfixtls.wizard.domain.config.plan
                .Change("main.cf", "smtp_tls_security_level", "dane", "may", "why", "TLS_README",
                "Weakens outgoing security: the server used 'dane'.", true)), List.of());
        DeployChoices.Target unticked = DeployChoices.target(ConnectionMode.SSH_SERVER, SERVER, weakening, false);
        assertTrue(unticked.needsConfirmation());
        assertFalse(unticked.canDeploy());
        assertTrue(unticked.weakening().contains("the server used 'dane'"), unticked.weakening());
        assertTrue(DeployChoices.target(ConnectionMode.SSH_SERVER, SERVER, weakening, true).canDeploy());
        assertFalse(DeployChoices.target(ConnectionMode.SSH_SERVER, SERVER, TWO_FILES, false).needsConfirmation());
    }

    @Test
    void nothingToChangeMeansNoDeployButHistoryAndRollbackStay() {
        DeployChoices.Target target = DeployChoices.target(ConnectionMode.SSH_SERVER, SERVER, NOTHING);
        assertEquals("Target: " + SERVER.source() + " — 0 files to change, exactly as approved on the Preview.",
                target.text());
        assertFalse(target.canDeploy());
        assertTrue(target.canUseHistory());
    }

    @Test
    void withoutAnApprovalNothingIsDeployedAndThePreviewIsNamed() {
        DeployChoices.Target target = DeployChoices.target(ConnectionMode.SSH_SERVER, SERVER, null);
        assertEquals("Target: " + SERVER.source() + " — no change approved yet: go Back to the Preview, read the diff"
                + " and press Next to approve it.", target.text());
        assertFalse(target.canDeploy());
        assertTrue(target.canUseHistory());
    }

    @Test
    void aStoppedDeployNamesTheFilesThatChangedOnTheServerAndOffersTheNewDiffForApproval() {
        ChangeSet edited = new ChangeSet(List.of(new FileChange("main.cf", "a\n# edited\n", "b\n# edited\n"),
                new FileChange("master.cf", "m\n", "m\n"), new FileChange("tls_policy", "old encrypt\n",
                        "x encrypt\n")), List.of(), List.of());
        String reason = DeployChoices.planChangedReason(TWO_FILES, edited);
        assertEquals("Since the Preview read the server, main.cf was edited and tls_policy appeared on the server (by"
                + " someone or something else), so the diff you approved no longer applies. Below is the new diff:"
                + " exactly what Deploy would change now. Approve it to deploy it, or go Back to the Preview to change"
                + " your choices.", reason);
        ChangeSet removed = new ChangeSet(List.of(new FileChange("main.cf", "a\n", "b\n"),
                new FileChange("master.cf", "m\n", "m\n"), new FileChange("tls_policy", null, "y encrypt\n")),
                List.of(), List.of());
        assertTrue(DeployChoices.planChangedReason(edited, removed).startsWith(
                "Since the Preview read the server, main.cf was edited and tls_policy was removed on the server"),
                DeployChoices.planChangedReason(edited, removed));
    }

    @Test
    void aStoppedDeployWithTheSameServerFilesBlamesTheChangedChoices() {
        ChangeSet otherChoices = new ChangeSet(List.of(new FileChange("main.cf", "a\n", "c\n"),
                new FileChange("master.cf", "m\n", "m\n"), new FileChange("tls_policy", null, "x encrypt\n")),
                List.of(), List.of());
        assertTrue(DeployChoices.planChangedReason(TWO_FILES, otherChoices).startsWith("Your choices changed since you"
                + " approved the Preview"), DeployChoices.planChangedReason(TWO_FILES, otherChoices));
        assertTrue(DeployChoices.planChangedReason(null, otherChoices).startsWith("No change was approved"));
        ChangeSet sameEndByOtherMeans = new ChangeSet(List.of(new FileChange("main.cf", "b\n", "b\n"),
                new FileChange("master.cf", "m\n# other\n", "m\n# other\n")), List.of(), List.of());
        assertTrue(DeployChoices.planChangedReason(TWO_FILES, sameEndByOtherMeans).endsWith(
                "The server now already has the configuration of your choices: there is nothing to deploy."),
                DeployChoices.planChangedReason(TWO_FILES, sameEndByOtherMeans));
    }

    @Test
    void deployingAgainAfterTheApprovedChangeWentLiveSaysSoInsteadOfBlamingAnEdit() {
        ChangeSet afterTheDeploy = new ChangeSet(List.of(new FileChange("main.cf", "b\n", "b\n"),
                new FileChange("master.cf", "m\n", "m\n"), new FileChange("tls_policy", "x encrypt\n",
                        "x encrypt\n")), List.of(), List.of());
        assertEquals("The server already has the change you approved (it was deployed), so there is nothing left to"
                + " deploy.", DeployChoices.planChangedReason(TWO_FILES, afterTheDeploy));
    }

    @Test
    void withoutAnSshServerNothingCanBeDeployedAndTheStepsAreExplained() {
        for (ConnectionMode mode : new ConnectionMode[] {ConnectionMode.DEMO, ConnectionMode.LOCAL_FILES, null}) {
            DeployChoices.Target target = DeployChoices.target(mode, SERVER, TWO_FILES);
            assertTrue(target.text().startsWith("Demo server: nothing can be deployed here."), target.text());
            assertTrue(target.text().contains("lock, backup, validate"), target.text());
            assertFalse(target.canDeploy());
            assertFalse(target.canUseHistory());
        }
        assertFalse(DeployChoices.target(ConnectionMode.SSH_SERVER, null, TWO_FILES).canDeploy(), "not connected yet");
    }

    @Test
    void theDemoServerOffersASimulationOfAnApprovedChangeButNeverARealDeploy() {
        DeployChoices.Target approved = DeployChoices.target(ConnectionMode.DEMO, SERVER, TWO_FILES);
        assertTrue(approved.canSimulate());
        assertFalse(approved.canDeploy());
        assertFalse(approved.canUseHistory());
        assertTrue(approved.text().contains("Simulate the deploy"), approved.text());
        DeployChoices.Target none = DeployChoices.target(ConnectionMode.DEMO, SERVER, null);
        assertFalse(none.canSimulate(), "nothing approved yet: " + none.text());
        assertFalse(DeployChoices.target(ConnectionMode.DEMO, SERVER, NOTHING).canSimulate(), "no file changes");
        assertFalse(DeployChoices.target(ConnectionMode.SSH_SERVER, SERVER, TWO_FILES).canSimulate());
    }

    private static DeployReport report(DeployOutcome outcome) {
        return new DeployReport("20250301-101530-ab12", outcome, "reload", "postfix reload exited 1.", TWO_FILES, "",
                List.of(), List.of(), List.of(), null);
    }

    @Test
    void theResultSaysWhatStateTheServerIsIn() {
        assertEquals("Deployed (20250301-101530-ab12). Postfix reloaded and accepts mail. Next: verify it.",
                DeployChoices.resultText(report(DeployOutcome.DEPLOYED)));
        assertEquals("FAILED at reload and ROLLED BACK: postfix reload exited 1. The server runs the previous "
                + "configuration.", DeployChoices.resultText(report(DeployOutcome.ROLLED_BACK)));
        assertEquals("FAILED and the rollback failed too: postfix reload exited 1.",
                DeployChoices.resultText(report(DeployOutcome.ROLLBACK_FAILED)));
        assertEquals("Refused before anything was changed: postfix reload exited 1.",
                DeployChoices.resultText(report(DeployOutcome.REFUSED)));
        assertEquals("Cancelled before the commit; nothing was changed.",
                DeployChoices.resultText(report(DeployOutcome.CANCELLED)));
        assertEquals("Stopped before anything was sent: the change Deploy would make now is not the one you approved."
                + " Nothing was changed.", DeployChoices.resultText(report(DeployOutcome.PLAN_CHANGED)));
    }

    @ParameterizedTest
    @EnumSource(DeployOutcome.class)
    void everyOutcomeHasItsOwnSentence(DeployOutcome outcome) {
        String text = DeployChoices.resultText(report(outcome));
        assertFalse(text.isBlank());
        for (DeployOutcome other : DeployOutcome.values()) {
            if (other != outcome) {
                assertFalse(text.equals(DeployChoices.resultText(report(other))), outcome + " reads like " + other);
            }
        }
    }
}
