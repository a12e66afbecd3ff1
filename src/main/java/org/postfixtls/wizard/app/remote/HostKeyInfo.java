package org.postfixtls.wizard.app.remote;

import java.util.List;

/**
 * A server's host key as a person verifies it: where, which type, and its OpenSSH {@code SHA256:} fingerprint.
 *
 * @param hostSpec  host as known_hosts names it: {@code host} for port 22, {@code [host]:port} otherwise
 * @param knownKeys the keys known_hosts records for this host, each as "type SHA256:...", when none of them is of
 *                  the presented key's type: the server now shows a key of another type than before, which is a change
 *                  to explain (a new key on the server, or an interception), not a first meeting
 */
public record HostKeyInfo(String host, int port, String hostSpec, String type, String fingerprint, List<String> knownKeys) {

    public HostKeyInfo {
        knownKeys = List.copyOf(knownKeys);
    }

    /** A key for a host known_hosts has nothing about. */
    public HostKeyInfo(String host, int port, String hostSpec, String type, String fingerprint) {
        this(host, port, hostSpec, type, fingerprint, List.of());
    }

    /** known_hosts has keys for this host, of other types only. */
    public boolean newTypeForKnownHost() {
        return !knownKeys.isEmpty();
    }
}
