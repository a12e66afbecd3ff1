package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.ui.pages.SummaryPage;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The last step offers the fleet's way on: the Ansible project and the profile, both enabled, labels whole. */
@ExtendWith(ApplicationExtension.class)
class SummaryFleetButtonsFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theSummaryOffersExportForAnsibleAndSaveProfile(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        model.setConnectionMode(ConnectionMode.DEMO);
        Platform.runLater(() -> {
            stage.setScene(new Scene(SummaryPage.create(model, org.postfixtls.wizard.testsupport.TestServices.application()), 800, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        Button ansible = robot.lookup("#summary-export-ansible").queryButton();
        Button save = robot.lookup("#summary-save-profile").queryButton();
        assertEquals("Export for Ansible…", ansible.getText());
        assertEquals("Save profile…", save.getText());
        for (Button button : new Button[] {ansible, save}) {
            assertFalse(button.isDisabled(), button.getText());
            assertFalse(button.getWidth() < button.prefWidth(-1) - 0.5, button.getText() + " is squeezed");
        }
    }
}
