package org.postfixtls.wizard.adapter.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postfixtls.wizard.app.verify.CommandResult;
import org.postfixtls.wizard.app.verify.ServerCommandException;
import org.postfixtls.wizard.app.verify.ServerCommands;

/** Runs the server's commands on this machine (the wizard runs on the mail server, or the local test bed). */
public final class LocalServerCommands implements ServerCommands {

    private static final int MAX_OUTPUT = 16 * 1024 * 1024;

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws ServerCommandException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().merge("PATH", ":/usr/sbin:/sbin", String::concat);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new ServerCommandException("cannot run " + argv.get(0) + ": " + e.getMessage(), e);
        }
        try {
            process.getOutputStream().close(); // no input: a command waiting for some must not hang
        } catch (IOException ignored) {
            // the process already exited
        }
        try {
            // Both streams are drained concurrently, or a chatty command blocks on a full pipe and never exits.
            StringBuilder out = new StringBuilder();
            StringBuilder err = new StringBuilder();
            Thread outReader = Thread.ofVirtual().start(() -> out.append(readBounded(process.getInputStream())));
            Thread errReader = Thread.ofVirtual().start(() -> err.append(readBounded(process.getErrorStream())));
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ServerCommandException(argv.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
            outReader.join();
            errReader.join();
            return new CommandResult(process.exitValue(), out.toString(), err.toString());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServerCommandException(argv.get(0) + " was interrupted", e);
        }
    }

    private static String readBounded(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (out.size() < MAX_OUTPUT) {
                    out.write(buffer, 0, Math.min(n, MAX_OUTPUT - out.size()));
                }
            }
        } catch (IOException e) {
            // the process went away; keep what was read
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
