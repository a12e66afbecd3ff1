package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteShell;

/**
 * apply.sh's history with a window (a rollback reads the newest jobs first): run by the real script with bash on an
 * instance directory, parsed by the same code a rollback uses.
 */
class HistoryWindowTest {

    @TempDir
    Path instance;

    /** Runs the command here, as the server's bash would (the script on stdin). */
    private static final class LocalShell implements RemoteShell {
        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
            try {
                Process process = new ProcessBuilder(argv).start();
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                }
                byte[] out = process.getInputStream().readAllBytes();
                byte[] err = process.getErrorStream().readAllBytes();
                return new CommandResult(process.waitFor(), out, err);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, Consumer<String> lines) {
            return run(argv, stdin, timeout);
        }

        @Override
        public String target() {
            return "local";
        }
    }

    private void job(String id, String kind, String rollbackOf) throws IOException {
        Path dir = Files.createDirectories(instance.resolve("deploys").resolve(id));
        Files.writeString(dir.resolve("job"), "id=" + id + "\nkind=" + kind + "\n"
                + (rollbackOf == null ? "" : "rollback_of=" + rollbackOf + "\n"));
        Files.writeString(dir.resolve("state"), "committed\n");
        Files.writeString(dir.resolve("result"), "committed\t0\tok\n");
        Files.writeString(dir.resolve("manifest"), "");
    }

    @Test
    void theNewestJobsAreReadAndTheWindowSaysWhenOlderOnesWereLeftOut() throws Exception {
        for (int i = 1; i <= 5; i++) {
            job("20261202T10000" + i + "Z-0001", "deploy", null);
        }
        ServerJob.HistoryWindow newest = ServerJob.history(new LocalShell(), instance.toString(), 2);
        assertEquals(List.of("20261202T100004Z-0001", "20261202T100005Z-0001"),
                newest.records().stream().map(DeployRecord::id).toList());
        assertTrue(newest.truncated());
        ServerJob.HistoryWindow all = ServerJob.history(new LocalShell(), instance.toString(), 0);
        assertEquals(5, all.records().size());
        assertFalse(all.truncated());
        assertFalse(ServerJob.history(new LocalShell(), instance.toString(), 5).truncated());
    }

    @Test
    void aWindowThatFindsAnUndoableDeployGivesTheAnswerOfTheWholeHistory() throws Exception {
        job("20261202T100001Z-0001", "deploy", null);
        job("20261202T100002Z-0001", "deploy", null);
        job("20261202T100003Z-0001", "rollback", "20261202T100002Z-0001");
        List<DeployRecord> window = ServerJob.history(new LocalShell(), instance.toString(), 2).records();
        // the window (deploy 2 and its rollback) decides nothing; the whole history does
        assertEquals(java.util.Optional.empty(), DeployEngine.latestUndoable(window));
        assertEquals(java.util.Optional.of("20261202T100001Z-0001"),
                DeployEngine.latestUndoable(ServerJob.history(new LocalShell(), instance.toString())));
    }
}
