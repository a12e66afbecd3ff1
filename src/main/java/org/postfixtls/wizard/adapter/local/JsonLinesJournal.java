package org.postfixtls.wizard.adapter.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postfixtls.wizard.app.deploy.DeployJournal;
import org.postfixtls.wizard.app.deploy.DeployReport;

/**
 * The client's journal: one JSON object per line (time, server, action, job id, outcome, failed step, message),
 * appended, never rewritten. Holds no secrets and no file contents; still private to its user (0600, directory 0700).
 */
public final class JsonLinesJournal implements DeployJournal {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;

    public JsonLinesJournal(Path file) {
        this.file = file;
    }

    public static Path defaultFile() {
        String state = System.getenv("XDG_STATE_HOME");
        Path base = state == null || state.isBlank() ? Path.of(System.getProperty("user.home"), ".local", "state")
                : Path.of(state);
        return base.resolve("postfix-tls-wizard").resolve("journal.jsonl");
    }

    @Override
    public void record(String target, String action, DeployReport report) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", Instant.now().toString());
        line.put("target", target);
        line.put("action", action);
        line.put("deployId", report.deployId());
        line.put("outcome", report.outcome().name().toLowerCase(java.util.Locale.ROOT));
        line.put("failedStep", report.failedStep());
        line.put("message", report.message());
        try {
            // server names and deploy history are the user's own business: 0600 in a 0700 directory
            LocalFiles.appendPrivate(file, (MAPPER.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // The server's manifest is the authority; a journal that cannot be written must not fail a deploy.
            System.err.println("warning: cannot write the local journal " + file + ": " + e.getMessage());
        }
    }
}
