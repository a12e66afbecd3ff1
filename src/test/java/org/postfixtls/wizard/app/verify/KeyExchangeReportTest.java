package org.postfixtls.wizard.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.verify.HandshakeFacts;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;
import org.postfixtls.wizard.domain.verify.PortEvaluator;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortObservation;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.SmtpReply;
import org.postfixtls.wizard.domain.verify.VerificationReport;

/** The negotiated key-exchange group and the post-quantum outcome reach every report format (decision 0067). */
class KeyExchangeReportTest {

    private static VerificationReport report() {
        SmtpReply ok = new SmtpReply(250, List.of("mx.example.com", "AUTH PLAIN"));
        SessionObservation session = new SessionObservation(true, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(new HandshakeFacts("TLSv1.3", "TLS_AES_256_GCM_SHA384",
                Optional.of("X25519MLKEM768"), List.of())), Optional.of(ok), Optional.empty(), Duration.ofMillis(9));
        PortObservation observation = new PortObservation(new PortTarget("127.0.0.1", 4465, PortRole.SUBMISSIONS),
                session, Map.of(), Map.of(), Optional.empty()).withKeyExchange(Map.of(
                KeyExchangeOffer.PQ_ONLY, ProbeOutcome.accepted("offered X25519MLKEM768 alone: negotiated X25519MLKEM768"),
                KeyExchangeOffer.PQ_AND_X25519, ProbeOutcome.refused("offered X25519MLKEM768 beside X25519: the server chose x25519")));
        PortResult port = new PortEvaluator(Clock.systemUTC()).evaluate(observation, PortExpectations.NONE);
        return new VerificationReport("127.0.0.1", Instant.EPOCH, Duration.ofMillis(9), List.of(port),
                Optional.empty(), Optional.empty(), List.of());
    }

    @Test
    void textMarkdownHtmlAndJsonShowTheGroupAndThePostQuantumOutcome() {
        VerificationReport report = report();
        String text = ReportText.text(report);
        assertTrue(text.contains("key exchange X25519MLKEM768"), text);
        assertTrue(text.contains("pq-key-exchange"), text);
        assertTrue(ReportText.markdown(report).contains("TLS\\_AES\\_256\\_GCM\\_SHA384 / X25519MLKEM768"));
        assertTrue(ReportHtml.of(report).contains("TLS_AES_256_GCM_SHA384 / X25519MLKEM768"));
        @SuppressWarnings("unchecked")
        Map<String, Object> port = ((List<Map<String, Object>>) ReportDocument.of(report).get("ports")).get(0);
        assertEquals("X25519MLKEM768", port.get("group"));
        java.util.Map<String, Object> pq = new java.util.LinkedHashMap<>();
        pq.put("alone", true);
        pq.put("besideX25519", false);
        assertEquals(pq, port.get("postQuantum"));
    }
}
