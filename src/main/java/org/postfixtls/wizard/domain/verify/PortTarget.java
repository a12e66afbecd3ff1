package org.postfixtls.wizard.domain.verify;

import java.util.Objects;

/** One port to probe: where, and what it is for. */
public record PortTarget(String host, int port, PortRole role) {

    public PortTarget {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(role, "role");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public PortMode mode() {
        return role.mode();
    }

    @Override
    public String toString() {
        return role.label() + " " + host + ":" + port;
    }
}
