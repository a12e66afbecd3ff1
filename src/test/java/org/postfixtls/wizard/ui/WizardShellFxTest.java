package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.ui.pages.WizardSteps;
import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
import org.postfixtls.wizard.ui.wizard.StepValidator;
import org.postfixtls.wizard.ui.wizard.Validation;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;
import org.postfixtls.wizard.ui.wizard.WizardStep;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real window headless (Monocle): clicks, keyboard, veto, asynchronous checks. */
@ExtendWith(ApplicationExtension.class)
class WizardShellFxTest {

    private static final WizardServices SERVICES = TestServices.application();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private WizardModel show(List<WizardStep> steps) {
        WizardModel model = new WizardModel();
        Platform.runLater(() -> {
            WizardNavigator navigator = new WizardNavigator(steps, model, Platform::runLater);
            stage.setScene(new Scene(new MainWindow(navigator, model, SERVICES, Themes.applied()), 1000, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        return model;
    }

    @Test
    void theStepListShowsEveryStepOfAServerWalk(FxRobot robot) {
        show(WizardSteps.standard(SERVICES));
        ListView<?> list = robot.lookup("#step-list").queryListView();
        assertEquals(List.of("Connect", "Certificate", "Outbound TLS", "Inbound TLS", "Submission ports", "Hardening",
                "Domain policies", "DNS records", "Preview", "Deploy", "Verify", "Summary"),
                list.getItems().stream().map(Object::toString).toList());
        assertTrue(robot.lookup("#page-connect").tryQuery().isPresent());
        assertTrue(robot.lookup("#back").queryButton().isDisabled());
    }

    @Test
    void nextIsVetoedUntilAConnectionModeIsChosen(FxRobot robot) {
        show(WizardSteps.standard(SERVICES));
        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();
        Label veto = robot.lookup("#veto-message").queryAs(Label.class);
        assertTrue(veto.isVisible());
        assertTrue(veto.getText().startsWith("Choose how to reach the server"));
        assertTrue(robot.lookup("#page-connect").tryQuery().isPresent(), "still on Connect");

        robot.clickOn("#mode-demo");
        robot.clickOn("#next");
        FxWait.untilShown(robot, "#page-certificate");
        assertFalse(robot.lookup("#veto-message").queryAs(Label.class).isVisible());
    }

    @Test
    void keyboardMnemonicsMoveBackAndForth(FxRobot robot) {
        WizardModel model = show(WizardSteps.standard(SERVICES));
        Platform.runLater(() -> model.setConnectionMode(org.postfixtls.wizard.ui.wizard.ConnectionMode.DEMO));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#page-connect");
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.N).release(javafx.scene.input.KeyCode.N, javafx.scene.input.KeyCode.ALT);
        FxWait.untilShown(robot, "#page-certificate"); // Alt+N is Next
        robot.press(javafx.scene.input.KeyCode.ALT, javafx.scene.input.KeyCode.B).release(javafx.scene.input.KeyCode.B, javafx.scene.input.KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#page-connect").tryQuery().isPresent(), "Alt+B is Back");
    }

    @Test
    void choosingLocalFilesReplacesDeployAndVerifyWithTheExportBundle(FxRobot robot) {
        show(WizardSteps.standard(SERVICES));
        robot.clickOn("#mode-local-files");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> titles = robot.lookup("#step-list").queryListView().getItems().stream().map(Object::toString).toList();
        assertEquals(List.of("Export bundle", "Summary"), titles.subList(titles.size() - 2, titles.size()));
        assertFalse(titles.contains("Deploy"));
        assertFalse(titles.contains("Verify"));
    }

    @Test
    void anAsynchronousVetoShowsTheBusyIndicatorAndBlocksNext(FxRobot robot) {
        CompletableFuture<Validation> check = new CompletableFuture<>();
        show(List.of(
                WizardStep.builder("slow", "Slow check").page(m -> labelled("page-slow")).validator(m -> check).build(),
                WizardStep.builder("after", "After").page(m -> labelled("page-after")).validator(StepValidator.alwaysPasses()).build()));

        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();
        ProgressIndicator busy = robot.lookup("#busy-indicator").queryAs(ProgressIndicator.class);
        Button next = robot.lookup("#next").queryButton();
        assertTrue(busy.isVisible(), "busy indicator while the check runs");
        assertTrue(next.isDisabled(), "Next disabled while the check runs");
        assertTrue(robot.lookup("#cancel-check").queryButton().isVisible());

        check.complete(Validation.veto("The server refused the connection on port 22"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(busy.isVisible());
        assertEquals("The server refused the connection on port 22", robot.lookup("#veto-message").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#page-slow").tryQuery().isPresent(), "the veto kept the wizard on its step");
        assertFalse(next.isDisabled());
    }

    @Test
    void theApplicationWindowCarriesTheProductTitle() throws Exception {
        org.testfx.api.FxToolkit.setupApplication(WizardApp.class);
        WaitForAsyncUtils.waitForFxEvents();
        Stage primary = org.testfx.api.FxToolkit.toolkitContext().getRegisteredStage();
        assertNotNull(primary.getScene());
        assertEquals("Postfix TLS Wizard", primary.getTitle());
        assertTrue(primary.getScene().getRoot() instanceof MainWindow);
    }

    private static StackPane labelled(String id) {
        StackPane pane = new StackPane(new Label(id));
        pane.setId(id);
        return pane;
    }

    @Test
    void aLongVetoWrapsAndLeavesBackAndNextReadable(FxRobot robot) {
        String reason = "Destination 'partner example org': not a domain name. Allowed: a domain (example.org), a"
                + " parent domain with a leading dot (.example.org) or [host]:port. Postfix never looks up '*' in a"
                + " TLS policy table, so such an entry would have no effect at all.";
        show(List.of(
                WizardStep.builder("a", "A").page(m -> new StackPane()).validator(
                        StepValidator.immediate(m -> Validation.veto(reason))).build(),
                WizardStep.builder("b", "B").page(m -> new StackPane()).validator(StepValidator.alwaysPasses()).build()));
        robot.interact(() -> stage.setWidth(1024));
        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();

        Label veto = robot.lookup("#veto-message").queryAs(Label.class);
        assertEquals(reason, veto.getText());
        for (String id : List.of("#back", "#next")) {
            Button button = robot.lookup(id).queryButton();
            assertTrue(button.getWidth() >= button.prefWidth(-1) - 0.5,
                    id + " keeps its width: " + button.getWidth() + " < " + button.prefWidth(-1));
        }
        assertTrue(veto.getHeight() > veto.getFont().getSize() * 2, "the reason wraps onto several lines");
    }

    @Test
    void everyStepOpensAtItsHeadingNotAtThePreviousScrollPosition(FxRobot robot) {
        show(List.of(
                WizardStep.builder("a", "A").page(m -> tallPage()).validator(StepValidator.alwaysPasses()).build(),
                WizardStep.builder("b", "B").page(m -> tallPage()).validator(StepValidator.alwaysPasses()).build()));
        javafx.scene.control.ScrollPane holder = robot.lookup("#page-holder").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> holder.setVvalue(holder.getVmax()));
        assertEquals(holder.getVmax(), holder.getVvalue());

        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(holder.getVmin(), holder.getVvalue(), "step B starts at the top");
    }

    private static StackPane tallPage() {
        StackPane page = new StackPane(new Label("heading"));
        page.setMinHeight(3000);
        return page;
    }

    @Test
    void stepsNotYetReachedAreDisabledAndVisitedOnesStayClickable(FxRobot robot) {
        show(List.of(
                WizardStep.builder("a", "A").page(m -> new StackPane()).validator(StepValidator.alwaysPasses()).build(),
                WizardStep.builder("b", "B").page(m -> new StackPane()).validator(StepValidator.alwaysPasses()).build(),
                WizardStep.builder("c", "C").page(m -> new StackPane()).validator(StepValidator.alwaysPasses()).build()));
        assertTrue(stepCell(robot, "c").isDisabled(), "C is not reached yet");
        assertTrue(stepCell(robot, "c").getOpacity() < 1.0, "and looks it: the theme draws disabled cells as enabled");
        robot.clickOn("#next");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(stepCell(robot, "a").isDisabled());
        assertTrue(stepCell(robot, "c").isDisabled());

        robot.clickOn(stepCell(robot, "a"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#page-a").tryQuery().isPresent() || robot.lookup("#back").queryButton().isDisabled());
        assertFalse(stepCell(robot, "b").isDisabled(), "B was visited: still clickable after going back");

        robot.clickOn(stepCell(robot, "b"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#back").queryButton().isDisabled(), "back on B through A's check");
        assertTrue(stepCell(robot, "c").isDisabled());
    }

    /** The cell showing the step: a list view keeps spare cells around. */
    private static javafx.scene.Node stepCell(FxRobot robot, String step) {
        return robot.lookup("#step-" + step).queryAll().stream().filter(javafx.scene.Node::isVisible)
                .filter(node -> ((javafx.scene.control.ListCell<?>) node).getItem() != null).findFirst().orElseThrow();
    }

    @Test
    void ctrlPlusAndMinusZoomTheWholeWindowForAProjector(FxRobot robot) {
        show(WizardSteps.standard(SERVICES));
        double normal = robot.lookup("#next").queryButton().getFont().getSize();

        robot.interact(() -> {
            shortcut(javafx.scene.input.KeyCode.EQUALS).run();
            shortcut(javafx.scene.input.KeyCode.PLUS).run();
        });
        WaitForAsyncUtils.waitForFxEvents();
        double larger = robot.lookup("#next").queryButton().getFont().getSize();
        assertTrue(larger > normal * 1.2, normal + " -> " + larger);

        robot.interact(() -> shortcut(javafx.scene.input.KeyCode.DIGIT0).run());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(normal, robot.lookup("#next").queryButton().getFont().getSize(), 0.01);
    }

    /** The window's own accelerator for Ctrl/Cmd + key (the headless robot's key mapping differs per platform). */
    private Runnable shortcut(javafx.scene.input.KeyCode key) {
        Runnable action = stage.getScene().getAccelerators().get(new javafx.scene.input.KeyCodeCombination(key,
                javafx.scene.input.KeyCombination.SHORTCUT_DOWN));
        assertNotNull(action, "no shortcut for " + key);
        return action;
    }
}
