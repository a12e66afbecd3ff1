package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedCli;
import org.postfixtls.wizard.testsupport.TestbedCli.Run;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * Issue 16: every preset deploys through the real CLI, verifies green with the bed's CA, and rolls back byte for
 * byte on every Postfix the test beds run: 3.5 (Debian 11, OpenSSL 1.1.1), 3.7 (Debian 12, OpenSSL 3.0) and 3.10
 * (Debian 13, OpenSSL 3.5). The deployed configuration is judged by the bed's own programs: its {@code postconf -n}
 * prints no warning (3.9+ warns about obsolete parameters) and its {@code postfix check} is silent; real clients
 * ({@code openssl s_client}, {@code swaks}) prove the submission port.
 */
class MatrixDeployIT {

    /** On the server (inside a matrix bed's chroot). */
    private static final String STATE_ROOT = "/var/lib/pftw-testbed-matrix-it";
    private static final String HOSTNAME = "mail.testbed.example";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static Stream<Arguments> bedsAndPresets() {
        return Testbed.selectedBeds().stream().flatMap(bed -> Stream.of(Preset.values()).map(p -> Arguments.of(bed, p.jsonName())));
    }

    @ParameterizedTest(name = "Postfix {0}, {1}")
    @MethodSource("bedsAndPresets")
    void thePresetDeploysVerifiesGreenWithTheBedsCaPassesTheBedsOwnChecksAndRollsBackByteForByte(String bed,
            String preset) throws Exception {
        Testbed testbed = Testbed.require(bed);
        TestbedCli cli = new TestbedCli(testbed, STATE_ROOT, dir.resolve("journal.jsonl"));
        cli.clean();
        boolean rolledBack = false;
        try {
            String conf = testbed.get("postfix.configDir");
            Path hostConf = testbed.hostPath(conf);
            LiveFiles baseline = LiveFiles.of(hostConf);

            Run deploy = cli.remote("deploy", "--profile", profile(testbed, preset).toString(), "--format", "json");
            assertEquals(0, deploy.exit(), deploy.all());
            assertEquals("deployed", JSON.readTree(deploy.out()).get("outcome").asText(), deploy.out());

            Tools.Output warnings = Tools.run(testbed.onServer("sh", "-c",
                    "postconf -c \"$1\" -n 2>&1 >/dev/null", "postconf", conf), "", 60);
            assertEquals(0, warnings.exitCode(), warnings.text());
            assertEquals("", warnings.text(), "Postfix " + testbed.get("postfix.version")
                    + "'s own postconf -n warns about the deployed main.cf");
            if (testbed.bed().equals("3.10")) {
                // Postfix >= 3.6 resolves smtp/submission/submissions itself: without the bed's known_tcp_ports
                // line the chroot's Postfix would bind this machine's real 25/587/465
                Tools.Output known = Tools.run(testbed.onServer("postconf", "-c", conf, "-h", "known_tcp_ports"), "",
                        60);
                assertTrue(known.text().contains("smtp=" + testbed.get("smtp.port")), "the deploy kept the bed's"
                        + " known_tcp_ports: " + known.text());
            }
            Tools.Output check = Tools.run(testbed.onServer("postfix", "-c", conf, "check"), "", 60);
            assertEquals(0, check.exitCode(), check.text());
            assertEquals("", check.text(), "postfix check of Postfix " + testbed.get("postfix.version"));

            Run verify = TestbedCli.run("verify", "--host", testbed.host(), "--smtp-port", testbed.get("smtp.port"),
                    "--submission-port", testbed.get("submission.port"), "--submissions-port",
                    testbed.get("submissions.port"), "--ca-file", hostFile(testbed, "tls.ca"), "--hostname", HOSTNAME,
                    "--expect-cert", hostFile(testbed, "tls.cert"), "--format", "json");
            JsonNode report = JSON.readTree(verify.out());
            assertEquals(0, verify.exit(), "verify is not green on Postfix " + testbed.get("postfix.version") + ": "
                    + verify.all());
            assertEquals("pass", report.get("status").asText(), verify.out());

            Tools.Output starttls = Tools.run(List.of("openssl", "s_client", "-connect", testbed.host() + ":"
                    + testbed.get("submission.port"), "-starttls", "smtp", "-CAfile", hostFile(testbed, "tls.ca"),
                    "-verify_hostname", HOSTNAME, "-brief"), "QUIT\r\n", 30);
            assertTrue(starttls.exitCode() == 0 && starttls.text().contains("Verification: OK"), starttls.text());
            Tools.Output mail = Tools.run(List.of("swaks", "--server", testbed.host() + ":"
                    + testbed.get("submission.port"), "--tls", "--tls-ca-path", hostFile(testbed, "tls.ca"),
                    "--tls-verify", "--auth", "PLAIN", "--auth-user", testbed.get("sasl.user"), "--auth-password",
                    testbed.get("sasl.password"), "--to", testbed.get("sasl.user"), "--from", testbed.get("sasl.user"),
                    "--timeout", "20"), "", 60);
            assertTrue(mail.exitCode() == 0 && mail.text().contains("235 ") && mail.text().contains("250 2.0.0 Ok"),
                    mail.text());

            Run rollback = cli.remote("rollback");
            assertEquals(0, rollback.exit(), rollback.all());
            assertEquals(baseline, LiveFiles.of(hostConf), "rolled back byte for byte on Postfix "
                    + testbed.get("postfix.version"));
            rolledBack = true;
        } finally {
            cli.finish(rolledBack);
        }
    }

    private static String hostFile(Testbed testbed, String key) {
        return testbed.hostPath(testbed.get(key)).toString();
    }

    private Path profile(Testbed testbed, String preset) throws Exception {
        return Files.writeString(dir.resolve(preset + ".json"), """
                { "schema": 1, "hardening": { "preset": "%s" },
                  "certificate": { "chainFile": "%s", "keyFile": "%s" },
                  "submission": { "starttls": { "enabled": true, "port": %s },
                                  "implicitTls": { "enabled": true, "port": %s } } }
                """.formatted(preset, testbed.get("tls.fullchain"), testbed.get("tls.key"),
                testbed.get("submission.port"), testbed.get("submissions.port")));
    }
}
