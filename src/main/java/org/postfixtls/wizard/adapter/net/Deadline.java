package org.postfixtls.wizard.adapter.net;

import java.net.SocketTimeoutException;
import java.time.Duration;

/** The overall time budget of one connection; each read may wait at most the smaller of its own bound and the rest. */
final class Deadline {

    private final long endNanos;

    Deadline(Duration budget) {
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    int readTimeoutMillis(Duration perRead) throws SocketTimeoutException {
        long remaining = (endNanos - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new SocketTimeoutException("overall time limit reached");
        }
        return (int) Math.max(1, Math.min(remaining, perRead.toMillis()));
    }

    /** With a little slack: a socket timeout armed with the remaining milliseconds fires just before the end. */
    boolean expired() {
        return System.nanoTime() - endNanos >= -5_000_000L;
    }

    void check() throws SocketTimeoutException {
        if (System.nanoTime() - endNanos >= 0) {
            throw new SocketTimeoutException("overall time limit reached");
        }
    }
}
