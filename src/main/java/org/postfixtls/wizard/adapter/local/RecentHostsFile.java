package org.postfixtls.wizard.adapter.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.app.workspace.RecentHost;
import org.postfixtls.wizard.app.workspace.RecentHosts;

/**
 * The list of recent servers in the user's configuration folder ({@code $XDG_CONFIG_HOME/postfix-tls-wizard}),
 * newest first. A damaged file is treated as empty: forgetting recent hosts is better than refusing to start.
 */
public final class RecentHostsFile implements RecentHosts {

    static final int MAX_ENTRIES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final long MAX_FILE_BYTES = 1024 * 1024;
    private final Path file;

    public RecentHostsFile(Path file) {
        this.file = file;
    }

    public static RecentHostsFile inUserConfig() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg);
        return new RecentHostsFile(base.resolve("postfix-tls-wizard").resolve("recent-hosts.json"));
    }

    @Override
    public List<RecentHost> load() {
        if (!Files.isReadable(file)) {
            return List.of();
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                return List.of(); // ten entries are a few KB: anything this large is damaged, like unparsable JSON
            }
            return List.copyOf(JSON.readValue(file.toFile(), new TypeReference<List<RecentHost>>() { }));
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts the host first, drops an older entry for the same target, keeps at most ten. */
    @Override
    public List<RecentHost> remember(RecentHost host) throws IOException {
        List<RecentHost> hosts = new ArrayList<>();
        hosts.add(host);
        load().stream().filter(h -> !h.sameTarget(host)).limit(MAX_ENTRIES - 1).forEach(hosts::add);
        LocalFiles.createPrivateDirectories(file.getParent());
        AtomicFiles.replace(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(hosts));
        return List.copyOf(hosts);
    }
}
