package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.deploy.Cancellation;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.deploy.StepEvent;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;

/** The Deploy step's run state, without a stage: lines per step, the log, the result, Cancel. */
class DeployRunTest {

    private static final LocalTime AT = LocalTime.of(12, 0, 5);

    @Test
    void oneLinePerStepShowsItsLatestStateAndTheLogKeepsEveryEvent() {
        DeployRun run = new DeployRun();
        run.start(new Cancellation());
        run.event(new StepEvent("lock", StepEvent.Status.START, "waiting"), AT);
        run.event(new StepEvent("lock", StepEvent.Status.OK, "lock held"), AT);
        run.event(new StepEvent("note", StepEvent.Status.INFO, "just a log line"), AT);
        run.event(new StepEvent("swap", StepEvent.Status.FAIL, "cannot install"), AT);
        assertEquals(List.of(new DeployRun.StepLine("lock", DeployRun.Tone.SUCCESS, "lock — lock held"),
                new DeployRun.StepLine("swap", DeployRun.Tone.DANGER, "swap — cannot install")), run.steps());
        assertEquals(List.of("12:00:05  [start] lock: waiting", "12:00:05  [ok] lock: lock held",
                "12:00:05  [info] note: just a log line", "12:00:05  [fail] swap: cannot install"), run.log());
        assertTrue(run.running());
    }

    @Test
    void anUmbrellaStepLeftPendingIsClosedWhenTheJobEnds() {
        DeployRun ok = new DeployRun();
        ok.start(new Cancellation());
        ok.event(new StepEvent("commit", StepEvent.Status.START, "the server runs the commit"), AT);
        ok.finished(report(DeployOutcome.DEPLOYED));
        assertEquals(DeployRun.Tone.SUCCESS, ok.steps().get(0).tone());
        assertEquals(DeployRun.Tone.SUCCESS, ok.result().tone());
        assertFalse(ok.running());

        DeployRun failed = new DeployRun();
        failed.start(new Cancellation());
        failed.event(new StepEvent("commit", StepEvent.Status.START, "the server runs the commit"), AT);
        failed.finished(report(DeployOutcome.ROLLED_BACK));
        assertEquals(DeployRun.Tone.NEUTRAL, failed.steps().get(0).tone(), "not done, not pending either");
        assertEquals(DeployRun.Tone.WARNING, failed.result().tone(), "rolled back: the server runs what it ran");
        assertTrue(failed.result().text().startsWith("FAILED at reload and ROLLED BACK"), failed.result().text());
    }

    @Test
    void cancelAsksTheRunningJobOnceAndIsLoggedAndDoesNothingAfterTheEnd() {
        DeployRun run = new DeployRun();
        Cancellation cancellation = new Cancellation();
        run.start(cancellation);
        assertTrue(run.requestCancel(AT));
        assertTrue(cancellation.isRequested());
        assertEquals("12:00:05  cancel requested: honoured unless the commit has started", run.log().get(0));
        run.finished(report(DeployOutcome.CANCELLED));
        assertEquals(DeployRun.Tone.WARNING, run.result().tone());
        assertFalse(run.requestCancel(AT), "no job runs any more");
    }

    @Test
    void aNewJobForgetsThePreviousOnesLinesAndTheSimulationMarksEveryLine() {
        DeployRun run = new DeployRun("[simulated] ");
        run.start(new Cancellation());
        run.event(new StepEvent("lock", StepEvent.Status.OK, "lock held"), AT);
        run.failed("The connection was refused.");
        assertEquals("The connection was refused.", run.result().text());
        assertEquals("[simulated] lock — lock held", run.steps().get(0).text());
        assertEquals("12:00:05  [simulated] [ok] lock: lock held", run.log().get(0));
        run.start(new Cancellation());
        assertEquals(List.of(), run.steps());
        assertEquals(List.of(), run.log());
        assertEquals("Running…", run.result().text());
    }

    @Test
    void everyChangeIsAnnounced() {
        DeployRun run = new DeployRun();
        int[] changes = {0};
        run.onChange(() -> changes[0]++);
        run.start(new Cancellation());
        run.event(new StepEvent("lock", StepEvent.Status.OK, ""), AT);
        run.note("Approved the new change.", DeployRun.Tone.SUCCESS);
        run.finished(report(DeployOutcome.DEPLOYED));
        assertEquals(4, changes[0]);
    }

    private static DeployReport report(DeployOutcome outcome) {
        return new DeployReport("20250301-101530-ab12", outcome, "reload", "postfix reload exited 1.",
                new ChangeSet(List.of(), List.of(), List.of()), "", List.of(), List.of(), List.of(), null);
    }
}
