package org.postfixtls.wizard.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.adapter.local.LocalServerCommands;
import org.postfixtls.wizard.domain.verify.CheckIds;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.MailLogParser;
import org.postfixtls.wizard.domain.verify.MailLogSummary;
import org.postfixtls.wizard.domain.verify.OutboundProbe;
import org.postfixtls.wizard.domain.verify.ServerEvaluator;
import org.postfixtls.wizard.domain.verify.ServerObservation;
import org.postfixtls.wizard.domain.verify.ServerResult;
import org.postfixtls.wizard.domain.verify.TlsTrust;
import org.postfixtls.wizard.testsupport.Testbed;

/**
 * The server side on the real test bed: posttls-finger at a policy level, and the mail log after real outbound
 * deliveries (one over TLS, one forced to plaintext) made by the test bed's own smtp(8) to its own smtpd.
 */
class ServerSideTestbedIT {

    private Testbed testbed;
    private TestbedPostfix postfix;

    @BeforeEach
    void resetBefore() {
        testbed = Testbed.require();
        Testbed.requireCommand("swaks");
        Testbed.requireCommand("posttls-finger");
        postfix = new TestbedPostfix(testbed);
        postfix.reset();
    }

    @AfterEach
    void resetAfter() {
        if (postfix != null) {
            // Mail this test queued must not be delivered later, inside another test's log window.
            TestbedPostfix.run(List.of("postsuper", "-c", postfix.configDir, "-d", "ALL"), 30);
            postfix.reset();
        }
    }

    private ServerSideRequest request(String level, String destination) {
        return new ServerSideRequest(Optional.of(postfix.configDir), level, Optional.of(destination),
                Optional.of(testbed.get("tls.ca")));
    }

    @Test
    void posttlsFingerAtEachLevelSaysWhetherEnforcingWouldWork() throws Exception {
        LocalServerCommands commands = new LocalServerCommands();
        ServerInspector inspector = new ServerInspector(commands, Optional.empty());
        String destination = "[" + testbed.host() + "]:" + testbed.port("smtp.port");

        // The baseline serves the self-signed snakeoil certificate: TLS yes, verification no.
        OutboundProbe may = inspector.outboundProbe(request("may", destination), destination);
        assertEquals(Optional.of(TlsTrust.UNTRUSTED), may.trust(), may.output().toString());
        assertTrue(may.satisfiesLevel());
        OutboundProbe secure = inspector.outboundProbe(request("secure", destination), destination);
        assertEquals(Optional.of(TlsTrust.UNTRUSTED), secure.trust());
        assertTrue(!secure.satisfiesLevel(), "secure must not be satisfied by an untrusted certificate");
        ServerResult result = ServerEvaluator.evaluate(new ServerObservation(Optional.empty(), Optional.of("may"),
                Optional.empty(), Optional.empty(), Optional.of(secure), Optional.empty(), List.of()), "may");
        assertEquals(CheckStatus.FAIL, result.checks().stream().filter(c -> c.id().equals(CheckIds.OUTBOUND_PROBE))
                .findFirst().orElseThrow().status());

        OutboundProbe nobody = inspector.outboundProbe(request("encrypt", "[127.0.0.1]:1"), "[127.0.0.1]:1");
        assertEquals(Optional.empty(), nobody.trust(), nobody.output().toString());
    }

    @Test
    void mailLogCountsRealOutboundTlsAndPlaintextDeliveries() throws Exception {
        String smtp = "[127.0.0.1]:" + testbed.port("smtp.port");
        String plain = "[localhost]:" + testbed.port("smtp.port");
        postfix.postconf("-e",
                "transport_maps = inline:{tls.loop.test=smtp:" + smtp + ",plain.loop.test=smtp:" + plain + "}",
                "smtp_tls_policy_maps = inline:{" + plain + "=none}",
                "smtp_host_lookup = native",
                "smtp_tls_security_level = may",
                "smtp_tls_loglevel = 1",
                "smtpd_tls_loglevel = 1",
                "service_throttle_time = 2s",
                // the loop back into our own smtpd ends at RCPT: the outbound connection (and its TLS) is all we need
                "smtp_helo_name = loop-client.test",
                "smtpd_helo_restrictions = check_helo_access inline:{loop-client.test=REJECT}");
        TestbedPostfix.Run reload = TestbedPostfix.run(List.of("postfix", "-c", postfix.configDir, "reload"), 30);
        assertEquals(0, reload.exitCode(), reload.output());
        Path log = Path.of(testbed.get("postfix.maillog"));
        long offset = Files.size(log);
        TestbedPostfix.sleep(2500); // reload re-reads main.cf asynchronously

        for (String rcpt : List.of("someone@tls.loop.test", "someone@plain.loop.test")) {
            // retried: right after a reload a freshly spawned daemon may still be starting
            TestbedPostfix.Run swaks = null;
            for (int attempt = 0; attempt < 20; attempt++) {
                swaks = TestbedPostfix.run(List.of("swaks", "--server", testbed.host(), "--port",
                        testbed.get("smtp.port"), "--from", testbed.get("sasl.user"), "--to", rcpt, "--timeout", "15"), 30);
                if (swaks.output().contains("<-  250 2.0.0 Ok: queued")) {
                    break;
                }
                TestbedPostfix.sleep(1000);
            }
            assertTrue(swaks.output().contains("<-  250 2.0.0 Ok: queued"), swaks.output());
        }
        String fresh = awaitLog(log, offset, postfix.configDir, "to=<someone@plain.loop.test>", "to=<someone@tls.loop.test>");
        MailLogSummary summary = MailLogParser.parse(fresh);
        Map<TlsTrust, Integer> tls = summary.perDestination().get("127.0.0.1");
        Map<TlsTrust, Integer> plaintext = summary.perDestination().get("localhost");
        assertEquals(1, tls.getOrDefault(TlsTrust.UNTRUSTED, 0) + tls.getOrDefault(TlsTrust.ANONYMOUS, 0), fresh);
        assertEquals(0, tls.getOrDefault(TlsTrust.PLAINTEXT, 0), fresh);
        assertEquals(Map.of(TlsTrust.PLAINTEXT, 1), plaintext, fresh);
        // The guide's grep -oP 'TLSv[\d.]+' over the same lines, as the reference count of TLS sessions
        long grepCount = fresh.lines().filter(l -> l.contains("TLS connection established")).count();
        int parsed = summary.inboundVersions().values().stream().mapToInt(Integer::intValue).sum()
                + summary.outboundVersions().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(grepCount, parsed);
        assertTrue(summary.outboundVersions().containsKey("TLSv1.3"), summary.outboundVersions().toString());

        // The same through the port, as the engine reads it (tail of the real file)
        ServerInspector inspector = new ServerInspector(new LocalServerCommands(),
                Optional.of(new CommandMailLog(new LocalServerCommands(), log.toString())));
        ServerObservation observation = inspector.inspect(new ServerSideRequest(Optional.of(postfix.configDir), "may",
                Optional.empty(), Optional.empty()));
        assertTrue(observation.mailLog().orElseThrow().outbound(TlsTrust.PLAINTEXT) >= 1);
        assertEquals(Optional.of("may"), observation.outboundLevel());
        assertEquals(CheckStatus.WARN, ServerEvaluator.evaluate(observation, "may").checks().stream()
                .filter(c -> c.id().equals(CheckIds.OUTBOUND_LOG)).findFirst().orElseThrow().status());
    }

    private static String awaitLog(Path log, long offset, String configDir, String... needles) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long nextFlush = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String text = "";
        while (System.nanoTime() < end) {
            byte[] all = Files.readAllBytes(log);
            text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    java.nio.charset.StandardCharsets.UTF_8);
            String current = text;
            if (java.util.Arrays.stream(needles).allMatch(n -> current.lines().anyMatch(l -> l.contains(n) && l.contains("status=")))) {
                return text;
            }
            if (System.nanoTime() > nextFlush) {
                // a delivery deferred while a daemon was throttled (shared test bed) is retried now, not in minutes
                TestbedPostfix.run(List.of("postqueue", "-c", configDir, "-f"), 30);
                nextFlush = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            TestbedPostfix.sleep(250);
        }
        fail("the deliveries did not show up in the mail log within 90 s:\n" + text);
        return text;
    }
}
