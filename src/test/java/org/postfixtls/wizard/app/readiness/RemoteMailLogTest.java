package org.postfixtls.wizard.app.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteShell;
import org.postfixtls.wizard.domain.readiness.LogLineSplitter;

/** The remote log reader against a shell that serves a file from memory the way stat/tail/head would. */
class RemoteMailLogTest {

    private static final String PATH = "/var/log/mail.log";

    /** Answers stat, and the chunk script by its positional arguments; records every argument vector. */
    private static final class FileShell implements RemoteShell {
        final byte[] file;
        final List<List<String>> calls = new ArrayList<>();

        FileShell(byte[] file) {
            this.file = file;
        }

        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
            calls.add(argv);
            if (argv.get(0).equals("stat")) {
                return new CommandResult(0, (file.length + "\n").getBytes(StandardCharsets.US_ASCII), new byte[0]);
            }
            int from = Integer.parseInt(argv.get(4)) - 1;
            int length = Integer.parseInt(argv.get(6));
            return new CommandResult(0, Arrays.copyOfRange(file, from, Math.min(file.length, from + length)),
                    new byte[0]);
        }

        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, Consumer<String> lines) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String target() {
            return "deploy@mx:22";
        }
    }

    private static List<String> read(FileShell shell, long maxBytes) {
        List<String> lines = new ArrayList<>();
        LogLineSplitter splitter = new LogLineSplitter(64 * 1024, lines::add);
        new RemoteMailLog(shell, PATH, maxBytes, 30).readInto(splitter, () -> false);
        return lines;
    }

    @Test
    void readsInChunksWithTheFileAsAnArgumentAndDropsTheCutFirstLine() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 1_200_000; i++) {
            text.append("line ").append(i).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        FileShell shell = new FileShell(bytes);
        List<String> lines = read(shell, bytes.length - 100);
        assertTrue(bytes.length > RemoteMailLog.CHUNK, "more than one chunk");
        assertEquals("line 1199999", lines.get(lines.size() - 1));
        assertTrue(lines.get(0).matches("line \\d+") && !lines.get(0).equals("line 0"));
        assertEquals(Integer.parseInt(lines.get(0).substring(5)) + lines.size() - 1, 1_199_999,
                "no line lost or doubled at the chunk boundary");
        List<String> chunk = shell.calls.get(1);
        assertEquals(List.of("sh", "-c"), chunk.subList(0, 2));
        assertTrue(!chunk.get(2).contains(PATH), "the path is an argument, never part of the script");
        assertEquals(PATH, chunk.get(5));
        assertEquals(3, shell.calls.size(), "stat and two chunks");
    }

    @Test
    void aPathOutsideTheStrictAlphabetIsRefusedBeforeAnythingRuns() {
        FileShell shell = new FileShell(new byte[0]);
        assertThrows(ReadinessException.class, () -> new RemoteMailLog(shell, "/var/log/mail.log;reboot", 1, 1));
        assertThrows(ReadinessException.class, () -> new RemoteMailLog(shell, "relative/mail.log", 1, 1));
        assertTrue(shell.calls.isEmpty());
    }
}
