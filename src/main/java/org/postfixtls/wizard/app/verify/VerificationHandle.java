package org.postfixtls.wizard.app.verify;

import java.util.concurrent.CompletableFuture;
import org.postfixtls.wizard.domain.verify.VerificationReport;

/** A running verification: its eventual report, and a way to stop it (open connections are closed at once). */
public interface VerificationHandle {

    /** Completes with the report, or exceptionally with a CancellationException after {@link #cancel()}. */
    CompletableFuture<VerificationReport> report();

    void cancel();
}
