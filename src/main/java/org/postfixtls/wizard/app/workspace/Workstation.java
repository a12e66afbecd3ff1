package org.postfixtls.wizard.app.workspace;

import org.postfixtls.wizard.app.readiness.LogSource;
import java.nio.file.Path;
import java.util.Map;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.kernel.FileContent;

/**
 * The files of the computer the wizard runs on: what a page opens, saves or exports. Every method refuses bad input
 * with a {@code BadInputException} that names the file and what was expected, and writes all or nothing.
 */
public interface Workstation {

    /** Reads at most {@code maxBytes}; {@code expected} says what the file should be, for the message. */
    FileContent read(Path file, int maxBytes, String expected);

    /** A new file with its final permissions (e.g. "rw-------") from the first byte on; never overwrites. */
    void writeNew(Path file, byte[] content, String permissions);

    /** Replaces (or creates) a file only once the new content is completely written. */
    Path replace(Path file, byte[] content);

    /** A new folder with these files (relative paths), completely or not at all; never overwrites. */
    Path writeFolder(Path target, Map<String, byte[]> files);

    /** A mail log copied off a server, read as a stream of at most {@code maxBytes}. */
    LogSource mailLog(Path file, long maxBytes);

    /** A folder of copies of a server's main.cf, master.cf (and tls_policy), for the local-files mode. */
    ServerFiles readConfigFolder(Path folder, PostfixVersion version);
}
