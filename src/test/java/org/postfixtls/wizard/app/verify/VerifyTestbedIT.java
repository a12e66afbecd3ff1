package org.postfixtls.wizard.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.adapter.local.LocalFiles;
import org.postfixtls.wizard.adapter.local.LocalServerCommands;
import org.postfixtls.wizard.adapter.net.SmtpProber;
import org.postfixtls.wizard.cli.WizardCli;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import org.postfixtls.wizard.domain.cert.FindingId;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.cert.TrustAnchors;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.CheckIds;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortMode;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.testsupport.Testbed;

/**
 * The verifier against the real test bed, after deploying the runbook's configuration and a deliberately weak one,
 * each time held against openssl s_client and swaks run on the same ports in the same test.
 */
class VerifyTestbedIT {

    private Testbed testbed;
    private TestbedPostfix postfix;
    private long logOffset;

    @BeforeEach
    void resetBefore() {
        testbed = Testbed.require();
        Testbed.requireCommand("openssl");
        Testbed.requireCommand("swaks");
        postfix = new TestbedPostfix(testbed);
        postfix.reset();
        try {
            logOffset = Files.size(Path.of(testbed.get("postfix.maillog")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared mail log since this test began: other tests' deliveries must not count here. */
    private MailLogReader logSinceStart() {
        return maxBytes -> {
            try {
                byte[] all = Files.readAllBytes(Path.of(testbed.get("postfix.maillog")));
                int from = (int) Math.min(logOffset, all.length);
                return new String(all, from, all.length - from, java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new ServerCommandException("cannot read the mail log: " + e.getMessage(), e);
            }
        };
    }

    @AfterEach
    void resetAfter() {
        if (postfix != null) {
            postfix.reset();
        }
    }

    private VerificationReport verify() throws Exception {
        String host = testbed.host();
        TrustAnchors ca = TrustAnchors.fromPemBundle(LocalFiles.read(Path.of(testbed.get("tls.ca")), InputLimits.MAX_CA_BUNDLE_BYTES, "CA"));
        String chosen = CertificateInspector.parseChain(LocalFiles.read(Path.of(testbed.get("tls.fullchain")),
                InputLimits.MAX_PEM_BYTES, "chain")).get(0).sha256Fingerprint();
        VerificationRequest request = new VerificationRequest(host, List.of(
                new PortTarget(host, testbed.port("smtp.port"), PortRole.SMTP),
                new PortTarget(host, testbed.port("submission.port"), PortRole.SUBMISSION),
                new PortTarget(host, testbed.port("submissions.port"), PortRole.SUBMISSIONS)),
                new PortExpectations(Optional.of(ca), Optional.of(chosen), List.of(), Duration.ofDays(21)),
                Optional.empty(),
                Optional.of(new ServerSideRequest(Optional.of(postfix.configDir), "may",
                        Optional.of("[" + host + "]:" + testbed.port("smtp.port")), Optional.of(testbed.get("tls.ca")))),
                ProbeTimeouts.DEFAULT);
        LocalServerCommands commands = new LocalServerCommands();
        VerificationEngine engine = new VerificationEngine(new SmtpProber(), Optional.empty(),
                Optional.of(new ServerInspector(commands, Optional.of(logSinceStart()))),
                Clock.systemUTC());
        return engine.verify(request);
    }

    private static Check check(PortResult port, String id) {
        return port.checks().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("port " + port.target().port() + " has no check " + id + ": " + port.checks()));
    }

    /** Every port: protocol versions, served chain and AUTH before/after TLS as openssl and swaks see them. */
    private void assertAgreesWithOpensslAndSwaks(VerificationReport report) throws Exception {
        for (PortResult port : report.ports()) {
            boolean starttls = port.target().mode() == PortMode.STARTTLS;
            String where = "port " + port.target().port() + " ";
            for (TlsVersion version : TlsVersion.values()) {
                boolean openssl = ReferenceTools.opensslAccepts(testbed.host(), port.target().port(), starttls, version);
                assertEquals(openssl, port.protocols().get(version), where + version.label() + " (openssl says " + openssl + "; we saw "
                        + port.observation().protocols().get(version) + ")");
            }
            List<String> opensslChain = ReferenceTools.opensslChain(testbed.host(), port.target().port(), starttls);
            assertEquals(opensslChain.get(0), port.certificateSha256().orElseThrow(), where + "leaf");
            assertEquals(opensslChain.size(), port.certificate().orElseThrow().certificates().size(), where + "chain length");
            String swaks = ReferenceTools.swaksEhlo(testbed.host(), port.target().port(), !starttls);
            assertEquals(ReferenceTools.swaksSawAuth(swaks, true), port.authAfterTls().orElseThrow(), where + "AUTH after TLS\n" + swaks);
            if (starttls) {
                assertEquals(ReferenceTools.swaksSawAuth(swaks, false), port.authBeforeTls().orElseThrow(), where + "AUTH before TLS\n" + swaks);
            }
        }
    }

    @Test
    void runbookConfigurationPassesEveryCheckAndAgreesWithOpensslAndSwaks() throws Exception {
        postfix.deployRunbook();
        VerificationReport report = verify();

        assertAgreesWithOpensslAndSwaks(report);
        // Outbound log lines depend on what the shared test bed delivered meanwhile (opportunistic plaintext is a
        // warning by design); everything else must pass.
        List<String> outboundLog = List.of(CheckIds.OUTBOUND_LOG, CheckIds.DONE_OUTBOUND);
        List<Check> notPassed = report.checks().stream()
                .filter(c -> c.status() == CheckStatus.FAIL || (c.status() == CheckStatus.WARN && !outboundLog.contains(c.id())))
                .toList();
        assertEquals(List.of(), notPassed);
        PortResult submission = report.ports().get(1);
        assertEquals(CheckStatus.PASS, check(submission, CheckIds.TLS_REQUIRED).status());
        assertTrue(check(submission, CheckIds.TLS_REQUIRED).evidence().get(0).contains("530"));
        String swaksMail = ReferenceTools.swaksMailWithoutTls(testbed.host(), submission.target().port());
        assertTrue(swaksMail.contains("<** 530"), swaksMail);
        for (PortResult port : report.ports()) {
            assertEquals(Optional.of("TLSv1.3"), port.protocol(), "port " + port.target().port());
            assertEquals(Boolean.FALSE, port.protocols().get(TlsVersion.TLS_1_0));
            assertEquals(CheckStatus.PASS, check(port, CheckIds.CERTIFICATE_EXPECTED).status());
            assertEquals(CheckStatus.PASS, check(port, CheckIds.CERTIFICATE_VALID).status());
            assertEquals(CheckStatus.PASS, check(port, CheckIds.weakCipher(org.postfixtls.wizard.domain.verify.WeakCipherClass.ANONYMOUS)).status());
        }
        assertTrue(report.checklist().stream().filter(c -> !c.id().equals(CheckIds.DONE_OUTBOUND))
                .allMatch(c -> c.status() == CheckStatus.PASS), report.checklist().toString());
        assertTrue(report.configHash().orElseThrow().matches("[0-9a-f]{64}"));
    }

    @Test
    void weakConfigurationReportsEachProblemAsFailAndAgreesWithOpensslAndSwaks() throws Exception {
        postfix.deployWeak();
        assertTrue(ReferenceTools.opensslAccepts(testbed.host(), testbed.port("smtp.port"), true, TlsVersion.TLS_1_0),
                "the weak configuration must really accept TLS 1.0");
        VerificationReport report = verify();

        assertAgreesWithOpensslAndSwaks(report);
        PortResult smtp = report.ports().get(0);
        PortResult submission = report.ports().get(1);
        assertEquals(CheckStatus.FAIL, check(submission, CheckIds.AUTH_ONLY_AFTER_TLS).status(), "AUTH offered without TLS");
        assertEquals(CheckStatus.FAIL, check(submission, CheckIds.TLS_REQUIRED).status(), "MAIL FROM accepted before STARTTLS");
        String swaksMail = ReferenceTools.swaksMailWithoutTls(testbed.host(), submission.target().port());
        assertTrue(swaksMail.contains("<-  250"), "swaks also gets MAIL FROM accepted without TLS:\n" + swaksMail);
        for (PortResult port : report.ports()) {
            // decision 0047: old TLS where TLS is mandatory fails; on the opportunistic MX port it beats plaintext
            assertEquals(port.target().role().tlsRequired() ? CheckStatus.FAIL : CheckStatus.PASS,
                    check(port, CheckIds.protocol(TlsVersion.TLS_1_0)).status(), "TLS 1.0 on " + port.target());
            assertEquals(CheckStatus.FAIL, check(port, FindingId.CHAIN_INCOMPLETE.id()).status(), "leaf-only on " + port.target());
            assertEquals(CheckStatus.PASS, check(port, CheckIds.CERTIFICATE_EXPECTED).status(), "same leaf as fullchain's");
        }
        assertEquals(CheckStatus.FAIL, check(smtp, CheckIds.AUTH_ONLY_AFTER_TLS).status());
        assertTrue(report.checklist().stream().filter(c -> c.id().equals(CheckIds.DONE_SUBMISSION))
                .allMatch(c -> c.status() == CheckStatus.FAIL));
        assertTrue(report.checklist().stream().filter(c -> c.id().equals(CheckIds.DONE_CERTIFICATE))
                .allMatch(c -> c.status() == CheckStatus.FAIL && c.fix().orElseThrow().contains("fullchain.pem")));
        assertTrue(report.anyFailed());
    }

    @Test
    void cliVerifyJsonOnTheRunbookConfigurationExitsZeroAndOnTheBaselineOne() throws Exception {
        String host = testbed.host();
        String[] args = {"verify", "--host", host, "--smtp-port", testbed.get("smtp.port"),
                "--submission-port", testbed.get("submission.port"), "--submissions-port", testbed.get("submissions.port"),
                "--ca-file", testbed.get("tls.ca"), "--expect-cert", testbed.get("tls.fullchain"), "--format", "json",
                "--local-server", "--config-dir", postfix.configDir, "--log-file", testbed.get("postfix.maillog")};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int baseline = WizardCli.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(1, baseline, "the baseline has no submission ports and AUTH in clear: " + err);
        JsonNode baselineJson = new ObjectMapper().readTree(out.toString());
        assertFalse(baselineJson.get("ports").get(1).get("reachable").asBoolean());

        postfix.deployRunbook();
        out = new StringWriter();
        int deployed = WizardCli.run(new PrintWriter(out), new PrintWriter(err), args);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals(0, deployed, out.toString());
        JsonNode submissions = json.get("ports").get(2);
        assertEquals(testbed.port("submissions.port"), submissions.get("port").asInt());
        assertEquals("implicit", submissions.get("mode").asText());
        assertTrue(submissions.get("reachable").asBoolean());
        assertTrue(submissions.get("tls").asBoolean());
        assertFalse(submissions.get("protocols").get("TLSv1").asBoolean());
        assertFalse(submissions.get("protocols").get("TLSv1.1").asBoolean());
        assertTrue(submissions.get("protocols").get("TLSv1.2").asBoolean());
        assertTrue(submissions.get("protocols").get("TLSv1.3").asBoolean());
        assertFalse(submissions.get("authBeforeTls").asBoolean());
        assertTrue(submissions.get("authAfterTls").asBoolean());
        assertTrue(submissions.get("cipher").asText().startsWith("TLS_"));
        assertEquals(ReferenceTools.opensslChain(host, testbed.port("submissions.port"), false).get(0),
                submissions.get("certificateSha256").asText());
        for (JsonNode check : json.get("checks")) {
            assertTrue(check.has("id") && check.has("port") && check.has("status") && check.has("detail"), check.toString());
            assertTrue(List.of("pass", "warn", "fail", "skipped").contains(check.get("status").asText()));
        }

        Path html = Files.createTempFile("verify", ".html");
        List<String> htmlArgs = new java.util.ArrayList<>(List.of(args));
        htmlArgs.set(htmlArgs.indexOf("json"), "html");
        htmlArgs.addAll(List.of("--out", html.toString()));
        assertEquals(0, WizardCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), htmlArgs.toArray(String[]::new)));
        String page = Files.readString(html);
        assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains(json.get("configHash").asText())
                && !page.contains("<script") && !page.contains("http://") && !page.contains("https://"));
        Files.delete(html);
    }
}
