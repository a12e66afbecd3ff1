package org.postfixtls.wizard.app.remote;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open a session.
 *
 * @param credentials tried in order until one is accepted
 * @param knownHosts  the OpenSSH known_hosts file (hashed entries and {@code [host]:port} included); it may not
 *                    exist yet
 */
public record ConnectionSettings(String host, int port, String user, List<Credentials> credentials, Path knownHosts,
        HostKeyDecider hostKeyDecider, Privilege privilege, Duration connectTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);

    public ConnectionSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        credentials = List.copyOf(credentials);
        Objects.requireNonNull(knownHosts, "knownHosts");
        Objects.requireNonNull(hostKeyDecider, "hostKeyDecider");
        Objects.requireNonNull(privilege, "privilege");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, not " + port);
        }
        if (credentials.isEmpty()) {
            throw new IllegalArgumentException("at least one credential (key, agent or password) is needed");
        }
    }

    public static Path defaultKnownHosts() {
        return Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
    }

    public String target() {
        return user + "@" + host + ":" + port;
    }
}
