package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code verify}: bad input is exit 2 naming the option, nothing written; a closed port is a failed check (exit 1). */
class VerifyCommandTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = WizardCli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--host|mail example.com|--host: 'mail example.com' is not a host name",
        "--smtp-port|70000|--smtp-port: 70000 is not a port; allowed 1..65535, or 0 to skip it",
        "--domain|exa mple|--domain: 'exa mple' is not a domain name",
        "--timeout|0|--timeout: 0 is out of range; allowed 1..300 seconds",
        "--outbound-level|strict|--outbound-level: 'strict' is not a Postfix TLS level",
        "--outbound-level|fingerprint|--outbound-level: 'fingerprint' is not a Postfix TLS level for all destinations; allowed: may, dane, encrypt, dane-only, verify, secure, none",
        "--dns-server|127.0.0.1:99999|--dns-server: '127.0.0.1:99999' is not HOST or HOST:PORT",
        "--hostname|-x|--hostname: '-x' is not a host name",
    })
    void badValuesExitTwoNamingTheOption(String option, String value, String message) throws Exception {
        Path report = dir.resolve("report.json");
        String[] args = option.equals("--host")
                ? new String[] {"verify", "--host", value, "--out", report.toString()}
                : new String[] {"verify", "--host", "127.0.0.1", option, value, "--out", report.toString()};
        assertEquals(2, run(args), out + err);
        assertTrue(err.contains(message), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(Files.exists(report), "nothing is written on bad input");
    }

    @Test
    void serverOptionsNeedLocalServerAndAllPortsZeroIsRefused() {
        assertEquals(2, run("verify", "--host", "127.0.0.1", "--log-file", "/var/log/mail.log"));
        assertTrue(err.contains("need --local-server"), err);
        assertEquals(2, run("verify", "--host", "127.0.0.1", "--smtp-port", "0", "--submission-port", "0", "--submissions-port", "0"));
        assertTrue(err.contains("at least one port must be probed"), err);
        assertEquals(2, run("verify", "--host", "127.0.0.1", "--expect-cert", dir.resolve("missing.pem").toString()));
        assertTrue(err.contains("missing.pem"), err);
        assertEquals(2, run("verify", "--host", "127.0.0.1", "--format", "pdf"));
        assertTrue(err.contains("--format"), err);
    }

    @Test
    void twoExpectedCertificatesOfOneAlgorithmAreRefusedBeforeAnyProbe() throws Exception {
        var ca = org.postfixtls.wizard.testsupport.TestPki.rootCa("CLI CA",
                org.postfixtls.wizard.testsupport.TestPki.Algorithm.RSA);
        Path first = Files.write(dir.resolve("rsa1.pem"), org.postfixtls.wizard.testsupport.TestPki.pem(
                org.postfixtls.wizard.testsupport.TestPki.leaf("mail.example.com",
                        org.postfixtls.wizard.testsupport.TestPki.Algorithm.RSA, ca).certificate()));
        Path second = Files.write(dir.resolve("rsa2.pem"), org.postfixtls.wizard.testsupport.TestPki.pem(
                org.postfixtls.wizard.testsupport.TestPki.leaf("mail.example.com",
                        org.postfixtls.wizard.testsupport.TestPki.Algorithm.RSA, ca).certificate()));
        assertEquals(2, run("verify", "--host", "127.0.0.1", "--expect-cert", first.toString(), "--expect-cert",
                second.toString()));
        assertTrue(err.contains("both certificates are RSA") && err.contains("one RSA and one ECDSA"), err);
    }

    @Test
    void closedPortIsAFailedCheckInTheJsonContract() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertEquals(1, run("verify", "--host", "127.0.0.1", "--smtp-port", Integer.toString(closed), "--submission-port", "0",
                "--submissions-port", "0", "--format", "json", "--timeout", "2"));
        JsonNode json = new ObjectMapper().readTree(out);
        JsonNode port = json.get("ports").get(0);
        assertEquals(closed, port.get("port").asInt());
        assertEquals("starttls", port.get("mode").asText());
        assertFalse(port.get("reachable").asBoolean());
        assertFalse(port.get("tls").asBoolean());
        assertTrue(port.get("protocols").get("TLSv1.3").isNull(), "not probed is null, never false: " + port);
        JsonNode first = json.get("checks").get(0);
        assertEquals("port-reachable", first.get("id").asText());
        assertEquals(closed, first.get("port").asInt());
        assertEquals("fail", first.get("status").asText());
        assertTrue(first.get("detail").asText().contains("connection refused"));
    }

    @Test
    void markdownAndHtmlReportsCarryEveryCheckAndEscapeServerText() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        Path md = dir.resolve("report.md");
        assertEquals(1, run("verify", "--host", "127.0.0.1", "--smtp-port", Integer.toString(closed), "--submission-port", "0",
                "--submissions-port", "0", "--format", "md", "--out", md.toString(), "--timeout", "2"));
        assertTrue(out.contains("report written to " + md + " (fail)"), out);
        String markdown = Files.readString(md);
        assertTrue(markdown.startsWith("# TLS verification of 127.0.0.1"), markdown);
        assertTrue(markdown.contains("| fail | `port-reachable` | " + closed + " |"), markdown);
        assertTrue(markdown.contains("| fail | `done-submission-tls` |") || markdown.contains("`done-submission-tls`"), markdown);

        Path html = dir.resolve("report.html");
        assertEquals(1, run("verify", "--host", "127.0.0.1", "--smtp-port", Integer.toString(closed), "--submission-port", "0",
                "--submissions-port", "0", "--format", "html", "--out", html.toString(), "--timeout", "2"));
        String page = Files.readString(html);
        assertTrue(page.contains("<td><code>port-reachable</code></td><td>" + closed + "</td>"), page);
        assertFalse(page.contains("<script") || page.contains("src=") || page.contains("href="), "self-contained");
        assertEquals("&lt;b&gt;&amp;&quot;", org.postfixtls.wizard.app.verify.ReportHtml.escape("<b>&\""));
    }
}
