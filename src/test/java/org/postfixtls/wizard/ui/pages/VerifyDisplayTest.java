package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.postfixtls.wizard.domain.verify.HandshakeFacts;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;
import org.postfixtls.wizard.domain.verify.PortEvaluator;
import org.postfixtls.wizard.domain.verify.PortObservation;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.SmtpReply;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.verify.PortProber;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.app.verify.ServerCommandException;
import org.postfixtls.wizard.app.verify.ServerInspector;
import org.postfixtls.wizard.app.verify.ServerSideRequest;
import org.postfixtls.wizard.app.verify.VerificationEngine;
import org.postfixtls.wizard.app.verify.VerificationRequest;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.DnsAnswer;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/** A recorded verification (the JSON report) is drawn exactly like the live report it was written from. */
class VerifyDisplayTest {

    /** Nothing listens: every port is unreachable. */
    private static final PortProber CLOSED = new PortProber() {
        @Override
        public SessionObservation session(PortTarget target, ProbeTimeouts timeouts) {
            return SessionObservation.unreachable("connection refused", Duration.ZERO);
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
    };

    @Test
    void theRecordedDocumentShowsTheSameSummaryTilesChecklistAndSectionsAsTheLiveReport() throws Exception {
        VerificationEngine engine = new VerificationEngine(CLOSED,
                Optional.of((name, type) -> DnsAnswer.unreachable("no resolver in this test")),
                Optional.of(new ServerInspector((argv, timeout) -> {
                    throw new ServerCommandException("no server in this test");
                }, Optional.empty())), Clock.systemUTC());
        VerificationReport report = engine.verify(new VerificationRequest("127.0.0.1",
                List.of(new PortTarget("127.0.0.1", 2525, PortRole.SMTP),
                        new PortTarget("127.0.0.1", 2587, PortRole.SUBMISSION)),
                PortExpectations.NONE, Optional.of("example.test"),
                Optional.of(new ServerSideRequest(Optional.empty(), "may", Optional.empty(), Optional.empty())),
                ProbeTimeouts.DEFAULT));

        VerifyDisplay live = VerifyDisplay.of(report);
        VerifyDisplay recorded = VerifyDisplay.ofDocument(new ObjectMapper().readTree(VerifyReportFiles.json(report)));

        assertEquals(live, recorded);
        assertEquals(CheckStatus.FAIL, live.status());
        assertEquals(List.of("DNS", "On the server", "Port findings"),
                live.sections().stream().map(VerifyDisplay.Section::title).toList());
        assertEquals(List.of(new VerifyDisplay.TileLine("not reachable", false)), live.tiles().get(0).lines());
        assertFalse(live.checklist().isEmpty());
    }

    /** One TLS port whose handshake named x25519 and whose post-quantum offer got {@code alone}. */
    private static VerificationReport withPostQuantum(ProbeOutcome alone) {
        SmtpReply ok = new SmtpReply(250, List.of("mx.example.com", "AUTH PLAIN"));
        SessionObservation session = new SessionObservation(true, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new HandshakeFacts("TLSv1.3", "TLS_AES_256_GCM_SHA384",
                Optional.of("x25519"), List.of())), Optional.of(ok), Optional.empty(), Duration.ofMillis(9));
        PortObservation observation = new PortObservation(new PortTarget("127.0.0.1", 4465, PortRole.SUBMISSIONS),
                session, Map.of(), Map.of(), Optional.empty()).withKeyExchange(Map.of(KeyExchangeOffer.PQ_ONLY, alone));
        PortResult port = new PortEvaluator(Clock.systemUTC()).evaluate(observation, PortExpectations.NONE);
        return new VerificationReport("127.0.0.1", Instant.EPOCH, Duration.ofMillis(9), List.of(port),
                Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void aPortThatAcceptsThePostQuantumGroupSaysSoOnItsTileLiveAndRecorded() throws Exception {
        VerificationReport accepted = withPostQuantum(ProbeOutcome.accepted("negotiated X25519MLKEM768"));
        VerifyDisplay live = VerifyDisplay.of(accepted);
        assertTrue(live.tiles().get(0).lines().contains(new VerifyDisplay.TileLine(VerifyDisplay.POST_QUANTUM_LINE,
                true)), live.tiles().get(0).lines().toString());
        assertEquals(live, VerifyDisplay.ofDocument(new ObjectMapper().readTree(VerifyReportFiles.json(accepted))));

        VerifyDisplay refused = VerifyDisplay.of(withPostQuantum(ProbeOutcome.refused("no common group")));
        assertFalse(refused.tiles().get(0).lines().stream().anyMatch(l -> l.text().contains("post-quantum")),
                "a server without it is not marked on every tile: the check below says 'information only'");
    }

    @Test
    void theShippedRecordingsAreLabelledAndShowAllThreePortsOfTheTestServer() {
        for (RecordedVerification.Moment moment : RecordedVerification.Moment.values()) {
            RecordedVerification recording = RecordedVerification.load(moment);
            assertTrue(recording.label().matches("RECORDED on \\d{4}-\\d{2}-\\d{2} from a Postfix 3\\.7 test server — .*"),
                    recording.label());
            assertEquals(3, recording.display().tiles().size(), moment.name());
            assertFalse(recording.display().checklist().isEmpty(), moment.name());
        }
        VerifyDisplay before = RecordedVerification.load(RecordedVerification.Moment.BEFORE).display();
        VerifyDisplay after = RecordedVerification.load(RecordedVerification.Moment.AFTER).display();
        assertTrue(before.tiles().stream().filter(t -> t.title().startsWith("submission")).allMatch(t ->
                t.lines().contains(new VerifyDisplay.TileLine("not reachable", false))), "submission is off before");
        assertTrue(after.tiles().stream().noneMatch(t -> t.lines().contains(new VerifyDisplay.TileLine("not reachable",
                false))), "after: every port answers " + after.tiles());
        for (String done : List.of("done-submission-tls", "done-certificate")) {
            assertEquals(CheckStatus.FAIL, checklistStatus(before, done), "before: " + done);
            assertEquals(CheckStatus.PASS, checklistStatus(after, done), "after: " + done);
        }
    }

    private static CheckStatus checklistStatus(VerifyDisplay display, String id) {
        return display.checklist().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow().status();
    }
}
