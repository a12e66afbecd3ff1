package org.postfixtls.wizard.domain.readiness;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the log shows about one destination (a recipient domain): deliveries that reached a server, when last, and
 * what TLS each achieved. {@code nexthop} is the last server it used ({@code mx.example.org[192.0.2.1]:25}).
 */
public record DestinationEvidence(String destination, String nexthop, String relayHost, int relayPort, long messages,
        Instant lastSeen, Map<TlsGrade, Long> grades, Optional<String> protocol, Optional<String> cipher) {

    public DestinationEvidence {
        EnumMap<TlsGrade, Long> copy = new EnumMap<>(TlsGrade.class);
        copy.putAll(grades);
        grades = java.util.Collections.unmodifiableMap(copy);
    }

    public long count(TlsGrade grade) {
        return grades.getOrDefault(grade, 0L);
    }

    /**
     * The weakest grade seen: what a mandatory level would have met at least once. Empty when no delivery got far
     * enough to show it (every attempt failed before EHLO).
     */
    public Optional<TlsGrade> weakest() {
        return grades.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).findFirst();
    }

    /** The strongest grade seen, empty as for {@link #weakest()}. */
    public Optional<TlsGrade> strongest() {
        TlsGrade best = null;
        for (Map.Entry<TlsGrade, Long> e : grades.entrySet()) {
            if (e.getValue() > 0) {
                best = e.getKey();
            }
        }
        return Optional.ofNullable(best);
    }
}
