package org.postfixtls.wizard.adapter.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.app.verify.VerificationEngine;
import org.postfixtls.wizard.app.verify.VerificationRequest;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.CheckIds;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;

/**
 * Servers that misbehave: each must end in a clear finding within the time limits — never a hang, never a crash,
 * never a false pass. (The bound asserted is a hang guard far above the limits, not a speed measurement.)
 */
class HostileServerTest {

    private static final ProbeTimeouts SHORT = new ProbeTimeouts(Duration.ofMillis(500), Duration.ofMillis(800),
            Duration.ofMillis(2500));
    private static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private static PortResult verify(HostileSmtpServer server, PortRole role) {
        VerificationEngine engine = new VerificationEngine(new SmtpProber(), Optional.empty(), Optional.empty(), Clock.systemUTC());
        VerificationRequest request = new VerificationRequest("127.0.0.1",
                List.of(new PortTarget("127.0.0.1", server.port(), role)), PortExpectations.NONE, Optional.empty(),
                Optional.empty(), SHORT);
        VerificationReport report = assertTimeoutPreemptively(HANG_GUARD, () -> engine.verify(request));
        return report.ports().get(0);
    }

    private static Check check(PortResult port, String id) {
        return port.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + id + " in " + port.checks()));
    }

    @Test
    void garbageBannerIsReportedAsNotSmtp() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.GARBAGE_BANNER)) {
            PortResult port = verify(server, PortRole.SMTP);
            Check dialog = check(port, CheckIds.SMTP_DIALOG);
            assertEquals(CheckStatus.FAIL, dialog.status());
            assertTrue(dialog.detail().contains("not an SMTP reply: \"HELLO THIS IS NOT SMTP\""), dialog.detail());
            assertFalse(port.tls());
        }
    }

    @Test
    void silentServerTimesOutOnTheBanner() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.SILENT)) {
            PortResult port = verify(server, PortRole.SUBMISSION);
            Check dialog = check(port, CheckIds.SMTP_DIALOG);
            assertEquals(CheckStatus.FAIL, dialog.status());
            assertTrue(dialog.detail().startsWith("waiting for the banner: no reply within 800 ms"), dialog.detail());
            // Nothing could be probed, so nothing is "refused": TLS 1.0 is not checked rather than passed.
            assertEquals(CheckStatus.SKIPPED, check(port, CheckIds.protocol(TlsVersion.TLS_1_0)).status());
            assertEquals(CheckStatus.FAIL, port.status());
        }
    }

    @Test
    void silentImplicitTlsPortFailsTheHandshakeWithinTheLimit() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.SILENT)) {
            PortResult port = verify(server, PortRole.SUBMISSIONS);
            Check handshake = check(port, CheckIds.TLS_HANDSHAKE);
            assertEquals(CheckStatus.FAIL, handshake.status());
            assertTrue(handshake.detail().contains("TLS handshake: no reply within 800 ms"), handshake.detail());
            assertEquals(CheckStatus.FAIL, check(port, CheckIds.TLS_REQUIRED).status());
        }
    }

    @Test
    void binaryNoiseAfterEhloIsGarbage() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.GARBAGE_AFTER_EHLO)) {
            PortResult port = verify(server, PortRole.SMTP);
            Check dialog = check(port, CheckIds.SMTP_DIALOG);
            assertEquals(CheckStatus.FAIL, dialog.status());
            assertTrue(dialog.detail().startsWith("EHLO: not an SMTP reply"), dialog.detail());
        }
    }

    @Test
    void closingMidHandshakeIsAFailedHandshakeAndVersionsAreRefusedNotAccepted() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.CLOSE_MID_HANDSHAKE)) {
            PortResult port = verify(server, PortRole.SUBMISSION);
            Check handshake = check(port, CheckIds.TLS_HANDSHAKE);
            assertEquals(CheckStatus.FAIL, handshake.status());
            assertTrue(handshake.detail().contains("TLS handshake: the server closed the connection"), handshake.detail());
            assertEquals(CheckStatus.PASS, check(port, CheckIds.TLS_REQUIRED).status(), "530 before STARTTLS was seen");
            for (TlsVersion version : TlsVersion.values()) {
                ProbeOutcome outcome = port.observation().protocols().get(version);
                assertFalse(outcome.accepted(), version + ": " + outcome);
            }
        }
    }

    @Test
    void starttlsAdvertisedThenRefused() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.STARTTLS_REFUSED)) {
            PortResult port = verify(server, PortRole.SMTP);
            assertEquals(CheckStatus.PASS, check(port, CheckIds.STARTTLS_OFFERED).status());
            Check dialog = check(port, CheckIds.SMTP_DIALOG);
            assertEquals(CheckStatus.FAIL, dialog.status());
            assertTrue(dialog.detail().contains("STARTTLS was offered but refused: 454 4.7.0 TLS not available"), dialog.detail());
            assertEquals(CheckStatus.FAIL, check(port, CheckIds.TLS_HANDSHAKE).status());
            assertEquals(CheckStatus.SKIPPED, check(port, CheckIds.STARTTLS_INJECTION).status());
        }
    }

    @Test
    void multiLine421IsReadWhole() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.BUSY_421)) {
            SessionObservation session = new SmtpProber().session(new PortTarget("127.0.0.1", server.port(), PortRole.SMTP), SHORT);
            assertEquals(421, session.banner().orElseThrow().code());
            assertEquals(List.of("hostile.test Service not available", "4.3.2 too busy, try later"),
                    session.banner().get().lines());
            assertEquals("the server refused the session: 421 hostile.test Service not available / 4.3.2 too busy, try later",
                    session.problem().orElseThrow());
        }
    }

    @Test
    void tricklingServerIsCutOffByTheOverallLimit() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.TRICKLE)) {
            SessionObservation session = assertTimeoutPreemptively(HANG_GUARD,
                    () -> new SmtpProber().session(new PortTarget("127.0.0.1", server.port(), PortRole.SMTP), SHORT));
            assertTrue(session.problem().orElseThrow().contains("exceeded the overall limit of 2500 ms"),
                    session.problem().get());
            assertTrue(session.elapsed().compareTo(Duration.ofSeconds(5)) < 0, "bounded by the overall limit: " + session.elapsed());
        }
    }

    /** Issue 14 finding 5: TLS reads were bounded per read only, so a trickle kept a probe alive for minutes. */
    @Test
    void aTrickledTlsRecordIsCutOffByTheOverallLimitInEveryProbe() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.TRICKLE_TLS_RECORD)) {
            PortTarget target = new PortTarget("127.0.0.1", server.port(), PortRole.SUBMISSION);
            SmtpProber prober = new SmtpProber();
            long start = System.nanoTime();
            SessionObservation session = assertTimeoutPreemptively(HANG_GUARD, () -> prober.session(target, SHORT));
            ProbeOutcome version = assertTimeoutPreemptively(HANG_GUARD, () -> prober.tryVersion(target, TlsVersion.TLS_1_2, SHORT));
            ProbeOutcome cipher = assertTimeoutPreemptively(HANG_GUARD,
                    () -> prober.tryCipherClass(target, org.postfixtls.wizard.domain.verify.WeakCipherClass.RC4, SHORT));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(session.problem().orElseThrow().contains("exceeded the overall limit of 2500 ms"), session.problem().get());
            assertTrue(session.handshake().isEmpty());
            assertEquals(ProbeOutcome.Result.UNKNOWN, version.result(), version.detail());
            assertTrue(version.detail().contains("overall limit"), version.detail());
            assertEquals(ProbeOutcome.Result.UNKNOWN, cipher.result(), cipher.detail());
            assertTrue(cipher.detail().contains("overall limit"), cipher.detail());
            // three connections one after the other, each bounded by its 2.5 s: far below the server's 30 s trickle
            assertTrue(elapsed.compareTo(SHORT.overall().multipliedBy(3).plusSeconds(5)) < 0, "took " + elapsed);
        }
    }

    @Test
    void slowButWithinLimitsServerCompletesTheDialog() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.SLOW_NO_STARTTLS)) {
            PortResult port = verify(server, PortRole.SMTP);
            assertEquals(CheckStatus.PASS, check(port, CheckIds.SMTP_DIALOG).status());
            assertEquals(CheckStatus.FAIL, check(port, CheckIds.STARTTLS_OFFERED).status());
            assertEquals(CheckStatus.FAIL, check(port, CheckIds.TLS_HANDSHAKE).status());
        }
    }

    @Test
    void droppedConnectionIsNamed() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.DROP_AFTER_BANNER)) {
            PortResult port = verify(server, PortRole.SMTP);
            Check dialog = check(port, CheckIds.SMTP_DIALOG);
            assertEquals(CheckStatus.FAIL, dialog.status());
            assertEquals("EHLO: the server closed the connection", dialog.detail());
        }
    }

    @ParameterizedTest
    @EnumSource(HostileSmtpServer.Behaviour.class)
    void noBehaviourYieldsAnAcceptedProtocolOrAPassedCertificate(HostileSmtpServer.Behaviour behaviour) throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(behaviour)) {
            PortResult port = verify(server, PortRole.SUBMISSION);
            assertTrue(port.protocols().values().stream().noneMatch(Boolean::booleanValue), behaviour + ": " + port.protocols());
            assertTrue(port.checks().stream().noneMatch(c -> c.id().startsWith("certificate") && c.status() == CheckStatus.PASS));
            assertEquals(CheckStatus.FAIL, port.status(), behaviour.name());
        }
    }
}
