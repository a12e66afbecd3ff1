package org.postfixtls.wizard.app.verify;

/** Exit code and output of one command run on the server. */
public record CommandResult(int exitCode, String stdout, String stderr) {

    public boolean succeeded() {
        return exitCode == 0;
    }
}
