package org.postfixtls.wizard.adapter.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.BooleanSupplier;
import org.postfixtls.wizard.app.readiness.LogSource;
import org.postfixtls.wizard.app.readiness.ReadinessException;
import org.postfixtls.wizard.domain.readiness.LogLineSplitter;

/**
 * A mail log on this machine (a copy taken off a server, or the local files mode), read in 1 MB chunks: the newest
 * {@code maxBytes} of it, starting at the first whole line.
 */
public final class LocalMailLog implements LogSource {

    private static final int CHUNK = 1024 * 1024;

    private final Path file;
    private final long maxBytes;

    public LocalMailLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public void readInto(LogLineSplitter lines, BooleanSupplier cancelled) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ReadinessException(file + " does not exist, is not a file or is not readable");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long start = Math.max(0, channel.size() - maxBytes);
            channel.position(start);
            boolean skipPartialLine = start > 0;
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            while (channel.read(buffer.clear()) > 0) {
                if (cancelled.getAsBoolean()) {
                    throw new ReadinessException.Cancelled();
                }
                int from = 0;
                if (skipPartialLine) {
                    while (from < buffer.position() && buffer.get(from) != '\n') {
                        from++;
                    }
                    skipPartialLine = from == buffer.position();
                    from = Math.min(from + 1, buffer.position());
                }
                lines.feed(buffer.array(), from, buffer.position() - from);
            }
            lines.finish();
        } catch (IOException e) {
            throw new ReadinessException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
