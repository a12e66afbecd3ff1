package org.postfixtls.wizard.app.readiness;

import java.util.function.BooleanSupplier;
import org.postfixtls.wizard.domain.readiness.LogLineSplitter;

/** A mail log to read once, front to back, in chunks: a local file, a file on the server, the server's journal. */
public interface LogSource {

    /** For messages: {@code /var/log/mail.log on deploy@mx:22}. */
    String describe();

    /**
     * Feeds the log's bytes (at most the source's size cap, the newest part) to {@code lines}; stops early, with
     * {@link ReadinessException.Cancelled}, when {@code cancelled} turns true.
     *
     * @throws ReadinessException when the log cannot be read
     */
    void readInto(LogLineSplitter lines, BooleanSupplier cancelled);
}
