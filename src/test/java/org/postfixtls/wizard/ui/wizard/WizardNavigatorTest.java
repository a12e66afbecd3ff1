package org.postfixtls.wizard.ui.wizard;

import org.postfixtls.wizard.ui.pages.WizardSteps;
import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;

class WizardNavigatorTest {

    private static final org.postfixtls.wizard.app.workspace.ServerFiles DEMO =
            org.postfixtls.wizard.app.workspace.DemoServer.load();

    private final WizardModel model = new WizardModel();
    private CompletableFuture<Validation> pendingCheck = new CompletableFuture<>();

    private WizardStep step(String id, StepValidator validator) {
        return WizardStep.builder(id, id).page(m -> new Pane()).validator(validator).build();
    }

    private WizardNavigator navigator(List<WizardStep> steps) {
        return new WizardNavigator(steps, model, Runnable::run);
    }

    @Test
    void nextMovesWhenTheCheckPasses() {
        WizardNavigator navigator = navigator(List.of(step("a", StepValidator.alwaysPasses()), step("b", StepValidator.alwaysPasses())));
        navigator.next();
        assertEquals("b", navigator.getCurrent().id());
        assertTrue(navigator.isLastStep());
        assertFalse(navigator.canGoNextBinding().get());
    }

    @Test
    void aVetoKeepsTheWizardOnTheStepAndShowsTheReason() {
        WizardNavigator navigator = navigator(List.of(
                step("a", StepValidator.immediate(m -> Validation.veto("Host is required"))),
                step("b", StepValidator.alwaysPasses())));
        navigator.next();
        assertEquals("a", navigator.getCurrent().id());
        assertEquals("Host is required", navigator.vetoMessageProperty().get());
    }

    @Test
    void anAsynchronousCheckMakesTheWizardBusyUntilItAnswers() {
        WizardNavigator navigator = navigator(List.of(step("a", m -> pendingCheck), step("b", StepValidator.alwaysPasses())));
        navigator.next();
        assertTrue(navigator.busyProperty().get());
        assertFalse(navigator.canGoNextBinding().get(), "Next is disabled while checking");
        assertEquals("a", navigator.getCurrent().id());

        pendingCheck.complete(Validation.veto("SSH authentication failed"));
        assertFalse(navigator.busyProperty().get());
        assertEquals("a", navigator.getCurrent().id());
        assertEquals("SSH authentication failed", navigator.vetoMessageProperty().get());

        pendingCheck = new CompletableFuture<>();
        navigator.next();
        pendingCheck.complete(Validation.ok());
        assertEquals("b", navigator.getCurrent().id());
        assertEquals("", navigator.vetoMessageProperty().get());
    }

    @Test
    void aCancelledCheckStaysOnTheStepAndSaysSo() {
        WizardNavigator navigator = navigator(List.of(step("a", m -> pendingCheck), step("b", StepValidator.alwaysPasses())));
        navigator.next();
        navigator.cancelCheck();
        assertFalse(navigator.busyProperty().get());
        assertEquals("a", navigator.getCurrent().id());
        assertTrue(navigator.vetoMessageProperty().get().contains("cancelled"));
    }

    @Test
    void aFailingCheckIsReportedAsAVetoNotAnException() {
        WizardNavigator navigator = navigator(List.of(
                step("a", m -> CompletableFuture.failedFuture(new IllegalStateException("connection reset"))),
                step("b", StepValidator.alwaysPasses())));
        navigator.next();
        assertEquals("a", navigator.getCurrent().id());
        assertTrue(navigator.vetoMessageProperty().get().endsWith("connection reset"));
    }

    @Test
    void aValidatorThatThrowsDoesNotLeaveTheWizardBusy() {
        WizardNavigator navigator = navigator(List.of(
                step("a", m -> {
                    throw new IllegalArgumentException("bad port");
                }),
                step("b", StepValidator.alwaysPasses())));
        navigator.next();
        assertFalse(navigator.busyProperty().get());
        assertTrue(navigator.vetoMessageProperty().get().endsWith("bad port"));
    }

    @Test
    void standardStepsFollowTheConnectionMode() {
        WizardNavigator navigator = navigator(WizardSteps.standard(TestServices.onTheCallingThread()));
        assertEquals(List.of("connect", "certificate", "outbound", "inbound", "submission", "hardening", "policies", "dns",
                "preview", "deploy", "verify", "summary"), ids(navigator));

        model.setConnectionMode(ConnectionMode.LOCAL_FILES);
        assertEquals(List.of("connect", "certificate", "outbound", "inbound", "submission", "hardening", "policies", "dns",
                "preview", "export", "summary"), ids(navigator));

        model.setConnectionMode(ConnectionMode.DEMO);
        model.serverProperty().set(DEMO); // loaded once, as the Connect step does off the FX thread
        assertEquals("verify", ids(navigator).get(ids(navigator).size() - 2));
    }

    @Test
    void leavingAStepThatIsNoLongerIncludedFallsBackToTheNearestEarlierStep() {
        WizardNavigator navigator = navigator(WizardSteps.standard(TestServices.onTheCallingThread()));
        model.setConnectionMode(ConnectionMode.DEMO);
        model.serverProperty().set(DEMO); // loaded once, as the Connect step does off the FX thread
        // what the preview page leaves in the model once it has shown the plan
        model.changeSetProperty().set(org.postfixtls.wizard.domain.config.plan.Planner.plan(DEMO.planRequest(model.getProfile())));
        for (int i = 0; i < 10; i++) {
            navigator.next();
        }
        assertEquals("verify", navigator.getCurrent().id());
        model.setConnectionMode(ConnectionMode.LOCAL_FILES);
        assertEquals("preview", navigator.getCurrent().id());
    }

    @Test
    void connectVetoesUntilAModeIsChosen() {
        WizardNavigator navigator = navigator(WizardSteps.standard(TestServices.onTheCallingThread()));
        navigator.next();
        assertEquals("connect", navigator.getCurrent().id());
        assertTrue(navigator.vetoMessageProperty().get().startsWith("Choose how to reach the server"));
        model.setConnectionMode(ConnectionMode.DEMO);
        model.serverProperty().set(DEMO); // loaded once, as the Connect step does off the FX thread
        navigator.next();
        assertEquals("certificate", navigator.getCurrent().id());
    }

    @Test
    void jumpingBackIsAllowedButJumpingAheadIsNot() {
        WizardNavigator navigator = navigator(WizardSteps.standard(TestServices.onTheCallingThread()));
        model.setConnectionMode(ConnectionMode.DEMO);
        model.serverProperty().set(DEMO); // loaded once, as the Connect step does off the FX thread
        navigator.next();
        navigator.next();
        WizardStep preview = navigator.activeSteps().get(8);
        navigator.jumpBackTo(preview);
        assertEquals("outbound", navigator.getCurrent().id());
        navigator.jumpBackTo(navigator.activeSteps().get(0));
        assertEquals("connect", navigator.getCurrent().id());
    }

    private static List<String> ids(WizardNavigator navigator) {
        return navigator.activeSteps().stream().map(WizardStep::id).toList();
    }

    @Test
    void aVetoDisappearsOnceTheUserChangesTheInputItWasAbout() {
        WizardNavigator navigator = navigator(List.of(
                step("a", StepValidator.immediate(m -> m.sshForm().host.get().isBlank()
                        ? Validation.veto("Host is required") : Validation.ok())),
                step("b", StepValidator.alwaysPasses())));
        navigator.next();
        assertEquals("Host is required", navigator.vetoMessageProperty().get());

        model.sshForm().host.set("mail.example.org");

        assertEquals("", navigator.vetoMessageProperty().get());
        assertEquals("a", navigator.getCurrent().id(), "clearing the message moves nowhere");
    }

    @Test
    void aVetoOnAProfileFieldDisappearsWhenTheProfileChanges() {
        WizardNavigator navigator = navigator(List.of(
                step("a", StepValidator.immediate(m -> Validation.veto("Destination: not a domain name"))),
                step("b", StepValidator.alwaysPasses())));
        navigator.next();
        assertEquals("Destination: not a domain name", navigator.vetoMessageProperty().get());

        model.setProfile(org.postfixtls.wizard.domain.profile.Preset.RUNBOOK.baseline());

        assertEquals("", navigator.vetoMessageProperty().get());
    }

    @Test
    void modelChangesMadeByARunningCheckDoNotHideItsAnswer() {
        WizardNavigator navigator = navigator(List.of(step("a", m -> pendingCheck), step("b", StepValidator.alwaysPasses())));
        navigator.next();
        model.sshForm().configDir.set("/etc/postfix");   // e.g. discovery filling in what it found
        pendingCheck.complete(Validation.veto("SSH authentication failed"));

        assertEquals("SSH authentication failed", navigator.vetoMessageProperty().get());
    }

    @Test
    void aVisitedLaterStepIsReachedThroughEveryCheckOnTheWay() {
        java.util.List<String> checked = new java.util.ArrayList<>();
        StepValidator recording = model -> {
            checked.add("checked");
            return CompletableFuture.completedFuture(Validation.ok());
        };
        WizardNavigator navigator = navigator(List.of(step("a", recording), step("b", recording), step("c", recording),
                step("d", StepValidator.alwaysPasses())));
        navigator.next();
        navigator.next();
        navigator.next();
        navigator.jumpTo(navigator.activeSteps().get(0));
        assertEquals("a", navigator.getCurrent().id());
        checked.clear();

        navigator.jumpTo(navigator.activeSteps().get(3));

        assertEquals("d", navigator.getCurrent().id());
        assertEquals(3, checked.size(), "a, b and c were checked again on the way");
    }

    @Test
    void aVetoOnTheWayStopsTheJumpThere() {
        boolean[] broken = {false};
        WizardNavigator navigator = navigator(List.of(step("a", StepValidator.alwaysPasses()),
                step("b", StepValidator.immediate(m -> broken[0] ? Validation.veto("Port: is 0") : Validation.ok())),
                step("c", StepValidator.alwaysPasses())));
        navigator.next();
        navigator.next();
        navigator.jumpTo(navigator.activeSteps().get(0));
        broken[0] = true;

        navigator.jumpTo(navigator.activeSteps().get(2));

        assertEquals("b", navigator.getCurrent().id());
        assertEquals("Port: is 0", navigator.vetoMessageProperty().get());
    }

    @Test
    void aStepNeverVisitedCannotBeJumpedTo() {
        WizardNavigator navigator = navigator(List.of(step("a", StepValidator.alwaysPasses()),
                step("b", StepValidator.alwaysPasses()), step("c", StepValidator.alwaysPasses())));

        navigator.jumpTo(navigator.activeSteps().get(2));

        assertEquals("a", navigator.getCurrent().id());
        assertFalse(navigator.isReachable(navigator.activeSteps().get(2)));
        assertTrue(navigator.isReachable(navigator.activeSteps().get(0)));
    }
}
