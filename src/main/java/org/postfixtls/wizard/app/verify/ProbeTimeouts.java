package org.postfixtls.wizard.app.verify;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for every network probe: connecting, waiting for each reply (or handshake flight) and the whole dialog of
 * one connection; and the whole verification. A slow, silent or trickling server costs at most {@code overall} per
 * connection, never a hang; whatever has not finished after {@code whole} (a DNS server, a server-side command, a
 * probe stuck in a way no socket timeout catches) is reported as not checked and the report is made anyway.
 */
public record ProbeTimeouts(Duration connect, Duration reply, Duration overall, Duration whole) {

    /** The whole verification may take six connection limits, and never less than two minutes (server-side commands). */
    static final Duration MINIMUM_WHOLE = Duration.ofMinutes(2);

    /** Generous for a real server across the internet; loopback answers in milliseconds. */
    public static final ProbeTimeouts DEFAULT = new ProbeTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(20));

    public ProbeTimeouts(Duration connect, Duration reply, Duration overall) {
        this(connect, reply, overall, wholeFor(overall));
    }

    public ProbeTimeouts {
        Objects.requireNonNull(connect, "connect");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(overall, "overall");
        Objects.requireNonNull(whole, "whole");
        if (connect.isNegative() || connect.isZero() || reply.isNegative() || reply.isZero()
                || overall.isNegative() || overall.isZero() || whole.isNegative() || whole.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    private static Duration wholeFor(Duration overall) {
        Objects.requireNonNull(overall, "overall");
        Duration six = overall.multipliedBy(6);
        return six.compareTo(MINIMUM_WHOLE) > 0 ? six : MINIMUM_WHOLE;
    }
}
