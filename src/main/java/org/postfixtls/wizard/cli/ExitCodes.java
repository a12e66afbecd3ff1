package org.postfixtls.wizard.cli;

/** The exit codes every subcommand keeps to, so scripts applying one profile to many servers can rely on them. */
public final class ExitCodes {

    /** The job ran and everything is fine (or there was nothing to do). */
    public static final int OK = 0;
    /** The job ran and found problems, or failed (and was rolled back where that applies). */
    public static final int PROBLEMS = 1;
    /** Bad usage or bad input; nothing was changed. The message on stderr names what was wrong. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
