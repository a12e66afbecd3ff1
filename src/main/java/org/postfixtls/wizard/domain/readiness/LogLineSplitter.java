package org.postfixtls.wizard.domain.readiness;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Cuts a byte stream (a log file, a command's output, in chunks of any size) into lines, in bounded memory: a line
 * longer than {@code maxLineBytes} is dropped while it streams past and only counted, so a hostile or corrupt log
 * (binary data, a 1 GB line without a newline) never grows the buffer beyond that limit.
 */
public final class LogLineSplitter {

    private final int maxLineBytes;
    private final Consumer<String> lines;
    private byte[] buffer = new byte[512];
    private int length;
    private boolean overflowing;
    private long oversizeLines;

    public LogLineSplitter(int maxLineBytes, Consumer<String> lines) {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
        this.lines = lines;
    }

    public void feed(byte[] bytes, int offset, int count) {
        for (int i = offset; i < offset + count; i++) {
            byte b = bytes[i];
            if (b == '\n') {
                endLine();
            } else if (!overflowing) {
                if (length == maxLineBytes) {
                    overflowing = true;
                    length = 0;
                } else {
                    if (length == buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.min(maxLineBytes, buffer.length * 2));
                    }
                    buffer[length++] = b;
                }
            }
        }
    }

    /** The last line, when the stream did not end with a newline (a log cut while being written). */
    public void finish() {
        if (length > 0 || overflowing) {
            endLine();
        }
    }

    /** Lines dropped for being longer than the limit. */
    public long oversizeLines() {
        return oversizeLines;
    }

    private void endLine() {
        if (overflowing) {
            oversizeLines++;
            overflowing = false;
        } else {
            int end = length > 0 && buffer[length - 1] == '\r' ? length - 1 : length;
            lines.accept(new String(buffer, 0, end, StandardCharsets.UTF_8));
        }
        length = 0;
        if (buffer.length > 64 * 1024) {
            buffer = new byte[512]; // one long line must not pin its buffer for the rest of the log
        }
    }
}
