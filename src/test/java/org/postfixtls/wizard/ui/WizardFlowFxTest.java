package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.ui.pages.WizardSteps;
import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.testsupport.Corpus;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real steps, driven like a user: choices land in the one model, vetoes name the field, the preview is real. */
@ExtendWith(ApplicationExtension.class)
class WizardFlowFxTest {

    private final WizardServices services = TestServices.application();

    private Stage stage;
    private WizardNavigator navigator;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private WizardModel show() {
        WizardModel model = new WizardModel();
        Platform.runLater(() -> {
            navigator = new WizardNavigator(WizardSteps.standard(services), model, Platform::runLater);
            stage.setScene(new Scene(new MainWindow(navigator, model, services, Themes.applied()), 1100, 760));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    private void next(FxRobot robot, String expectedPage) {
        robot.clickOn("#next");
        FxWait.untilShown(robot, "#page-" + expectedPage);
    }

    private String veto(FxRobot robot) {
        FxWait.until("a veto", () -> !robot.lookup("#veto-message").queryAs(Label.class).getText().isEmpty()
                && !navigator.busyProperty().get());
        return robot.lookup("#veto-message").queryAs(Label.class).getText();
    }

    @Test
    void theDemoWalkCatchesTheSnakeoilCertificateAndPreviewsTheFixes(FxRobot robot) {
        WizardModel model = show();
        robot.clickOn("#mode-demo");
        next(robot, "certificate");

        FxWait.untilShown(robot, "#finding-self-signed");
        ListView<?> candidates = robot.lookup("#certificate-candidates").queryListView();
        assertEquals(1, candidates.getItems().size());
        assertEquals("/etc/ssl/certs/ssl-cert-snakeoil.pem", model.getProfile().certificate().chainFile());

        robot.clickOn("#next");
        assertTrue(veto(robot).contains("Use it anyway"), "a self-signed, untrusted certificate needs consent");
        robot.clickOn("#certificate-acknowledge");
        next(robot, "outbound");

        robot.clickOn("#outbound-dane");
        assertEquals(TlsLevel.DANE, model.getProfile().outbound().level());
        assertTrue(model.getProfile().outbound().dnssec(), "DANE switches DNSSEC lookups on");
        next(robot, "inbound");
        next(robot, "submission");

        TextField port = robot.lookup("#submission-starttls-port").query();
        robot.doubleClickOn(port).write("25");
        robot.clickOn("#next");
        assertEquals("Submission ports, port of submission with STARTTLS: is 25, the public MX port; submission needs its own port "
                + "(587 STARTTLS, 465 implicit TLS)", veto(robot));
        assertTrue(port.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER),
                "the field the veto names is marked");
        assertTrue(port.isFocused(), "and focused, so the admin can type the fix");
        robot.doubleClickOn(port).write("587");
        FxWait.until("the mark goes with the veto",
                () -> !port.getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER));
        next(robot, "hardening");

        robot.clickOn("#preset-mandatory");
        assertEquals(Preset.MANDATORY, model.getProfile().preset());
        assertEquals(TlsLevel.ENCRYPT, model.getProfile().outbound().level());
        assertEquals("/etc/ssl/certs/ssl-cert-snakeoil.pem", model.getProfile().certificate().chainFile(),
                "a preset keeps the chosen certificate");
        robot.clickOn("#preset-recommended");
        next(robot, "policies");

        String existing = robot.lookup("#policies-existing").queryAs(Label.class).getText();
        assertTrue(existing.contains("never looked up by Postfix"), existing);
        Platform.runLater(() -> model.setProfile(ProfileEdits.withPolicies(model.getProfile(),
                List.of(new Profile.Policy("*", TlsLevel.ENCRYPT, List.of(), null, null, null)))));
        robot.clickOn("#next");
        assertTrue(veto(robot).startsWith("Domain policies, row 1, Destination: "), "the field is named as on screen");
        Platform.runLater(() -> model.setProfile(ProfileEdits.withPolicies(model.getProfile(),
                List.of(new Profile.Policy("bank.example", TlsLevel.SECURE, List.of("nexthop"), null, null, null)))));
        next(robot, "dns");

        String records = robot.lookup("#dns-records").queryTextInputControl().getText();
        assertTrue(records.contains("_25._tcp.mail.example.com. IN TLSA 3 1 1 "), records);
        assertTrue(records.contains("_mta-sts.example.com. IN TXT \"v=STSv1; id="), records);
        // a field made invalid: the old records must not stay on screen to be copied
        Platform.runLater(() -> robot.lookup("#dns-max-age").queryTextInputControl().setText("99999999999"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#dns-problem").queryAs(Label.class).getText().contains("max_age (seconds)"),
                robot.lookup("#dns-problem").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#dns-records").queryTextInputControl().getText().contains("TLSA"));
        assertTrue(robot.lookup("#dns-copy-records").query().isDisabled());
        Platform.runLater(() -> robot.lookup("#dns-max-age").queryTextInputControl().setText("604800"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#dns-records").queryTextInputControl().getText().contains("TLSA"));
        next(robot, "preview");

        FxWait.until("the plan", () -> model.changeSetProperty().get() != null);
        String main = model.changeSetProperty().get().content(Planner.MAIN_CF);
        assertTrue(main.lines().anyMatch(l -> l.matches("smtp_tls_security_level\\s*=\\s*may")),
                "back on the recommended default");
        assertTrue(main.lines().noneMatch(l -> l.startsWith("smtpd_use_tls")), "the obsolete parameter is gone");
        String policy = model.changeSetProperty().get().content(Planner.TLS_POLICY);
        assertTrue(policy.contains("bank.example secure match=nexthop")
                || policy.matches("(?s).*bank\\.example\\s+secure match=nexthop.*"), policy);
        assertTrue(robot.lookup("#preview-tab-tls_policy").tryQuery().isPresent()
                || robot.lookup("#preview-files").queryAs(javafx.scene.control.TabPane.class).getTabs().stream()
                        .anyMatch(t -> t.getText().equals("tls_policy")));
        next(robot, "deploy");
    }

    @Test
    void localFilesNameTheMissingFileThenEndInTheExport(FxRobot robot) throws Exception {
        Path folder = Files.createDirectory(temp.resolve("client-a"));
        Files.writeString(folder.resolve("main.cf"), Corpus.read("debian12", "main.cf"));
        WizardModel model = show();
        robot.clickOn("#mode-local-files");
        robot.clickOn("#local-folder").write(folder.toString());
        robot.clickOn("#next");
        assertEquals("master.cf is missing in " + folder + "; the folder must contain main.cf and master.cf "
                + "copied from the server", veto(robot));

        Files.writeString(folder.resolve("master.cf"), Corpus.read("debian12", "master.cf"));
        next(robot, "certificate");
        assertEquals(folder.toAbsolutePath().toString(), model.getServer().source());
        for (String page : List.of("outbound", "inbound", "submission", "hardening", "policies", "dns", "preview")) {
            next(robot, page);
        }
        FxWait.until("the plan", () -> model.changeSetProperty().get() != null);
        next(robot, "export");
        assertTrue(!robot.lookup("#export-button").queryButton().isDisabled(), "export is possible once planned");
    }
}
