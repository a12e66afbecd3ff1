package org.postfixtls.wizard.ui.pages;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postfixtls.wizard.app.deploy.Cancellation;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.deploy.StepEvent;

/**
 * The state of the Deploy step's current job (a deploy, a rollback or the demo's simulation), without JavaFX: one
 * line per transaction step, the time-stamped log, the result sentence, and whether Cancel can still act. The page
 * draws it after every change; tests drive it without a stage.
 */
final class DeployRun {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** How a line or the result reads: its colour and icon on screen. */
    enum Tone { PENDING, SUCCESS, WARNING, DANGER, NEUTRAL }

    /** One step of the transaction as last reported. */
    record StepLine(String step, Tone tone, String text) {
    }

    /** The sentence under the steps. */
    record Result(String text, Tone tone) {
    }

    private final Map<String, StepLine> steps = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final String logPrefix;
    private Result result;
    private Cancellation cancellation;
    private boolean running;
    private Runnable onChange = () -> { };

    /** {@code logPrefix}: put before every step and log line ("" for a real job, "[simulated] " for the demo). */
    DeployRun(String logPrefix) {
        this.logPrefix = logPrefix;
    }

    DeployRun() {
        this("");
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** A new job: the previous one's lines, log and result are gone. */
    void start(Cancellation jobCancellation) {
        steps.clear();
        log.clear();
        cancellation = jobCancellation;
        running = true;
        result = new Result("Running…", Tone.NEUTRAL);
        onChange.run();
    }

    /** A progress event of the running job; INFO events go to the log only. */
    void event(StepEvent event, LocalTime at) {
        boolean hasMessage = event.message() != null && !event.message().isBlank();
        log.add(TIME.format(at) + "  " + logPrefix + "[" + event.status().name().toLowerCase(java.util.Locale.ROOT)
                + "] " + event.step() + (hasMessage ? ": " + event.message() : ""));
        if (event.status() != StepEvent.Status.INFO) {
            steps.put(event.step(), new StepLine(event.step(), tone(event.status()),
                    logPrefix + event.step() + (hasMessage ? " — " + event.message() : "")));
        }
        onChange.run();
    }

    /** The job ended with a report (whatever its outcome). */
    void finished(DeployReport report) {
        DeployOutcome outcome = report.outcome();
        finish(new Result(DeployChoices.resultText(report), outcome.succeeded() ? Tone.SUCCESS
                : outcome.changedNothing() ? Tone.WARNING : Tone.DANGER), outcome.succeeded());
    }

    /** The job ended without a report (e.g. the connection could not be opened). */
    void failed(String message) {
        finish(new Result(message, Tone.DANGER), false);
    }

    /** The job ended as {@code result} says; {@code succeeded} closes the still-pending steps as done. */
    void finish(Result ending, boolean succeeded) {
        running = false;
        cancellation = null;
        result = ending;
        closeOpenSteps(succeeded);
        onChange.run();
    }

    /** A note that replaces the result sentence, e.g. after approving a changed plan. */
    void note(String text, Tone tone) {
        result = new Result(text, tone);
        onChange.run();
    }

    /** Asks the running job to stop; true when there was one to ask (honoured unless its commit started). */
    boolean requestCancel(LocalTime at) {
        if (cancellation == null) {
            return false;
        }
        cancellation.cancel();
        log.add(TIME.format(at) + "  " + logPrefix + "cancel requested: honoured unless the commit has started");
        onChange.run();
        return true;
    }

    /**
     * An umbrella step (the server-side "commit") only ever reports its start; its sub-steps report the rest. Once
     * the job has ended, such a line must not keep a pending icon as if something were still running.
     */
    private void closeOpenSteps(boolean succeeded) {
        steps.replaceAll((step, line) -> line.tone() != Tone.PENDING ? line
                : new StepLine(step, succeeded ? Tone.SUCCESS : Tone.NEUTRAL, line.text()));
    }

    private static Tone tone(StepEvent.Status status) {
        return switch (status) {
            case START, INFO -> Tone.PENDING;
            case OK -> Tone.SUCCESS;
            case FAIL -> Tone.DANGER;
        };
    }

    boolean running() {
        return running;
    }

    List<StepLine> steps() {
        return List.copyOf(steps.values());
    }

    List<String> log() {
        return List.copyOf(log);
    }

    /** Null before the first job. */
    Result result() {
        return result;
    }
}
