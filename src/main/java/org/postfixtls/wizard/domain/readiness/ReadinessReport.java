package org.postfixtls.wizard.domain.readiness;

import java.util.List;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/** Every destination judged at a proposed level, busiest first, with what the log read left out. */
public record ReadinessReport(TlsLevel proposedLevel, List<DestinationReadiness> destinations, ScanResult scan) {

    public ReadinessReport {
        destinations = List.copyOf(destinations);
    }

    public long messages() {
        return destinations.stream().mapToLong(DestinationReadiness::messages).sum();
    }

    public long wouldFailMessages() {
        return destinations.stream().filter(d -> d.verdict() == Verdict.WOULD_FAIL)
                .mapToLong(DestinationReadiness::messages).sum();
    }

    public long wouldFailDestinations() {
        return destinations.stream().filter(d -> d.verdict() == Verdict.WOULD_FAIL).count();
    }

    public boolean anythingWouldFail() {
        return wouldFailDestinations() > 0;
    }
}
