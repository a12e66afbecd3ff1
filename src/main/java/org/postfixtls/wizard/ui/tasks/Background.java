package org.postfixtls.wizard.ui.tasks;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javafx.application.Platform;

/**
 * Where the wizard does disk, network and heavy CPU work: never on the FX thread. Results are handed back with
 * {@link #onFx}. Threads are daemons so a closed window never waits for a stuck connection.
 */
public final class Background {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "pftw-background-" + COUNT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private Background() {
    }

    public static <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, EXECUTOR);
    }

    /** Runs on the FX thread (directly when already there, as in tests that drive pages synchronously). */
    public static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** The cause a user should read: CompletableFuture wraps the real exception in a CompletionException. */
    public static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while (current instanceof CompletionException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
