package org.postfixtls.wizard.adapter.net;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection when its overall time is up, whatever it is blocked in (a read, a write, a library's handshake
 * loop). The per-read timeouts give the precise message; this is the guarantee that nothing outlives the limit.
 */
final class ConnectionWatchdog {

    /** A little after the deadline, so a read armed with the remaining time normally reports it first. */
    private static final Duration SLACK = Duration.ofMillis(200);

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "connection-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    private ConnectionWatchdog() {
    }

    static Armed closeAfter(Closeable connection, Duration limit) {
        ScheduledFuture<?> alarm = TIMER.schedule(() -> {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing is the whole point; a failure to close leaves nothing else to do
            }
        }, limit.plus(SLACK).toNanos(), TimeUnit.NANOSECONDS);
        return () -> alarm.cancel(false);
    }

    /** Disarm when the connection ends normally. */
    interface Armed {
        void disarm();
    }
}
