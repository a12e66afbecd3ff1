package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.ui.pages.WizardSteps;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.ui.wizard.SshForm;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The steps every GUI test on the real test bed takes first: open the wizard and connect to the bed over SSH. */
final class TestbedWalk {

    private TestbedWalk() {
    }

    static void show(Stage stage, WizardModel model, WizardServices services) {
        Platform.runLater(() -> {
            WizardNavigator navigator = new WizardNavigator(WizardSteps.standard(services), model, Platform::runLater);
            stage.setScene(new Scene(new MainWindow(navigator, model, services, Themes.applied()), 1100, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Fills the SSH form with the bed's deploy user (key, sudo) and passes the Connect step's check. */
    static void connect(FxRobot robot, WizardModel model, Testbed bed) {
        robot.clickOn("#mode-ssh-server");
        Platform.runLater(() -> {
            SshForm form = model.sshForm();
            form.host.set(bed.host());
            form.port.set(bed.get("ssh.port"));
            form.user.set(bed.get("ssh.user"));
            form.auth.set(SshForm.Auth.KEY);
            form.keyFile.set(bed.get("ssh.key"));
            form.sudo.set(true);
            form.configDir.set(bed.get("postfix.configDir"));
        });
        WaitForAsyncUtils.waitForFxEvents();
        next(robot, "certificate");
    }

    static void next(FxRobot robot, String page) {
        robot.clickOn("#next");
        FxWait.untilShown(robot, "#page-" + page);
    }
}
