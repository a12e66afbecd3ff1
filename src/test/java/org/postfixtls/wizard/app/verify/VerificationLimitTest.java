package org.postfixtls.wizard.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.verify.CheckIds;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.DnsAnswer;
import org.postfixtls.wizard.domain.verify.PolicyFetch;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/**
 * Issue 14 finding 5: the engine waited on its probes without a limit, so one probe stuck where no socket timeout
 * reaches (a DNS library, a server-side command, a bug) held the whole verification. Whatever is still running at the
 * verification's limit is reported as not finished, and the report comes anyway.
 */
class VerificationLimitTest {

    private static final Duration WHOLE = Duration.ofSeconds(1);
    private static final ProbeTimeouts TIMEOUTS = new ProbeTimeouts(Duration.ofMillis(200), Duration.ofMillis(200),
            Duration.ofMillis(500), WHOLE);
    /** Each stuck part gives up by itself after this, so a broken engine shows as a slow test, not a hung build. */
    private static final long STUCK_MILLIS = 30_000;

    private static void stuck() {
        try {
            Thread.sleep(STUCK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Answers at once, except TLS 1.0 which hangs. */
    private static final class OneStuckProbe implements PortProber {
        @Override
        public SessionObservation session(PortTarget target, ProbeTimeouts timeouts) {
            return SessionObservation.unreachable("connection refused", Duration.ZERO);
        }

        @Override
        public ProbeOutcome tryVersion(PortTarget target, TlsVersion version, ProbeTimeouts timeouts) {
            if (version == TlsVersion.TLS_1_0) {
                stuck();
            }
            return ProbeOutcome.refused("refused");
        }

        @Override
        public ProbeOutcome tryCipherClass(PortTarget target, WeakCipherClass cipherClass, ProbeTimeouts timeouts) {
            return ProbeOutcome.refused("refused");
        }

        @Override
        public ProbeOutcome tryStarttlsInjection(PortTarget target, ProbeTimeouts timeouts) {
            return ProbeOutcome.refused("refused");
        }
    }

    @Test
    void aStuckProbeAStuckResolverAndAStuckServerCommandEndAtTheLimitWithFindings() {
        DnsResolver stuckDns = (name, type) -> {
            stuck();
            return DnsAnswer.unreachable("gave up");
        };
        ServerCommands stuckServer = (argv, timeout) -> {
            stuck();
            throw new ServerCommandException("gave up");
        };
        VerificationEngine engine = new VerificationEngine(new OneStuckProbe(), Optional.of(stuckDns),
                Optional.of(new ServerInspector(stuckServer, Optional.empty())), Clock.systemUTC());
        VerificationRequest request = new VerificationRequest("127.0.0.1",
                List.of(new PortTarget("127.0.0.1", 2525, PortRole.SMTP)), PortExpectations.NONE, Optional.of("example.test"),
                Optional.of(new ServerSideRequest(Optional.empty(), "may", Optional.empty(), Optional.empty())), TIMEOUTS);

        long start = System.nanoTime();
        VerificationReport report = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> engine.verify(request));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertTrue(elapsed.compareTo(WHOLE.plusSeconds(8)) < 0, "bounded by the 1 s limit (plus judging), took " + elapsed);
        PortResult port = report.ports().get(0);
        ProbeOutcome tls10 = port.observation().protocols().get(TlsVersion.TLS_1_0);
        assertEquals(ProbeOutcome.Result.UNKNOWN, tls10.result());
        assertEquals("the probe did not finish within the verification's limit of 1 s", tls10.detail());
        assertEquals(ProbeOutcome.Result.REFUSED, port.observation().protocols().get(TlsVersion.TLS_1_2).result(),
                "probes that finished keep their results");
        assertTrue(report.dns().orElseThrow().checks().stream().noneMatch(c -> c.status() == CheckStatus.PASS),
                "nothing DNS did not say passes: " + report.dns().get().checks());
        assertTrue(report.dns().get().checks().stream().anyMatch(c -> c.detail().contains("did not finish")),
                report.dns().get().checks().toString());
        assertTrue(report.server().orElseThrow().observation().problems().stream()
                .anyMatch(p -> p.equals("the server-side checks did not finish within the verification's limit of 1 s")),
                report.server().get().observation().problems().toString());
        assertEquals(CheckStatus.FAIL, port.checks().stream().filter(c -> c.id().equals(CheckIds.PORT_REACHABLE))
                .findFirst().orElseThrow().status());
    }
}
