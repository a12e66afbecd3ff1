package org.postfixtls.wizard.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.cert.InspectionRequest;
import org.postfixtls.wizard.domain.verify.CertificateProbe;
import org.postfixtls.wizard.domain.verify.CheckIds;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.ExpectedCertificate;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.SignatureFamily;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/** The engine probes each algorithm once per port, only when an RSA and an ECDSA certificate are expected. */
class DualCertificateEngineTest {

    private static final ProbeTimeouts TIMEOUTS = new ProbeTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1),
            Duration.ofSeconds(2), Duration.ofSeconds(10));
    private static final List<PortTarget> PORTS = List.of(new PortTarget("127.0.0.1", 2525, PortRole.SMTP),
            new PortTarget("127.0.0.1", 2587, PortRole.SUBMISSION));

    /** No port speaks TLS; counts the per-algorithm probes. */
    private static final class CountingProber implements PortProber {
        final Map<SignatureFamily, AtomicInteger> calls = new ConcurrentHashMap<>();

        @Override
        public SessionObservation session(PortTarget target, ProbeTimeouts timeouts) {
            // connected, no TLS: the port is judged on (an unreachable one ends with port-reachable)
            return new SessionObservation(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("STARTTLS is not offered"), Duration.ZERO);
        }

        @Override
        public ProbeOutcome tryVersion(PortTarget target, TlsVersion version, ProbeTimeouts timeouts) {
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

        @Override
        public CertificateProbe tryCertificateAlgorithm(PortTarget target, SignatureFamily family, ProbeTimeouts timeouts) {
            calls.computeIfAbsent(family, f -> new AtomicInteger()).incrementAndGet();
            return family == SignatureFamily.ECDSA ? CertificateProbe.refused("refused with alert handshake_failure")
                    : CertificateProbe.unknown("connection refused");
        }
    }

    private static VerificationReport verify(CountingProber prober, PortExpectations expectations) throws Exception {
        return new VerificationEngine(prober, Optional.empty(), Optional.empty(), Clock.systemUTC())
                .verify(new VerificationRequest("127.0.0.1", PORTS, expectations, Optional.empty(), Optional.empty(),
                        TIMEOUTS));
    }

    @Test
    void twoAlgorithmsExpectedMeanOneProbeEachPerPortAndAChecksPerPort() throws Exception {
        CountingProber prober = new CountingProber();
        PortExpectations both = new PortExpectations(Optional.empty(), Optional.empty(), List.of(),
                InspectionRequest.DEFAULT_EXPIRY_WINDOW, List.of(new ExpectedCertificate(SignatureFamily.RSA, "aa"),
                new ExpectedCertificate(SignatureFamily.ECDSA, "bb")));
        VerificationReport report = verify(prober, both);
        assertEquals(2, prober.calls.get(SignatureFamily.ECDSA).get());
        assertEquals(2, prober.calls.get(SignatureFamily.RSA).get());
        assertEquals(2, report.checks().stream().filter(c -> c.id().equals(CheckIds.CERTIFICATE_ECDSA_SERVED)
                && c.status() == CheckStatus.FAIL).count(), report.checks().toString());
        assertEquals(2, report.checks().stream().filter(c -> c.id().equals(CheckIds.CERTIFICATE_RSA_SERVED)
                && c.status() == CheckStatus.SKIPPED).count(), report.checks().toString());
    }

    @Test
    void aSingleCertificateRunsNoAlgorithmProbesAndShowsNoSuchChecks() throws Exception {
        CountingProber prober = new CountingProber();
        VerificationReport report = verify(prober, PortExpectations.NONE);
        assertTrue(prober.calls.isEmpty(), prober.calls.toString());
        assertTrue(report.checks().stream().noneMatch(c -> c.id().startsWith("certificate-") && c.id().endsWith("-served")));
    }
}
