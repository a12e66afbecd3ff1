package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
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
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.Tools;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
import org.postfixtls.wizard.ui.wizard.SshJobs;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole wizard against the real test bed over the real sshd: connect (unknown host key confirmed), the
 * server's own certificate, the hardening preset, the preview, a transactional deploy, and the live verification
 * proving AUTH only after TLS on the new submission port.
 */
@ExtendWith(ApplicationExtension.class)
class WizardSshFxIT {

    private static final String GUI_STATE_ROOT = "/var/lib/postfix-tls-wizard";

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
            new ProcessBuilder("rm", "-rf", GUI_STATE_ROOT + "/" + bed.get("postfix.configDir").replaceAll("^/+", "")
                    .replace('/', '_')).inheritIO().start().waitFor();
            DeployFixture.clean(bed);
        }
    }

    @Test
    void connectDeployAndVerifyOverSsh(FxRobot robot) throws Exception {
        // an empty known_hosts: the host key is unknown, and the user confirms the fingerprint the test bed pinned
        Path knownHosts = Files.createTempFile("pftw-known-hosts", "");
        AtomicInteger asked = new AtomicInteger();
        String pinned = bed.get("ssh.hostKeySha256");
        String pinnedRsa = bed.get("ssh.hostKeySha256Rsa");
        HostKeyDecider user = key -> {
            asked.incrementAndGet();
            return key.fingerprint().equals(pinned) || key.fingerprint().equals(pinnedRsa)
                    ? HostKeyDecider.Decision.ACCEPT_AND_REMEMBER : HostKeyDecider.Decision.REJECT;
        };
        WizardModel model = new WizardModel();
        TestbedWalk.show(stage, model, TestServices.application().withSshJobs(new SshJobs(new SshConnector(), user, knownHosts)));
        TestbedWalk.connect(robot, model, bed);
        assertEquals(1, asked.get(), "the unknown host key was shown to the user once");
        assertTrue(Files.readString(knownHosts).contains("[" + bed.host() + "]:" + bed.get("ssh.port")),
                "and recorded in known_hosts");

        // the server's configured snakeoil pair is listed; choose the test bed's real chain by its server path
        ListView<?> candidates = robot.lookup("#certificate-candidates").queryListView();
        assertTrue(candidates.getItems().size() >= 1, "discovered certificates are listed");
        Platform.runLater(() -> model.setProfile(org.postfixtls.wizard.domain.profile.ProfileEdits.withCertificate(
                model.getProfile(), new org.postfixtls.wizard.domain.profile.Profile.Certificate(
                        bed.get("tls.fullchain"), bed.get("tls.key"), bed.get("tls.ca")))));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(bed.get("tls.fullchain"), robot.lookup("#certificate-chain-path").queryTextInputControl().getText(),
                "the page shows the profile's certificate");
        for (String page : List.of("outbound", "inbound", "submission", "hardening")) {
            TestbedWalk.next(robot, page);
        }
        Platform.runLater(() -> model.sshForm()); // no-op: keep the model on the FX thread's view
        robot.clickOn("#preset-runbook");
        setSubmissionPorts(model);
        TestbedWalk.next(robot, "policies");
        // "test this domain before enforcing": posttls-finger on the server, against the test bed's own smtpd
        String destination = "[" + bed.host() + "]:" + bed.get("smtp.port");
        Platform.runLater(() -> model.setProfile(org.postfixtls.wizard.domain.profile.ProfileEdits.withPolicies(
                model.getProfile(), List.of(new org.postfixtls.wizard.domain.profile.Profile.Policy(destination,
                        org.postfixtls.wizard.domain.profile.TlsLevel.ENCRYPT, List.of(), null, null, null)))));
        WaitForAsyncUtils.waitForFxEvents();
        Platform.runLater(() -> robot.lookup("#policies-table").queryTableView().getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#policies-test");
        FxWait.until("posttls-finger", () -> robot.lookup("#policies-test-result").queryAs(Label.class).getText()
                .startsWith(destination + ":"));
        String tested = robot.lookup("#policies-test-result").queryAs(Label.class).getText();
        assertTrue(tested.contains("meets 'encrypt'") && tested.contains("TLSv1."), tested);
        for (String page : List.of("dns", "preview")) {
            TestbedWalk.next(robot, page);
        }
        FxWait.until("the plan", () -> model.changeSetProperty().get() != null);
        FxWait.until("the diff on screen", () -> !diffLines(robot, "main.cf").isEmpty());
        List<String> mainDiff = diffLines(robot, "main.cf");
        assertTrue(mainDiff.contains("+smtpd_tls_mandatory_protocols = >=TLSv1.2"), String.join("\n", mainDiff));
        assertTrue(mainDiff.stream().anyMatch(l -> l.startsWith("+smtp_tls_policy_maps = hash:")), String.join("\n", mainDiff));
        List<String> masterDiff = diffLines(robot, "master.cf");
        assertTrue(masterDiff.stream().anyMatch(l -> l.matches("\\+2587\\s+inet\\s.*smtpd")), String.join("\n", masterDiff));
        assertTrue(masterDiff.stream().anyMatch(l -> l.matches("\\+\\s+-o smtpd_tls_wrappermode=yes")), String.join("\n", masterDiff));
        List<String> policyDiff = diffLines(robot, "tls_policy");
        assertTrue(policyDiff.stream().anyMatch(l -> l.startsWith("+" + destination) && l.contains("encrypt")),
                String.join("\n", policyDiff));
        TestbedWalk.next(robot, "deploy");

        robot.clickOn("#deploy-run");
        FxWait.until("the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> ((javafx.scene.control.Button) n).getText().equals("OK"))
                .queryButton());
        FxWait.until("the deploy", () -> model.lastDeployProperty().get() != null);
        assertEquals(DeployOutcome.DEPLOYED, model.lastDeployProperty().get().outcome(),
                model.lastDeployProperty().get().message());
        assertTrue(robot.lookup("#deploy-result").queryAs(Label.class).getText().startsWith("Deployed"));

        TestbedWalk.next(robot, "verify"); // starts by itself after a deploy, on the ports master.cf really uses
        assertEquals(bed.get("smtp.port"), robot.lookup("#verify-smtp-port").queryTextInputControl().getText());
        FxWait.until("the verification", () -> robot.lookup("#verify-run").queryButton().getText().equals("Run again"));
        VBox submission = robot.lookup("#tile-" + bed.get("submission.port")).queryAs(VBox.class);
        assertTrue(submission.getChildren().stream().anyMatch(n -> n instanceof Label l
                && l.getText().equals("AUTH only after TLS")), "AUTH is offered only after STARTTLS on submission");
        assertTrue(robot.lookup("#verify-other").queryAs(VBox.class).getChildren().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().equals("On the server")), "server-side checks ran over SSH");

        // the test bed's certificate comes from its own CA: name that CA as the trust, as an admin with a private
        // CA would, and the panel must show every check passing
        Platform.runLater(() -> {
            robot.lookup("#verify-ca-file").queryTextInputControl().setText(bed.get("tls.ca"));
            model.lastVerificationProperty().set(null);
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#verify-run");
        FxWait.until("the second verification", () -> model.lastVerificationProperty().get() != null);
        VerificationReport report = model.lastVerificationProperty().get();
        List<String> notPassing = report.checks().stream().filter(c -> c.status() == CheckStatus.FAIL)
                .map(c -> c.id() + c.port().map(p -> ":" + p).orElse("") + " " + c.detail()).toList();
        assertTrue(notPassing.isEmpty(), "failed checks after the runbook deploy: " + notPassing);
        assertTrue(report.checklist().stream().noneMatch(c -> c.status() == CheckStatus.FAIL), report.checklist().toString());
        assertTrue(robot.lookup("#verify-summary").queryAs(Label.class).getText().startsWith("Everything verified")
                || robot.lookup("#verify-summary").queryAs(Label.class).getText().contains("no failure"),
                robot.lookup("#verify-summary").queryAs(Label.class).getText());
    }

    @Test
    void aBrokenCertificatePathIsRefusedAndAFailedReloadIsRolledBackOnScreen(FxRobot robot) throws Exception {
        LiveFiles before = LiveFiles.of(Path.of(bed.get("postfix.configDir")));
        WizardModel model = new WizardModel();
        Path knownHosts = Files.createTempFile("pftw-known-hosts", "");
        TestbedWalk.show(stage, model, TestServices.application().withSshJobs(
                new SshJobs(new SshConnector(), key -> HostKeyDecider.Decision.ACCEPT_ONCE, knownHosts)));
        TestbedWalk.connect(robot, model, bed);

        // a certificate path typed by hand that does not exist on the server: the server's own check refuses it
        String missing = "/etc/pftw-missing/fullchain.pem";
        useCertificate(model, missing, bed.get("tls.key"), bed.get("tls.ca"));
        walkToDeployWithRunbook(robot, model);
        deployAndConfirm(robot, model);
        assertEquals(DeployOutcome.REFUSED, model.lastDeployProperty().get().outcome());
        String refused = robot.lookup("#deploy-result").queryAs(Label.class).getText();
        assertTrue(refused.startsWith("Refused before anything was changed") && refused.contains(missing), refused);
        assertTrue(stepLines(robot).stream().anyMatch(line -> line.startsWith("validate") && line.contains(missing)),
                "the failing step is shown with its reason: " + stepLines(robot));
        assertEquals(before, LiveFiles.of(Path.of(bed.get("postfix.configDir"))), "nothing changed on the server");
        robot.clickOn("#next");
        assertTrue(robot.lookup("#veto-message").queryAs(Label.class).getText().startsWith("Deploy:"),
                "Verify is not reached after a refused deploy");

        // fix the path, then make the reload fail (postfix reload refuses without master.pid while the running
        // master keeps serving): the commit happens, fails, and the rollback is shown step by step
        robot.clickOn("#step-certificate");
        FxWait.untilShown(robot, "#page-certificate");
        useCertificate(model, bed.get("tls.fullchain"), bed.get("tls.key"), bed.get("tls.ca"));
        for (String page : List.of("outbound", "inbound", "submission", "hardening", "policies", "dns", "preview")) {
            TestbedWalk.next(robot, page);
        }
        FxWait.until("the plan", () -> model.changeSetProperty().get() != null);
        TestbedWalk.next(robot, "deploy");
        Path pid = Path.of(bed.get("postfix.queueDir"), "pid", "master.pid");
        Path aside = pid.resolveSibling("master.pid.pftw-fx-it");
        Files.move(pid, aside, StandardCopyOption.ATOMIC_MOVE);
        try {
            deployAndConfirm(robot, model);
        } finally {
            Files.move(aside, pid, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(DeployOutcome.ROLLED_BACK, model.lastDeployProperty().get().outcome(),
                model.lastDeployProperty().get().message());
        String rolledBack = robot.lookup("#deploy-result").queryAs(Label.class).getText();
        assertTrue(rolledBack.startsWith("FAILED at reload and ROLLED BACK"), rolledBack);
        assertTrue(stepLines(robot).stream().anyMatch(line -> line.startsWith("rollback")),
                "the rollback is shown as a step: " + stepLines(robot));
        assertTrue(robot.lookup("#deploy-log").queryTextInputControl().getText().contains("[start] rollback"),
                robot.lookup("#deploy-log").queryTextInputControl().getText());
        assertEquals(before, LiveFiles.of(Path.of(bed.get("postfix.configDir"))), "the server is back on its old files");
        Tools.Output mail = Tools.sendTestMail(bed);
        assertEquals(0, mail.exitCode(), "Postfix still accepts mail: " + mail.text());
    }

    private static void useCertificate(WizardModel model, String chain, String key, String ca) {
        Platform.runLater(() -> model.setProfile(org.postfixtls.wizard.domain.profile.ProfileEdits.withCertificate(
                model.getProfile(), new org.postfixtls.wizard.domain.profile.Profile.Certificate(chain, key, ca))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void walkToDeployWithRunbook(FxRobot robot, WizardModel model) {
        for (String page : List.of("outbound", "inbound", "submission", "hardening")) {
            TestbedWalk.next(robot, page);
        }
        robot.clickOn("#preset-runbook");
        setSubmissionPorts(model);
        for (String page : List.of("policies", "dns", "preview")) {
            TestbedWalk.next(robot, page);
        }
        FxWait.until("the plan", () -> model.changeSetProperty().get() != null);
        TestbedWalk.next(robot, "deploy");
    }

    private static void deployAndConfirm(FxRobot robot, WizardModel model) {
        Platform.runLater(() -> model.lastDeployProperty().set(null));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#deploy-run");
        FxWait.until("the confirmation", () -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> ((javafx.scene.control.Button) n).getText().equals("OK"))
                .queryButton());
        FxWait.until("the deploy", () -> model.lastDeployProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The unified diff lines the Preview shows for one file (its tab's list). */
    @SuppressWarnings("unchecked")
    private static List<String> diffLines(FxRobot robot, String file) {
        return robot.lookup("#preview-files").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                .filter(tab -> tab.getText().equals(file)).findFirst()
                .map(tab -> ((javafx.scene.control.ListView<String>) ((javafx.scene.control.SplitPane) tab.getContent())
                        .getItems().get(0)).getItems().stream().toList())
                .orElse(List.of());
    }

    private static List<String> stepLines(FxRobot robot) {
        return robot.lookup("#deploy-steps").queryAs(VBox.class).getChildren().stream()
                .filter(n -> n instanceof Label).map(n -> ((Label) n).getText()).toList();
    }

    /** The test bed's submission services listen on 2587/2465, not the standard ports. */
    private void setSubmissionPorts(WizardModel model) {
        Platform.runLater(() -> {
            var p = model.getProfile();
            model.setProfile(org.postfixtls.wizard.domain.profile.ProfileEdits.withSubmission(p,
                    new org.postfixtls.wizard.domain.profile.Profile.Submission(
                            new org.postfixtls.wizard.domain.profile.Profile.Listener(true, bed.port("submission.port")),
                            new org.postfixtls.wizard.domain.profile.Profile.Listener(true, bed.port("submissions.port")))));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
