package org.postfixtls.wizard.ui.tasks;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Where the pages run disk, network and heavy work, and how results come back to the FX thread. The application
 * uses {@link #background()}; tests use {@link #currentThread()} (as JabRef's CurrentThreadTaskExecutor does), so a
 * page's work has finished when the action that started it returns, and no test waits for a thread.
 */
public interface TaskExecutor {

    <T> CompletableFuture<T> supply(Supplier<T> work);

    /** Runs on the FX thread (at once when already there). */
    void onFx(Runnable action);

    /** Daemon worker threads, results handed back with {@code Platform.runLater}. */
    static TaskExecutor background() {
        return new TaskExecutor() {
            @Override
            public <T> CompletableFuture<T> supply(Supplier<T> work) {
                return Background.supply(work);
            }

            @Override
            public void onFx(Runnable action) {
                Background.onFx(action);
            }
        };
    }

    /** Everything on the calling thread: for tests that drive pages from the FX thread or without a toolkit. */
    static TaskExecutor currentThread() {
        return new TaskExecutor() {
            @Override
            public <T> CompletableFuture<T> supply(Supplier<T> work) {
                try {
                    return CompletableFuture.completedFuture(work.get());
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }

            @Override
            public void onFx(Runnable action) {
                action.run();
            }
        };
    }
}
