package org.postfixtls.wizard.app.remote;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** What a remote command left behind: its exit code and the raw bytes it wrote to stdout and stderr. */
public record CommandResult(int exitCode, byte[] stdout, byte[] stderr) {

    public CommandResult {
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        stdout = stdout.clone();
        stderr = stderr.clone();
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    @Override
    public byte[] stdout() {
        return stdout.clone();
    }

    @Override
    public byte[] stderr() {
        return stderr.clone();
    }

    /** Stdout as UTF-8 (tools print UTF-8 or ASCII; configuration files should be read as ISO-8859-1 instead). */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    public String stderrText() {
        return new String(stderr, StandardCharsets.UTF_8);
    }

    /** The first line of stderr (or stdout when stderr is empty), for a one-line error message. */
    public String firstErrorLine() {
        String text = stderrText().isBlank() ? stdoutText() : stderrText();
        return text.strip().lines().findFirst().orElse("exit code " + exitCode);
    }
}
