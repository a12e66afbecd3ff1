package org.postfixtls.wizard.domain.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Log formats the test bed cannot produce (journal prefixes, a multi-instance syslog name, connection reuse,
 * obsolete protocols); the test bed's own log is covered by ServerSideTestbedIT.
 */
class MailLogParserTest {

    private static final String LOG = """
            Nov 22 08:10:50 mx postfix/smtp[100]: Verified TLS connection established to mx.a.example[192.0.2.1]:25: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)
            Nov 22 08:10:50 mx postfix/smtp[100]: 1A: to=<x@a.example>, relay=mx.a.example[192.0.2.1]:25, delay=1, status=sent (250 ok)
            Nov 22 08:10:51 mx postfix/smtp[100]: 1B: to=<y@a.example>, relay=mx.a.example[192.0.2.1]:25, delay=1, status=sent (250 ok)
            Nov 22 08:10:52 mx postfix-out/smtp[101]: Trusted TLS connection reused to mx.b.example[192.0.2.2]:25: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)
            Nov 22 08:10:53 mx postfix/smtp[102]: Anonymous TLS connection established to mx.c.example[192.0.2.3]:25: TLSv1 with cipher ADH-AES256-SHA (256/256 bits)
            Nov 22 08:10:54 mx postfix/smtp[103]: 1C: to=<z@d.example>, relay=mx.d.example[192.0.2.4]:25, delay=1, status=sent (250 ok)
            Nov 22 08:10:55 mx postfix/smtp[103]: 1D: to=<z@e.example>, relay=none, delay=1, status=deferred (connect to e.example: Connection refused)
            Nov 22 08:10:56 mx postfix/submission/smtpd[104]: Anonymous TLS connection established from client[198.51.100.9]: TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)
            Nov 22 08:10:57 mx postfix/smtpd[105]: Untrusted TLS connection established from other[198.51.100.10]: TLSv1.2 with cipher ECDHE-RSA-AES128-GCM-SHA256 (128/128 bits)
            """;

    @Test
    void countsVersionsAndTrustPerDestination() {
        MailLogSummary summary = MailLogParser.parse(LOG);
        assertEquals(9, summary.linesRead());
        assertEquals(Map.of("TLSv1.3", 1, "TLSv1.2", 1, "TLSv1", 1), summary.outboundVersions());
        assertEquals(Map.of("TLSv1.3", 1, "TLSv1.2", 1), summary.inboundVersions());
        assertEquals(Map.of(TlsTrust.VERIFIED, 1), summary.perDestination().get("mx.a.example"));
        assertEquals(Map.of(TlsTrust.TRUSTED, 1), summary.perDestination().get("mx.b.example"));
        assertEquals(Map.of(TlsTrust.ANONYMOUS, 1), summary.perDestination().get("mx.c.example"));
        assertEquals(Map.of(TlsTrust.PLAINTEXT, 1), summary.perDestination().get("mx.d.example"));
        assertEquals(4, summary.perDestination().size(), "relay=none is neither TLS nor plaintext");
    }

    @Test
    void obsoleteOutboundVersionsAndPlaintextAreAWarningWithEvidence() {
        ServerResult result = ServerEvaluator.evaluate(new ServerObservation(java.util.Optional.empty(),
                java.util.Optional.of("may"), java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.of(MailLogParser.parse(LOG)), java.util.List.of()), "may");
        Check log = result.checks().stream().filter(c -> c.id().equals(CheckIds.OUTBOUND_LOG)).findFirst().orElseThrow();
        assertEquals(CheckStatus.WARN, log.status());
        assertEquals("3 outbound TLS connections, 1 plaintext delivery, obsolete TLS versions in use"
                + " (opportunistic TLS falls back for peers without TLS)", log.detail());
        Check keys = result.checks().stream().filter(c -> c.id().equals(CheckIds.KEY_FILE_PERMISSIONS)).findFirst().orElseThrow();
        assertEquals(CheckStatus.SKIPPED, keys.status(), "no key evidence is 'not checked', never a pass");
    }
}
