package org.postfixtls.wizard.domain.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeTargetsTest {

    private static DestinationEvidence via(String domain, String host, int port) {
        return new DestinationEvidence(domain, host + "[192.0.2.1]:" + port, host, port, 1, Instant.EPOCH,
                Map.of(TlsGrade.NONE, 1L), Optional.empty(), Optional.empty());
    }

    @Test
    void port25IsTheDomainItselfOtherPortsAreTheServerTheLogShows() {
        assertEquals(Optional.of("example.org"), ProbeTargets.target(via("example.org", "mx.example.org", 25)));
        assertEquals(Optional.of("[localhost]:2601"), ProbeTargets.target(via("a.test", "localhost", 2601)));
        assertEquals(Optional.of("[ipv6:2001:db8::25]:587"), ProbeTargets.target(via("a.test", "2001:db8::25", 587)));
    }

    @Test
    void hostileNamesFromTheLogAreNeverATarget() {
        assertEquals(Optional.empty(), ProbeTargets.target(via("-oProxyCommand=x", "-h", 2525)));
        assertEquals(Optional.empty(), ProbeTargets.target(via("a.test", "$(reboot)", 2525)));
        assertEquals(Optional.empty(), ProbeTargets.target(via("a.test", "x;id", 2525)));
    }
}
