package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code readiness --log-file} on real test-bed lines: the JSON contract, exit codes, bad input. */
class ReadinessCommandTest {

    @TempDir
    Path tmp;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WizardCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** The real loop lines, re-stamped to now so they fall in the --days window. */
    private Path realLog() throws Exception {
        try (InputStream in = getClass().getResourceAsStream(
                "/org/postfixtls/wizard/domain/readiness/testbed-3.7-loop.maillog")) {
            String stamp = java.time.format.DateTimeFormatter.ofPattern("MMM dd HH:mm:ss", java.util.Locale.ENGLISH)
                    .format(java.time.LocalDateTime.now().minusMinutes(5));
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(l -> stamp + l.substring(15)).reduce("", (a, b) -> a + b + "\n");
            Path log = tmp.resolve("maillog");
            Files.writeString(log, text);
            return log;
        }
    }

    @Test
    void jsonContractAndExitOneWhenSomethingWouldFail() throws Exception {
        Run run = cli("readiness", "--level", "encrypt", "--log-file", realLog().toString(), "--format", "json");
        assertEquals(1, run.exitCode(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(2, doc.path("summary").path("messages").asInt());
        assertEquals(1, doc.path("summary").path("wouldFailMessages").asInt());
        assertEquals(1, doc.path("summary").path("wouldFailDestinations").asInt());
        JsonNode plain = null;
        JsonNode tls = null;
        for (JsonNode d : doc.path("destinations")) {
            if (d.path("destination").asText().equals("plain.loop.test")) {
                plain = d;
            } else if (d.path("destination").asText().equals("tls.loop.test")) {
                tls = d;
            }
        }
        assertEquals("would-fail", plain.path("verdict").asText());
        assertEquals("none", plain.path("tls").path("grade").asText());
        assertEquals("plain.loop.test may", plain.path("suggestion").asText());
        assertEquals("localhost[127.0.0.1]:2525", plain.path("nexthop").asText());
        assertTrue(plain.path("probe").isNull());
        assertEquals("ok", tls.path("verdict").asText());
        assertEquals("untrusted", tls.path("tls").path("grade").asText());
        assertEquals("TLSv1.3", tls.path("tls").path("protocol").asText());
        assertEquals("TLS_AES_256_GCM_SHA384", tls.path("tls").path("cipher").asText());
        assertEquals(1, tls.path("messages").asInt());
        assertTrue(tls.path("lastSeen").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), tls.path("lastSeen").asText());
        assertTrue(tls.path("suggestion").isNull());
        assertTrue(tls.has("reason"));
    }

    @Test
    void exitZeroWhenThePolicyTableKeepsEverythingFlowing() throws Exception {
        Path profile = tmp.resolve("p.json");
        Files.writeString(profile, "{\"schema\": 1, \"policies\": ["
                + "{\"destination\": \"plain.loop.test\", \"level\": \"may\"}]}");
        Run run = cli("readiness", "--level", "encrypt", "--profile", profile.toString(), "--log-file",
                realLog().toString());
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("Nothing would fail"), run.out());
        assertTrue(run.out().contains("from the policy entry 'plain.loop.test may'"), run.out());
    }

    @Test
    void badInputIsExitTwoNamingTheOption() throws Exception {
        String log = realLog().toString();
        Run level = cli("readiness", "--level", "may", "--log-file", log);
        assertEquals(2, level.exitCode());
        assertTrue(level.err().contains("--level: 'may' is not allowed"), level.err());
        Run nowhere = cli("readiness", "--level", "encrypt");
        assertEquals(2, nowhere.exitCode());
        assertTrue(nowhere.err().contains("--log-file"), nowhere.err());
        Run days = cli("readiness", "--level", "encrypt", "--days", "0", "--log-file", log);
        assertEquals(2, days.exitCode());
        assertTrue(days.err().contains("--days: 0 is not allowed"), days.err());
        Run missing = cli("readiness", "--level", "encrypt", "--log-file", tmp.resolve("nope").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("--log-file:"), missing.err());
        Run hostOnly = cli("readiness", "--level", "encrypt", "--host", "mx.example");
        assertEquals(2, hostOnly.exitCode(), "the connection group needs --user too");
    }
}
