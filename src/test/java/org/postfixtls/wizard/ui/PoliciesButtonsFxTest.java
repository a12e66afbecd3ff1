package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.ui.pages.PoliciesPage;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The reason beside a disabled "Test this domain" wraps; it never squeezes the buttons into "…". */
@ExtendWith(ApplicationExtension.class)
class PoliciesButtonsFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void buttonsKeepTheirLabelsBesideTheReason(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        model.setConnectionMode(ConnectionMode.DEMO);
        Platform.runLater(() -> {
            stage.setScene(new Scene(PoliciesPage.create(model, TestServices.application()), 800, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();

        Label why = robot.lookup("#policies-test-why").queryAs(Label.class);
        assertFalse(why.getText().isEmpty());
        for (String id : new String[] {"#policies-add", "#policies-remove", "#policies-test"}) {
            Button button = robot.lookup(id).queryButton();
            assertTrue(button.getWidth() >= button.prefWidth(-1) - 0.5, id + " is squeezed: " + button.getWidth());
        }
    }
}
