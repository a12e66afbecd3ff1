package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.adapter.ssh.SshConnector;
import org.postfixtls.wizard.app.deploy.DeployFixture;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.ui.wizard.SshJobs;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Deploy applies only what the Preview approved (decision 0056): main.cf on the real test bed is edited between
 * Preview and Deploy; Deploy stops before anything is sent, explains why and shows the new diff; once that diff
 * is approved on the page, the next Deploy applies exactly it.
 */
@ExtendWith(ApplicationExtension.class)
class DeployApprovalFxIT {

    private static final String GUI_STATE_ROOT = "/var/lib/postfix-tls-wizard";
    private static final String EDIT = "# edited between the Preview and the Deploy";

    private Stage stage;
    private Testbed bed;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void baseline() throws Exception {
        bed = Testbed.require();
        DeployFixture.clean(bed);
    }

    @AfterEach
    void restore() throws Exception {
        if (bed != null) {
            new ProcessBuilder("rm", "-rf", instanceState().toString()).inheritIO().start().waitFor();
            DeployFixture.clean(bed);
        }
    }

    private Path instanceState() {
        return Path.of(GUI_STATE_ROOT, bed.get("postfix.configDir").replaceAll("^/+", "").replace('/', '_'));
    }

    @Test
    void aServerEditedAfterThePreviewIsNotDeployedUntilTheNewDiffIsApproved(FxRobot robot) throws Exception {
        WizardModel model = new WizardModel();
        TestbedWalk.show(stage, model, TestServices.application().withSshJobs(new SshJobs(new SshConnector(),
                key -> HostKeyDecider.Decision.ACCEPT_ONCE, Files.createTempFile("pftw-known-hosts", ""))));
        TestbedWalk.connect(robot, model, bed);
        walkToDeployWithRunbook(robot, model);
        assertSame(model.changeSetProperty().get(), model.approvedChangeSetProperty().get(),
                "leaving the Preview with Next approved the change set it showed");
        PlanHash previewed = PlanHash.of(model.approvedChangeSetProperty().get());

        Path conf = Path.of(bed.get("postfix.configDir"));
        Files.writeString(conf.resolve("main.cf"), EDIT + "\n", StandardOpenOption.APPEND);
        LiveFiles edited = LiveFiles.of(conf);

        deployAndConfirm(robot, model);
        DeployReport stopped = model.lastDeployProperty().get();
        assertEquals(DeployOutcome.PLAN_CHANGED, stopped.outcome(), stopped.message());
        assertEquals(edited, LiveFiles.of(conf), "nothing on the server was touched");
        assertFalse(Files.exists(instanceState().resolve("deploys")) && hasEntries(instanceState().resolve("deploys")),
                "no job was created on the server");
        assertTrue(robot.lookup("#deploy-result").queryAs(Label.class).getText()
                .startsWith("Stopped before anything was sent"), robot.lookup("#deploy-result").queryAs(Label.class).getText());
        VBox panel = robot.lookup("#deploy-plan-changed").queryAs(VBox.class);
        assertTrue(panel.isVisible());
        String reason = robot.lookup("#deploy-plan-changed-reason").queryAs(Label.class).getText();
        assertTrue(reason.startsWith("Since the Preview read the server, main.cf was edited on the server"), reason);
        List<String> newDiff = diffLines(robot);
        assertTrue(newDiff.contains("--- a/main.cf") && newDiff.contains(" " + EDIT),
                "the new diff is shown, made from the edited file: " + newDiff);
        robot.clickOn("#next");
        assertTrue(robot.lookup("#veto-message").queryAs(Label.class).getText().startsWith("Deploy:"),
                "Verify is not reached after a stopped deploy");

        // below the fold of the 800-pixel window, where TestFX does not click: fire it directly
        robot.interact(() -> robot.lookup("#deploy-approve-new").queryButton().fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(stopped.changeSet(), model.approvedChangeSetProperty().get(), "the new change set is approved");
        assertFalse(panel.isVisible());
        assertFalse(previewed.equals(PlanHash.of(model.approvedChangeSetProperty().get())));

        deployAndConfirm(robot, model);
        DeployReport deployed = model.lastDeployProperty().get();
        assertEquals(DeployOutcome.DEPLOYED, deployed.outcome(), deployed.message());
        String main = Files.readString(conf.resolve("main.cf"));
        assertTrue(main.contains(EDIT) && main.contains("smtpd_tls_auth_only = yes"), main);
    }

    private static boolean hasEntries(Path dir) throws Exception {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isPresent();
        }
    }

    private void walkToDeployWithRunbook(FxRobot robot, WizardModel model) {
        Platform.runLater(() -> model.setProfile(ProfileEdits.withCertificate(model.getProfile(),
                new Profile.Certificate(bed.get("tls.fullchain"), bed.get("tls.key"), bed.get("tls.ca")))));
        WaitForAsyncUtils.waitForFxEvents();
        for (String page : List.of("outbound", "inbound", "submission", "hardening")) {
            TestbedWalk.next(robot, page);
        }
        robot.clickOn("#preset-runbook");
        Platform.runLater(() -> model.setProfile(ProfileEdits.withSubmission(model.getProfile(), new Profile.Submission(
                new Profile.Listener(true, bed.port("submission.port")),
                new Profile.Listener(true, bed.port("submissions.port"))))));
        WaitForAsyncUtils.waitForFxEvents();
        for (String page : List.of("policies", "dns", "preview")) {
            TestbedWalk.next(robot, page);
        }
        FxWait.until("the plan", () -> model.changeSetProperty().get() != null);
        TestbedWalk.next(robot, "deploy");
        assertNotNull(model.approvedChangeSetProperty().get());
    }

    private static void deployAndConfirm(FxRobot robot, WizardModel model) {
        Platform.runLater(() -> model.lastDeployProperty().set(null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#deploy-run");
        FxWait.until("the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> ((javafx.scene.control.Button) n).getText().equals("OK"))
                .queryButton());
        try {
            // a real transaction on a machine shared with other builds: allow more than FxWait's 20 s
            WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return model.lastDeployProperty().get() != null;
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the deploy did not end within 120 s; its log:\n"
                    + robot.lookup("#deploy-log").queryTextInputControl().getText());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<String> diffLines(FxRobot robot) {
        return List.copyOf(((ListView<String>) robot.lookup("#deploy-new-diff").queryAs(ListView.class)).getItems());
    }
}
