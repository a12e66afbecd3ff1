package org.postfixtls.wizard.app.remote;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs programs on the server, as root (directly, or through sudo when the connection was opened that way).
 *
 * <p>The port every engine uses to act on a server; the SSH adapter implements it on one SSH session.
 * {@code argv} is a program and its arguments, never a shell snippet: each element reaches the program as one
 * argument, byte for byte (the adapter quotes them), so user-supplied values cannot inject commands. To run a
 * script, pass it on stdin to {@code bash -s -- ARG...} or as an argument of {@code sh -c SCRIPT sh ARG...}.
 * Elements must not contain NUL.
 *
 * <p>Stdin reaches the command and nothing else: a sudo password never shares a stream with it (with a password,
 * the SSH adapter hands stdin to root as a file that root checks by SHA-256 before running the command).
 *
 * <p>Every call has a timeout; when it passes, the command is abandoned and {@link RemoteException.Timeout} is
 * thrown. Failures to run the command at all (connection lost, sudo refused) are {@link RemoteException}s; a
 * command that runs and fails is a {@link CommandResult} with a non-zero exit code.
 *
 * <p>Example (live verification): {@code run(List.of("posttls-finger", "-c", "-l", "secure", "[127.0.0.1]:25"),
 * new byte[0], Duration.ofSeconds(30))}; reading a log: {@code run(List.of("tail", "-c", "+" + offset, log), ...)}.
 */
public interface RemoteShell {

    /** Runs {@code argv} with {@code stdin} fed to it (then end-of-file) and waits at most {@code timeout}. */
    CommandResult run(List<String> argv, byte[] stdin, Duration timeout);

    /**
     * Like {@link #run(List, byte[], Duration)}, and also hands every complete stdout line (without its line
     * terminator, decoded as UTF-8) to {@code stdoutLines} as it arrives, on the calling thread.
     */
    CommandResult run(List<String> argv, byte[] stdin, Duration timeout, Consumer<String> stdoutLines);

    default CommandResult run(List<String> argv, Duration timeout) {
        return run(argv, new byte[0], timeout);
    }

    /** Who and where, for messages: {@code deploy@mail.example.com:22}. */
    String target();
}
