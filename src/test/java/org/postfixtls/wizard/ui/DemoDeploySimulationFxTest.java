package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.ui.pages.DeployPage;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A trainer's Deploy step on the demo server: the real transaction's steps, played and labelled as a simulation. */
@ExtendWith(ApplicationExtension.class)
class DemoDeploySimulationFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theDemoPlaysTheTransactionAsALabelledSimulationAndRecordsNoDeploy(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        Platform.runLater(() -> {
            model.setConnectionMode(ConnectionMode.DEMO);
            model.serverProperty().set(DemoServer.load());
            model.approvedChangeSetProperty().set(Planner.plan(model.getServer().planRequest(model.getProfile())));
            stage.setScene(new Scene(new ScrollPane(DeployPage.create(model, org.postfixtls.wizard.testsupport.TestServices.application())), 1024, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Label label = robot.lookup("#deploy-simulation-label").queryAs(Label.class);
        assertTrue(label.isVisible() && label.getText().startsWith("SIMULATION"), label.getText());
        Button simulate = robot.lookup("#deploy-run").queryButton();
        assertEquals("Simulate the deploy", simulate.getText());
        assertFalse(simulate.isDisabled(), "an approved demo change can be simulated");

        robot.clickOn(simulate);
        FxWait.until("the simulation to finish", () -> robot.lookup("#deploy-result").queryAs(Label.class).getText()
                .startsWith("SIMULATION finished"));

        List<String> lines = robot.lookup("#deploy-steps").queryAs(VBox.class).getChildren().stream()
                .map(n -> ((Label) n).getText()).toList();
        for (String step : List.of("lock", "check-live", "backup", "validate", "swap", "check", "reload", "health")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("[simulated] " + step + " — ")), step + " in " + lines);
        }
        assertTrue(lines.stream().allMatch(l -> l.startsWith("[simulated] ")), lines.toString());
        String log = robot.lookup("#deploy-log").queryAs(TextArea.class).getText();
        assertTrue(log.lines().allMatch(l -> l.contains("[simulated] ")), log);
        assertNull(model.lastDeployProperty().get(), "a simulation is not a deploy: the Summary must not claim one");
        assertTrue(robot.lookup("#deploy-rollback").queryButton().isDisabled());
    }

    @Test
    void overSshThereIsNoSimulationLabel(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        Platform.runLater(() -> {
            model.setConnectionMode(ConnectionMode.SSH_SERVER);
            stage.setScene(new Scene(new ScrollPane(DeployPage.create(model, org.postfixtls.wizard.testsupport.TestServices.application())), 1024, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#deploy-simulation-label").queryAs(Label.class).isVisible());
        assertEquals("Deploy now", robot.lookup("#deploy-run").queryButton().getText());
    }
}
