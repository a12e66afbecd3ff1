package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.ui.pages.VerifyPage;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.VerificationSetup;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A trainer's Verify step on the demo server: a recorded verification, before and after, labelled as recorded. */
@ExtendWith(ApplicationExtension.class)
class DemoVerifyRecordingFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theDemoShowsTheRecordingBeforeAndAfterWithItsDateAndServer(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        Platform.runLater(() -> {
            model.setConnectionMode(ConnectionMode.DEMO);
            model.serverProperty().set(DemoServer.load());
            ScrollPane scroll = new ScrollPane(VerifyPage.create(model, org.postfixtls.wizard.testsupport.TestServices.application().withServerAccess(VerificationSetup.NONE)));
            scroll.setFitToWidth(true);
            stage.setScene(new Scene(scroll, 1100, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label label = robot.lookup("#verify-recorded-label").queryAs(Label.class);
        String before = label.getText();
        assertTrue(before.matches("RECORDED on \\d{4}-\\d{2}-\\d{2} from a Postfix 3\\.7 test server — .*Before: .*"),
                before);
        assertEquals(3, robot.lookup("#verify-recorded-tiles").queryAs(FlowPane.class).getChildren().size());
        String summaryBefore = robot.lookup("#verify-recorded-summary").queryAs(Label.class).getText();

        robot.clickOn("#verify-recorded-after");
        String after = label.getText();
        assertTrue(after.startsWith("RECORDED on ") && after.contains("After: "), after);
        assertNotEquals(summaryBefore, robot.lookup("#verify-recorded-summary").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#verify-recorded-checklist").queryParent().getChildrenUnmodifiable().isEmpty());
        assertTrue(robot.lookup("#verify-summary").queryAs(Label.class).getText().isEmpty(),
                "nothing was measured live: the live result stays empty");
    }
}
