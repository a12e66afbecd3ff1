package org.postfixtls.wizard.domain.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The scanner on real lines of the test bed's Postfix 3.7 (see the fixtures), and on their other prefixes. */
class MailLogScannerTest {

    private static final String LOOP = "testbed-3.7-loop.maillog";

    @Test
    void joinsTheTlsLineWithTheStatusLineOfTheSameServerAndQueueId() {
        ScanResult result = LogFixtures.scan(LogFixtures.text(LOOP));
        DestinationEvidence tls = LogFixtures.destination(result, "tls.loop.test");
        assertEquals(Map.of(TlsGrade.UNTRUSTED, 1L), tls.grades());
        assertEquals(Optional.of("TLSv1.3"), tls.protocol());
        assertEquals(Optional.of("TLS_AES_256_GCM_SHA384"), tls.cipher());
        assertEquals("127.0.0.1[127.0.0.1]:2525", tls.nexthop());
        assertEquals(Instant.parse("2026-12-02T03:14:29Z"), tls.lastSeen());
        // Same smtp process, next message, another server name: no TLS line for it, so it went out in clear.
        DestinationEvidence plain = LogFixtures.destination(result, "plain.loop.test");
        assertEquals(Map.of(TlsGrade.NONE, 1L), plain.grades());
        assertEquals(Optional.empty(), plain.protocol());
        // The local virtual(8) delivery of the bounce is not another server's destination.
        assertEquals(2, result.destinations().size());
        assertEquals(0, result.malformedLines());
        assertEquals(31, result.lines());
    }

    @Test
    void threePosturesDeliveredByTheBedToLocalSinks() {
        // captured by ReadinessTestbedIT: a plaintext sink, a self-signed STARTTLS sink, one with the bed CA's cert;
        // smtp(8) processes interleave, and one reuses a cached plaintext connection for a second message
        ScanResult result = LogFixtures.scan(LogFixtures.text("testbed-3.7-readiness.maillog"));
        assertEquals(Map.of(TlsGrade.NONE, 2L), LogFixtures.destination(result, "plain.readiness.test").grades());
        assertEquals(Map.of(TlsGrade.UNTRUSTED, 2L), LogFixtures.destination(result, "untrusted.readiness.test").grades());
        DestinationEvidence trusted = LogFixtures.destination(result, "trusted.readiness.test");
        assertEquals(Map.of(TlsGrade.TRUSTED, 2L), trusted.grades());
        assertEquals("localhost", trusted.relayHost());
        assertEquals(0, result.malformedLines());
    }

    @Test
    void rfc3339AndJournalPrefixesOfTheSameLinesGiveTheSameEvidence() {
        String classic = LogFixtures.text(LOOP);
        // rsyslog's RFC 3339 format (Postfix 3.10 logs the same message text) and journalctl -o short-iso
        String rfc3339 = classic.lines().map(l -> "2026-12-02T" + l.substring(7, 15) + ".000000+00:00" + l.substring(15))
                .collect(Collectors.joining("\n"));
        String journal = classic.lines().map(l -> "2026-12-02T" + l.substring(7, 15) + "+0000" + l.substring(15))
                .collect(Collectors.joining("\n"));
        ScanResult expected = LogFixtures.scan(classic);
        for (String variant : new String[] {rfc3339, journal}) {
            ScanResult result = LogFixtures.scan(variant);
            assertEquals(0, result.malformedLines(), variant.lines().findFirst().orElseThrow());
            assertEquals(evidence(expected), evidence(result));
        }
    }

    @Test
    void instanceAndServiceNamesInTheTagAreStillSmtp() {
        String classic = LogFixtures.text(LOOP);
        String tagged = classic.replace("postfix/smtp[", "postfix-out/relay/smtp[");
        assertEquals(evidence(LogFixtures.scan(classic)), evidence(LogFixtures.scan(tagged)));
    }

    @Test
    void ipv6RelaysAndSeveralRecipientsPerMessage() {
        String classic = LogFixtures.text(LOOP).replace("127.0.0.1[127.0.0.1]", "mx.example.net[2001:db8::25]");
        String second = classic.lines().filter(l -> l.contains("to=<someone@tls.loop.test>")).findFirst().orElseThrow()
                .replace("someone@", "other@");
        ScanResult result = LogFixtures.scan(classic + second + "\n");
        DestinationEvidence tls = LogFixtures.destination(result, "tls.loop.test");
        assertEquals("mx.example.net[2001:db8::25]:2525", tls.nexthop());
        assertEquals(1, tls.messages(), "two recipients of one message are one message");
        assertEquals(Map.of(TlsGrade.UNTRUSTED, 1L), tls.grades());
    }

    @Test
    void linesBeforeTheWindowAreSkippedAndCounted() {
        MailLogScanner scanner = new MailLogScanner(new LogTimestamp(LogFixtures.CAPTURED, ZoneOffset.UTC),
                Instant.parse("2026-12-02T04:00:00Z"));
        LogFixtures.lines(LOOP).forEach(scanner::accept);
        ScanResult result = scanner.result();
        assertTrue(result.destinations().isEmpty());
        assertEquals(3, result.linesOutsideWindow(), "the smtp lines of 03:14: one TLS line, two status lines");
    }

    @Test
    void aFailureBeforeEhloSaysNothingAboutTls() {
        String greetingLost = "Dec 02 03:14:29 mail postfix/smtp[479]: 0364B162300: to=<a@slow.example>,"
                + " relay=mx.slow.example[192.0.2.7]:25, delay=30, delays=0/0/30/0, dsn=4.4.2, status=deferred"
                + " (conversation with mx.slow.example[192.0.2.7] timed out while receiving the initial server greeting)";
        ScanResult result = LogFixtures.scan(greetingLost);
        DestinationEvidence slow = LogFixtures.destination(result, "slow.example");
        assertEquals(1, slow.messages());
        assertEquals(Optional.empty(), slow.weakest());
        assertFalse(slow.grades().containsKey(TlsGrade.NONE));
    }

    private static Map<String, String> evidence(ScanResult result) {
        return result.destinations().stream().collect(Collectors.toMap(DestinationEvidence::destination,
                d -> d.grades() + " " + d.nexthop() + " " + d.lastSeen() + " " + d.protocol() + " " + d.cipher()));
    }
}
