package org.postfixtls.wizard.app.deploy;

/**
 * Asks a running deploy to stop. Honoured only before the commit starts (the job is then removed and nothing
 * changes); once the server runs the commit, it finishes (deployed, or rolled back) whatever the client does.
 * Thread-safe.
 */
public final class Cancellation {

    private volatile boolean requested;

    public void cancel() {
        requested = true;
    }

    public boolean isRequested() {
        return requested;
    }
}
