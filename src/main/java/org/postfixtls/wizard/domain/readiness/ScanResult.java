package org.postfixtls.wizard.domain.readiness;

import java.util.List;

/**
 * The evidence of one log read, and what was left out: malformed lines (binary, cut off, no time stamp), lines
 * before the window, lines too long to be a log line, destinations beyond the memory bound.
 */
public record ScanResult(List<DestinationEvidence> destinations, long lines, long deliveries, long malformedLines,
        long linesOutsideWindow, long droppedDestinations) {

    public ScanResult {
        destinations = List.copyOf(destinations);
    }
}
