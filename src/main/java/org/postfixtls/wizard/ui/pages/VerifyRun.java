package org.postfixtls.wizard.ui.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postfixtls.wizard.app.verify.VerificationHandle;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.VerificationReport;

/**
 * The state of the Verify step's verification, without JavaFX: whether one runs, its progress, the tiles of the
 * ports finished so far, the summary sentence and, at the end, what to show and export. Called on one thread (the
 * FX thread); each press of Run is an {@link Attempt}, and whatever an abandoned attempt reports later is ignored,
 * so a cancelled run never adds tiles that would read like a verdict.
 */
final class VerifyRun {

    static final String CANCELLED = "Cancelled; nothing was changed.";

    /** The summary sentence; {@code status} null when it is neither a verdict nor a problem (e.g. "Verifying…"). */
    record Summary(String text, CheckStatus status) {
    }

    /** One press of Run. The flag is read off the FX thread by the engine's callbacks. */
    static final class Attempt {
        private final AtomicBoolean abandoned = new AtomicBoolean();

        boolean abandoned() {
            return abandoned.get();
        }
    }

    private Attempt current;
    private VerificationHandle handle;
    private double progress;
    private String step = "";
    private Summary summary;
    private final List<VerifyDisplay.Tile> tiles = new ArrayList<>();
    private VerifyDisplay display;
    private VerificationReport report;
    private boolean ranBefore;
    private boolean running;
    private Runnable onChange = () -> { };

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** Run pressed with valid input: the previous result is gone. */
    Attempt start(String host) {
        current = new Attempt();
        handle = null;
        progress = 0;
        step = "";
        tiles.clear();
        display = null;
        report = null;
        summary = new Summary("Verifying " + host + " …", null);
        running = true;
        onChange.run();
        return current;
    }

    /** The input cannot be verified: nothing starts. */
    void refuse(String problem) {
        summary = new Summary(problem, CheckStatus.FAIL);
        onChange.run();
    }

    void progress(Attempt attempt, int finished, int total, String what) {
        if (attempt == current) {
            progress = total == 0 ? 0 : (double) finished / total;
            step = what;
            onChange.run();
        }
    }

    void portFinished(Attempt attempt, PortResult result) {
        if (attempt == current && !attempt.abandoned()) {
            tiles.add(VerifyDisplay.tile(result));
            onChange.run();
        }
    }

    /**
     * The engine started for {@code attempt}. False when the attempt was abandoned meanwhile: then the caller stops
     * that handle and closes what it opened, and nothing changes on screen.
     */
    boolean started(Attempt attempt, VerificationHandle started) {
        if (attempt.abandoned() || attempt != current) {
            return false;
        }
        handle = started;
        return true;
    }

    /** The attempt could not start (no trust bundle, no SSH session, …). */
    void couldNotStart(Attempt attempt, String message) {
        if (attempt == current && !attempt.abandoned()) {
            end(new Summary(message, CheckStatus.FAIL));
        }
    }

    /** The attempt's verification ended: a report, or an error ({@link CancellationException} after Cancel). */
    void ended(Attempt attempt, VerificationReport finished, Throwable error) {
        if (attempt != current) {
            return;
        }
        if (error != null) {
            end(new Summary(error instanceof CancellationException ? CANCELLED
                    : "The verification stopped: " + error.getMessage(), CheckStatus.FAIL));
            return;
        }
        report = finished;
        display = VerifyDisplay.of(finished);
        tiles.clear();
        tiles.addAll(display.tiles());
        end(new Summary(display.summary(), display.status()));
    }

    /**
     * Cancel: a running verification is stopped (its end then says so); one whose SSH session is still opening is
     * abandoned at once, and closes its session itself when that answers.
     */
    void cancel() {
        if (!running) {
            return;
        }
        current.abandoned.set(true);
        if (handle != null) {
            handle.cancel();
        } else {
            end(new Summary(CANCELLED, CheckStatus.FAIL));
        }
    }

    private void end(Summary ending) {
        summary = ending;
        handle = null;
        ranBefore = true;
        progress = 0;
        step = "";
        running = false;
        current = null;
        onChange.run();
    }

    boolean running() {
        return running;
    }

    boolean ranBefore() {
        return ranBefore;
    }

    double progress() {
        return progress;
    }

    String step() {
        return step;
    }

    /** Null before the first Run. */
    Summary summary() {
        return summary;
    }

    List<VerifyDisplay.Tile> tiles() {
        return List.copyOf(tiles);
    }

    /** What to show of the finished report; null until one finished. */
    VerifyDisplay display() {
        return display;
    }

    /** The finished report, for the exports; null until one finished. */
    VerificationReport report() {
        return report;
    }
}
