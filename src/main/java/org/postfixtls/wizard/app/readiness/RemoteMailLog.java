package org.postfixtls.wizard.app.readiness;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteShell;
import org.postfixtls.wizard.domain.readiness.LogLineSplitter;

/**
 * The server's mail log over the project's remote shell, newest part first cut to a size cap.
 *
 * <p>A log file is read in chunks of {@value #CHUNK} bytes ({@code tail -c +OFFSET FILE | head -c CHUNK}, file and
 * numbers passed as arguments, never spliced into the script), so neither side ever holds more than one chunk,
 * whatever the file's size. The journal ({@code journalctl -u 'postfix*' --since -Nd}) cannot be read by offset;
 * its newest {@value #MAX_JOURNAL_BYTES} bytes are read in one go.
 */
public final class RemoteMailLog implements LogSource {

    /** The location discovery found: a file path, or {@code journal}. */
    public static final String JOURNAL = "journal";
    static final int CHUNK = 8 * 1024 * 1024;
    static final long MAX_JOURNAL_BYTES = 48L * 1024 * 1024;
    private static final Duration CHUNK_TIMEOUT = Duration.ofSeconds(120);
    private static final String READ_CHUNK = "tail -c +\"$1\" -- \"$2\" | head -c \"$3\"";
    private static final String READ_JOURNAL =
            "journalctl --no-pager -q -o short-iso --since \"$1\" -u 'postfix*' | tail -c \"$2\"";

    private final RemoteShell shell;
    private final String location;
    private final long maxBytes;
    private final int days;

    public RemoteMailLog(RemoteShell shell, String location, long maxBytes, int days) {
        if (!location.equals(JOURNAL) && !location.matches("/[A-Za-z0-9._/+@,=-]+")) {
            throw new ReadinessException("the mail log path '" + location + "' is not an absolute path of"
                    + " A-Z a-z 0-9 . _ / + @ , = -");
        }
        this.shell = shell;
        this.location = location;
        this.maxBytes = maxBytes;
        this.days = days;
    }

    @Override
    public String describe() {
        return (location.equals(JOURNAL) ? "the journal (postfix units)" : location) + " on " + shell.target();
    }

    @Override
    public void readInto(LogLineSplitter lines, BooleanSupplier cancelled) {
        if (location.equals(JOURNAL)) {
            long cap = Math.min(maxBytes, MAX_JOURNAL_BYTES);
            CommandResult result = run(List.of("sh", "-c", READ_JOURNAL, "sh", "-" + days + "d", Long.toString(cap)));
            byte[] out = result.stdout();
            // A cut first line is dropped by feeding from the first newline when the cap was reached.
            int from = out.length >= cap ? firstLineEnd(out) : 0;
            lines.feed(out, from, out.length - from);
            lines.finish();
            return;
        }
        long size = size();
        long start = Math.max(0, size - maxBytes);
        boolean skipPartialLine = start > 0;
        for (long offset = start; offset < size; offset += CHUNK) {
            if (cancelled.getAsBoolean()) {
                throw new ReadinessException.Cancelled();
            }
            long length = Math.min(CHUNK, size - offset);
            byte[] out = run(List.of("sh", "-c", READ_CHUNK, "sh", Long.toString(offset + 1), location,
                    Long.toString(length))).stdout();
            int from = 0;
            if (skipPartialLine) {
                from = firstLineEnd(out);
                skipPartialLine = from >= out.length && out.length > 0 && out[out.length - 1] != '\n';
            }
            lines.feed(out, from, out.length - from);
            if (out.length < length) {
                break; // rotated or truncated while we read
            }
        }
        lines.finish();
    }

    private long size() {
        CommandResult result = run(List.of("stat", "-L", "-c", "%s", "--", location));
        try {
            return Long.parseLong(result.stdoutText().strip());
        } catch (NumberFormatException e) {
            throw new ReadinessException("cannot read the size of " + describe() + ": " + result.stdoutText().strip());
        }
    }

    private CommandResult run(List<String> argv) {
        try {
            CommandResult result = shell.run(argv, new byte[0], CHUNK_TIMEOUT);
            if (!result.succeeded()) {
                throw new ReadinessException("cannot read " + describe() + ": " + result.firstErrorLine());
            }
            return result;
        } catch (RemoteException e) {
            throw new ReadinessException("cannot read " + describe() + ": " + e.getMessage(), e);
        }
    }

    private static int firstLineEnd(byte[] out) {
        for (int i = 0; i < out.length; i++) {
            if (out[i] == '\n') {
                return i + 1;
            }
        }
        return out.length;
    }
}
