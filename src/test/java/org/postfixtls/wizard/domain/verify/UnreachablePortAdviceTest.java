package org.postfixtls.wizard.domain.verify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A submission port where nothing answers: the fix does not assume the service is merely switched off. */
class UnreachablePortAdviceTest {

    private static String reachabilityFix(PortRole role, int port) {
        PortObservation nothing = new PortObservation(new PortTarget("mail.example.org", port, role),
                SessionObservation.unreachable("connection refused", Duration.ofMillis(3)), Map.of(), Map.of(),
                Optional.empty());
        PortResult result = new PortEvaluator(Clock.systemUTC()).evaluate(nothing, PortExpectations.NONE);
        return result.checks().stream().filter(c -> c.id().equals(CheckIds.PORT_REACHABLE)).findFirst().orElseThrow()
                .fix().orElseThrow();
    }

    @Test
    void aSilentSubmissionPortNamesBothADisabledServiceAndAnUnreachableHost() {
        String fix = reachabilityFix(PortRole.SUBMISSION, 587);

        assertTrue(fix.startsWith("If the submission service should run here, enable it in master.cf"), fix);
        assertTrue(fix.contains("If port 25 does not answer either, check the host name"), fix);
    }

    @Test
    void aSilentPort25PointsAtPostfixAndTheListener() {
        assertTrue(reachabilityFix(PortRole.SMTP, 25).startsWith("Check that Postfix runs and listens on port 25"));
    }
}
