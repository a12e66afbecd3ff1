package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.ui.pages.HardeningPage;
import org.postfixtls.wizard.ui.pages.InboundPage;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Mandatory preset's port-25 encrypt is said where the preset is chosen and on the Inbound step. */
@ExtendWith(ApplicationExtension.class)
class MandatoryPort25WarningFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private Label warningOn(FxRobot robot, Function<WizardModel, Parent> page, WizardModel model) {
        Platform.runLater(() -> {
            stage.setScene(new Scene(page.apply(model), 1000, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup(".port25-encrypt-warning").queryAs(Label.class);
    }

    @Test
    void theHardeningStepSaysWhatTheMandatoryPresetDoesToPort25(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        Label warning = warningOn(robot, HardeningPage::create, model);
        assertFalse(warning.isVisible(), "the recommended baseline keeps port 25 at may");

        robot.interact(() -> model.setProfile(Preset.MANDATORY.baseline()));

        assertEquals(TlsLevel.ENCRYPT, model.getProfile().inbound().level());
        assertTrue(warning.isVisible());
        assertTrue(warning.getText().contains("RFC 3207"), warning.getText());
    }

    @Test
    void theInboundStepSaysItWhileEncryptIsChosen(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        model.setProfile(Preset.MANDATORY.baseline());
        Label warning = warningOn(robot, InboundPage::create, model);
        assertTrue(warning.isVisible());

        robot.clickOn("#inbound-may");

        assertEquals(TlsLevel.MAY, model.getProfile().inbound().level());
        assertFalse(warning.isVisible());
    }
}
