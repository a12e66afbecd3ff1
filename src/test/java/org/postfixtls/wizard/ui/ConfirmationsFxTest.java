package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.ui.pages.WizardSteps;
import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.controlsfx.control.NotificationPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.ui.pages.Confirmations;
import org.postfixtls.wizard.ui.pages.DnsRecordsPage;
import org.postfixtls.wizard.ui.pages.ProfileFiles;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import java.util.List;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Save profile, Copy records, Save report: each says that it worked, and where the file went. */
@ExtendWith(ApplicationExtension.class)
class ConfirmationsFxTest {

    private Stage stage;
    private WizardModel model;
    private final WizardServices services = TestServices.application();

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void show() {
        model = new WizardModel();
        Platform.runLater(() -> {
            WizardNavigator navigator = new WizardNavigator(WizardSteps.standard(services), model, Platform::runLater);
            stage.setScene(new Scene(new MainWindow(navigator, model, services, Themes.applied()), 1100, 760));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void savingTheProfileConfirmsWithThePath(FxRobot robot) throws Exception {
        show();
        File target = temp.resolve("client-a.json").toFile();

        ProfileFiles.saveTo(robot.lookup("#profile-save").query(), model, services, target).get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        NotificationPane pane = robot.lookup("#" + Confirmations.PANE_ID).queryAs(NotificationPane.class);
        assertTrue(Files.size(target.toPath()) > 0);
        FxWait.until("the confirmation", pane::isShowing);
        assertEquals("Profile saved to " + target, pane.getText());
    }

    @Test
    void copyingTheRecordsConfirms(FxRobot robot) {
        Themes.applied();
        WizardModel dnsModel = new WizardModel();
        dnsModel.setProfile(ProfileEdits.withMtaSts(dnsModel.getProfile(),
                new Profile.MtaSts("example.org", List.of("mail.example.org"), "testing", 604800, null)));
        Platform.runLater(() -> {
            stage.setScene(new Scene(Confirmations.pane(DnsRecordsPage.create(dnsModel, services)), 1100, 760));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#dns-copy-records");

        NotificationPane pane = robot.lookup("#" + Confirmations.PANE_ID).queryAs(NotificationPane.class);
        FxWait.until("the confirmation", pane::isShowing);
        assertEquals("Copied the DNS records to the clipboard", pane.getText());
    }
}
