package org.postfixtls.wizard.app.remote;

/**
 * A server's host key as a person verifies it: where, which type, and its OpenSSH {@code SHA256:} fingerprint.
 *
 * @param hostSpec host as known_hosts names it: {@code host} for port 22, {@code [host]:port} otherwise
 */
public record HostKeyInfo(String host, int port, String hostSpec, String type, String fingerprint) {
}
