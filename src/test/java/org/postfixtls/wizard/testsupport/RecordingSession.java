package org.postfixtls.wizard.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteFiles;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.app.remote.SessionStats;

/**
 * A real session that keeps a copy of every byte the server sends back (stdout and stderr of every command, and
 * the streamed lines), so a test can prove what never reached the client.
 */
public final class RecordingSession implements RemoteSession {

    private final RemoteSession delegate;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    public RecordingSession(RemoteSession delegate) {
        this.delegate = delegate;
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
        return record(delegate.run(argv, stdin, timeout));
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, Consumer<String> stdoutLines) {
        return record(delegate.run(argv, stdin, timeout, line -> {
            received.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdoutLines.accept(line);
        }));
    }

    private CommandResult record(CommandResult result) {
        received.writeBytes(result.stdout());
        received.writeBytes(result.stderr());
        return result;
    }

    /**
     * Everything received, plus every whitespace-separated field of it that decodes as base64 (the server
     * scripts base64-encode their values, some twice), decoded up to three levels deep.
     */
    public String everythingReceived() {
        StringBuilder all = new StringBuilder();
        List<String> level = List.of(received.toString(StandardCharsets.ISO_8859_1));
        for (int depth = 0; depth < 4 && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String text : level) {
                all.append(text).append('\n');
                for (String field : text.split("\\s+")) {
                    if (field.length() >= 8 && field.matches("[A-Za-z0-9+/]+={0,2}")) {
                        try {
                            next.add(new String(Base64.getDecoder().decode(field), StandardCharsets.ISO_8859_1));
                        } catch (IllegalArgumentException notBase64) {
                            // an ordinary word
                        }
                    }
                }
            }
            level = next;
        }
        return all.toString();
    }

    @Override
    public String target() {
        return delegate.target();
    }

    @Override
    public RemoteFiles files() {
        return delegate.files();
    }

    @Override
    public SessionStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
