package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.verify.VerificationHandle;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.VerificationReport;

/** The Verify step's run state, without a stage: progress, Cancel before and after the engine started, the end. */
class VerifyRunTest {

    private static final class Handle implements VerificationHandle {
        final CompletableFuture<VerificationReport> report = new CompletableFuture<>();
        boolean cancelled;

        @Override
        public CompletableFuture<VerificationReport> report() {
            return report;
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private static final VerificationReport EMPTY = new VerificationReport("mail.example.com", Instant.EPOCH,
            Duration.ofMillis(812), List.of(), Optional.empty(), Optional.empty(), List.of());

    @Test
    void aRunShowsProgressThenTheResultAndOffersTheReport() {
        VerifyRun run = new VerifyRun();
        VerifyRun.Attempt attempt = run.start("mail.example.com");
        assertTrue(run.running());
        assertEquals(new VerifyRun.Summary("Verifying mail.example.com …", null), run.summary());
        run.progress(attempt, 3, 12, "port 25: TLSv1.2");
        assertEquals(0.25, run.progress());
        assertEquals("port 25: TLSv1.2", run.step());
        Handle handle = new Handle();
        assertTrue(run.started(attempt, handle));
        run.ended(attempt, EMPTY, null);
        assertFalse(run.running());
        assertTrue(run.ranBefore());
        assertEquals(EMPTY, run.report());
        assertEquals(VerifyDisplay.of(EMPTY), run.display());
        assertEquals("", run.step());
    }

    @Test
    void cancelWhileTheSessionOpensEndsAtOnceAndTheLateAttemptIsTurnedAway() {
        VerifyRun run = new VerifyRun();
        VerifyRun.Attempt attempt = run.start("mail.example.com");
        run.cancel();
        assertFalse(run.running(), "the user can start again");
        assertEquals(new VerifyRun.Summary(VerifyRun.CANCELLED, CheckStatus.FAIL), run.summary());
        Handle late = new Handle();
        assertFalse(run.started(attempt, late), "the caller must stop the engine and close its session");
        run.progress(attempt, 1, 2, "late");
        run.ended(attempt, EMPTY, null);
        assertEquals(VerifyRun.CANCELLED, run.summary().text(), "the abandoned run does not come back to life");
        assertNull(run.report());
        assertEquals("", run.step());
    }

    @Test
    void cancelWhileTheEngineRunsStopsItAndItsEndSaysCancelledWithoutNewTiles() {
        VerifyRun run = new VerifyRun();
        VerifyRun.Attempt attempt = run.start("mail.example.com");
        Handle handle = new Handle();
        run.started(attempt, handle);
        run.cancel();
        assertTrue(handle.cancelled);
        assertTrue(run.running(), "running until the engine has let go");
        run.ended(attempt, null, new CancellationException());
        assertEquals(new VerifyRun.Summary(VerifyRun.CANCELLED, CheckStatus.FAIL), run.summary());
        assertFalse(run.running());
    }

    @Test
    void badInputAndAFailedStartAreShownAsProblems() {
        VerifyRun run = new VerifyRun();
        run.refuse("Host: enter the server's host name or IP address.");
        assertFalse(run.running());
        assertEquals(CheckStatus.FAIL, run.summary().status());
        VerifyRun.Attempt attempt = run.start("mail.example.com");
        run.couldNotStart(attempt, "Trust: not a PEM file");
        assertEquals(new VerifyRun.Summary("Trust: not a PEM file", CheckStatus.FAIL), run.summary());
        assertFalse(run.running());
        VerifyRun.Attempt next = run.start("mail.example.com");
        run.ended(next, null, new IllegalStateException("probe crashed"));
        assertEquals("The verification stopped: probe crashed", run.summary().text());
    }
}
