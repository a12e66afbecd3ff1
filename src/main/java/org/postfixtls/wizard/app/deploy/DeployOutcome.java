package org.postfixtls.wizard.app.deploy;

/** How a deploy or rollback ended; {@link #changedNothing()} tells whether the live files are untouched. */
public enum DeployOutcome {
    /** The new configuration is live and healthy. */
    DEPLOYED,
    /**
     * Written into a mail stack's override files and committed (backed up, can be rolled back), but not applied:
     * the stack applies them when it restarts its Postfix container, which the admin does (decision 0064).
     */
    WRITTEN,
    /** The server already matches the profile: nothing written, no reload. */
    NO_CHANGES,
    /** Dry run: the diff was computed, nothing written. */
    DRY_RUN,
    /** Refused before the commit (validation, key/certificate check, lock held, files changed meanwhile). */
    REFUSED,
    /**
     * The plan is not the approved one (its {@code PlanHash} differs: the server's files or the profile changed
     * since the approval). Stopped before anything was sent; the report carries the new plan for approval.
     */
    PLAN_CHANGED,
    /** Cancelled before the commit; the job was removed. */
    CANCELLED,
    /** A step of the commit failed; the backup was restored and Postfix reloaded. */
    ROLLED_BACK,
    /** A step failed and restoring the backup failed too: needs a person (the report says where the backup is). */
    ROLLBACK_FAILED,
    /** The connection was lost during the commit; the server finishes it alone (see history for the result). */
    CONNECTION_LOST;

    public boolean changedNothing() {
        return this == NO_CHANGES || this == DRY_RUN || this == REFUSED || this == PLAN_CHANGED || this == CANCELLED || this == ROLLED_BACK;
    }

    public boolean succeeded() {
        return this == DEPLOYED || this == WRITTEN || this == NO_CHANGES || this == DRY_RUN;
    }
}
