package org.postfixtls.wizard.app.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.postfixtls.wizard.app.verify.TestbedPostfix.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.verify.TestbedPostfix;
import org.postfixtls.wizard.app.verify.TestbedPostfix.Run;
import org.postfixtls.wizard.cli.WizardCli;
import org.postfixtls.wizard.testsupport.Testbed;

/**
 * Enforcement readiness on the real test bed: three local destinations of different postures — a plaintext-only
 * SMTP sink, a STARTTLS sink with a self-signed certificate, a STARTTLS sink with a certificate of the bed's CA for
 * "localhost" — reached through a transport map. The bed's Postfix delivers real mail to each; then the real CLI
 * reads the bed's maillog_file over SSH and probes each destination with posttls-finger from the server.
 */
class ReadinessTestbedIT {

    /** The bed's log keeps earlier runs within --days: this run's destinations are its own. */
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
    private static final String PLAIN = "plain-" + RUN + ".readiness.test";
    private static final String UNTRUSTED = "untrusted-" + RUN + ".readiness.test";
    private static final String TRUSTED = "trusted-" + RUN + ".readiness.test";

    @TempDir
    Path tmp;

    private Testbed testbed;
    private TestbedPostfix postfix;
    private String configDir;
    private final List<SmtpSink> sinks = new ArrayList<>();

    @BeforeEach
    void setUp() {
        testbed = Testbed.require();
        Testbed.requireCommand("swaks");
        Testbed.requireCommand("posttls-finger");
        Testbed.requireCommand("openssl");
        postfix = new TestbedPostfix(testbed);
        configDir = postfix.configDir;
        postfix.reset();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (SmtpSink sink : sinks) {
            sink.close();
        }
        if (configDir != null) {
            run(List.of("postsuper", "-c", configDir, "-d", "ALL"), 30);
            postfix.reset();
        }
    }

    @Test
    void encryptAndVerifyClassifyEachPostureFromTheLogAndTheProbeConfirms() throws Exception {
        SmtpSink plain = sink(SmtpSink.plaintext());
        SmtpSink untrusted = sink(SmtpSink.starttls(selfSignedLocalhost(), "changeit".toCharArray()));
        SmtpSink trusted = sink(SmtpSink.starttls(bedCertificate(), "changeit".toCharArray()));
        postfix.postconf("-e", "transport_maps = inline:{" + PLAIN + "=smtp:[localhost]:" + plain.port() + ", "
                        + UNTRUSTED + "=smtp:[localhost]:" + untrusted.port() + ", "
                        + TRUSTED + "=smtp:[localhost]:" + trusted.port() + "}",
                "smtp_host_lookup = native",
                "smtp_tls_security_level = may",
                "smtp_tls_CAfile = " + testbed.get("tls.ca"),
                "smtp_tls_loglevel = 1",
                "service_throttle_time = 2s");
        Run reload = run(List.of("postfix", "-c", configDir, "reload"), 30);
        assertEquals(0, reload.exitCode(), reload.output());
        Path log = Path.of(testbed.get("postfix.maillog"));
        long offset = Files.size(log);
        Thread.sleep(2500); // reload re-reads main.cf asynchronously
        for (String domain : List.of(PLAIN, UNTRUSTED, TRUSTED)) {
            send("a@" + domain);
            send("b@" + domain);
        }
        awaitSent(log, offset, "a@" + PLAIN, "b@" + PLAIN, "a@" + UNTRUSTED, "b@" + UNTRUSTED, "a@" + TRUSTED,
                "b@" + TRUSTED);

        Result encrypt = readiness("encrypt");
        assertEquals(1, encrypt.exitCode(), encrypt.stderr());
        JsonNode plainAtEncrypt = destination(encrypt, PLAIN);
        assertEquals("would-fail", plainAtEncrypt.path("verdict").asText(), plainAtEncrypt.toString());
        assertEquals("none", plainAtEncrypt.path("tls").path("grade").asText());
        assertEquals(2, plainAtEncrypt.path("messages").asInt());
        assertEquals(PLAIN + " may", plainAtEncrypt.path("suggestion").asText());
        assertEquals("not-met", plainAtEncrypt.path("probe").path("result").asText(), plainAtEncrypt.toString());
        assertTrue(plainAtEncrypt.path("nexthop").asText().endsWith(":" + plain.port()));
        JsonNode untrustedAtEncrypt = destination(encrypt, UNTRUSTED);
        assertEquals("ok", untrustedAtEncrypt.path("verdict").asText(), untrustedAtEncrypt.toString());
        assertEquals("untrusted", untrustedAtEncrypt.path("tls").path("grade").asText());
        assertTrue(untrustedAtEncrypt.path("tls").path("protocol").asText().startsWith("TLSv1."));
        assertEquals("met", untrustedAtEncrypt.path("probe").path("result").asText(), untrustedAtEncrypt.toString());
        JsonNode trustedAtEncrypt = destination(encrypt, TRUSTED);
        assertEquals("ok", trustedAtEncrypt.path("verdict").asText(), trustedAtEncrypt.toString());
        assertEquals("trusted", trustedAtEncrypt.path("tls").path("grade").asText());
        assertEquals("met", trustedAtEncrypt.path("probe").path("result").asText());
        assertEquals(TRUSTED + " verify", trustedAtEncrypt.path("suggestion").asText(), "the optional stronger entry");

        Result verify = readiness("verify");
        assertEquals(1, verify.exitCode(), verify.stderr());
        JsonNode plainAtVerify = destination(verify, PLAIN);
        assertEquals("would-fail", plainAtVerify.path("verdict").asText());
        assertTrue(plainAtVerify.path("reason").asText().startsWith("no STARTTLS seen"), plainAtVerify.toString());
        JsonNode untrustedAtVerify = destination(verify, UNTRUSTED);
        assertEquals("would-fail", untrustedAtVerify.path("verdict").asText(), untrustedAtVerify.toString());
        assertTrue(untrustedAtVerify.path("reason").asText().startsWith("certificate untrusted"));
        assertEquals("not-met", untrustedAtVerify.path("probe").path("result").asText(), untrustedAtVerify.toString());
        assertEquals(UNTRUSTED + " encrypt", untrustedAtVerify.path("suggestion").asText(),
                "TLS always worked: encrypt keeps it flowing and encrypted");
        JsonNode trustedAtVerify = destination(verify, TRUSTED);
        assertEquals("ok", trustedAtVerify.path("verdict").asText(), trustedAtVerify.toString());
        assertEquals("met", trustedAtVerify.path("probe").path("result").asText());
        assertEquals("verified", trustedAtVerify.path("probe").path("grade").asText(), trustedAtVerify.toString());
        assertTrue(verify.json().path("summary").path("wouldFailMessages").asLong() >= 4);

        // The same log, without SSH: a copy read with --log-file judges alike (no probe, so trusted stays unknown)
        Path copy = tmp.resolve("maillog");
        Files.copy(log, copy);
        Result offline = cli("readiness", "--level", "verify", "--log-file", copy.toString(), "--days", "1",
                "--format", "json");
        assertEquals(1, offline.exitCode(), offline.stderr());
        assertEquals("would-fail", destination(offline, UNTRUSTED).path("verdict").asText());
        assertEquals("unknown", destination(offline, TRUSTED).path("verdict").asText(),
                "a trusted chain at level may does not show whether the name matches");
        assertTrue(destination(offline, TRUSTED).path("probe").isNull());
    }

    private Result readiness(String level) {
        long start = System.nanoTime();
        Result result = cli("readiness", "--host", testbed.host(), "--port", testbed.get("ssh.port"), "--user",
                testbed.get("ssh.user"), "--identity", testbed.get("ssh.key"), "--known-hosts",
                testbed.get("ssh.knownHosts"), "--sudo", "--config-dir", configDir, "--level", level, "--days", "1",
                "--format", "json");
        // the figures for the closing note: what a run over SSH with the probe costs on the bed
        System.out.printf("readiness --level %s over SSH: %.1f s, exit %d%n%s%n", level,
                (System.nanoTime() - start) / 1e9, result.exitCode(), result.stdout());
        return result;
    }

    private record Result(int exitCode, JsonNode json, String stdout, String stderr) {
    }

    private static Result cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WizardCli.run(new PrintWriter(out), new PrintWriter(err), args);
        try {
            JsonNode json = out.toString().isBlank() ? null : new ObjectMapper().readTree(out.toString());
            return new Result(code, json, out.toString(), err.toString());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + out + "\n" + err, e);
        }
    }

    private static JsonNode destination(Result result, String domain) {
        assertNotNull(result.json(), result.stderr());
        for (JsonNode d : result.json().path("destinations")) {
            if (d.path("destination").asText().equals(domain)) {
                return d;
            }
        }
        throw new AssertionError(domain + " missing in " + result.stdout());
    }

    private SmtpSink sink(SmtpSink sink) {
        sinks.add(sink);
        return sink;
    }

    private Path bedCertificate() {
        Path p12 = tmp.resolve("trusted.p12");
        openssl("pkcs12", "-export", "-in", testbed.get("tls.cert"), "-certfile", testbed.get("tls.chain"), "-inkey",
                testbed.get("tls.key"), "-out", p12.toString(), "-passout", "pass:changeit");
        return p12;
    }

    private Path selfSignedLocalhost() {
        Path key = tmp.resolve("self.key");
        Path cert = tmp.resolve("self.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost", "-addext",
                "subjectAltName=DNS:localhost", "-keyout", key.toString(), "-out", cert.toString());
        Path p12 = tmp.resolve("self.p12");
        openssl("pkcs12", "-export", "-in", cert.toString(), "-inkey", key.toString(), "-out", p12.toString(),
                "-passout", "pass:changeit");
        return p12;
    }

    private static void openssl(String... args) {
        List<String> argv = new ArrayList<>(List.of("openssl"));
        argv.addAll(List.of(args));
        Run run = run(argv, 60);
        assertEquals(0, run.exitCode(), run.output());
    }

    private void send(String rcpt) throws InterruptedException {
        Run swaks = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            // retried: right after a reload a freshly spawned smtpd may still be starting
            swaks = run(List.of("swaks", "--server", testbed.host(), "--port", testbed.get("smtp.port"), "--from",
                    testbed.get("sasl.user"), "--to", rcpt, "--timeout", "15"), 30);
            if (swaks.output().contains("<-  250 2.0.0 Ok: queued")) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("the bed did not accept mail for " + rcpt + ":\n" + swaks.output());
    }

    private void awaitSent(Path log, long offset, String... recipients) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long nextFlush = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String text = "";
        while (System.nanoTime() < end) {
            byte[] all = Files.readAllBytes(log);
            text = new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset),
                    StandardCharsets.UTF_8);
            String current = text;
            if (java.util.Arrays.stream(recipients).allMatch(r -> current.lines()
                    .anyMatch(l -> l.contains("to=<" + r + ">") && l.contains("status=sent")))) {
                return;
            }
            if (System.nanoTime() > nextFlush) {
                run(List.of("postqueue", "-c", configDir, "-f"), 30);
                nextFlush = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            }
            Thread.sleep(250);
        }
        fail("the deliveries did not show up as sent within 90 s:\n" + text);
    }
}
