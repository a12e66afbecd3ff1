package org.postfixtls.wizard.app.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for every network probe: connecting, waiting for each reply (or handshake flight) and the whole dialog.
 * A slow or silent server costs at most {@code overall} per connection, never a hang.
 */
public record ProbeTimeouts(Duration connect, Duration reply, Duration overall) {

    /** Generous for a real server across the internet; loopback answers in milliseconds. */
    public static final ProbeTimeouts DEFAULT = new ProbeTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20));

    public ProbeTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(overall, "overall");
        if (connect.isNegative() || connect.isZero() || reply.isNegative() || reply.isZero()
                || overall.isNegative() || overall.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
