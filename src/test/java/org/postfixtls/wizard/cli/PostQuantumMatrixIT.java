package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedCli;
import org.postfixtls.wizard.testsupport.TestbedCli.Run;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * Issue 16 section 3, decision 0067: on the 3.10 bed (OpenSSL 3.5) the wizard's post-quantum option deploys,
 * {@code verify} then passes pq-key-exchange on every port, and the bed's own {@code openssl s_client -groups
 * X25519MLKEM768} agrees; the rollback restores the files byte for byte. On 3.5 and 3.7 the planner refuses the
 * option (naming what it needs) and verify reports the group as not offered.
 */
class PostQuantumMatrixIT {

    private static final String STATE_ROOT = "/var/lib/pftw-testbed-matrix-it";
    private static final String GROUP = "X25519MLKEM768";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void onPostfix310TheOptionDeploysVerifyPassesAndTheBedsOpensslAgrees() throws Exception {
        Testbed testbed = Testbed.require("3.10");
        TestbedCli cli = new TestbedCli(testbed, STATE_ROOT, dir.resolve("journal.jsonl"));
        cli.clean();
        boolean rolledBack = false;
        try {
            String conf = testbed.get("postfix.configDir");
            Path hostConf = testbed.hostPath(conf);
            LiveFiles baseline = LiveFiles.of(hostConf);

            Run deploy = cli.remote("deploy", "--profile", profile(testbed).toString(), "--format", "json");
            assertEquals(0, deploy.exit(), deploy.all());
            assertEquals("deployed", JSON.readTree(deploy.out()).get("outcome").asText(), deploy.out());

            Tools.Output curves = Tools.run(testbed.onServer("postconf", "-c", conf, "-h", "tls_eecdh_auto_curves"),
                    "", 60);
            assertTrue(curves.text().strip().startsWith(GROUP + " "), curves.text());
            Tools.Output warnings = Tools.run(testbed.onServer("sh", "-c",
                    "postconf -c \"$1\" -n 2>&1 >/dev/null", "postconf", conf), "", 60);
            assertEquals("", warnings.text(), "Postfix 3.10's postconf -n warns about the planned main.cf");

            Map<String, String> pq = pqChecks(verify(testbed, true));
            assertEquals(Map.of(testbed.get("smtp.port"), "pass", testbed.get("submission.port"), "pass",
                    testbed.get("submissions.port"), "pass"), pq);

            // the bed's own OpenSSL 3.5, inside the chroot, offering only the post-quantum group
            Tools.Output implicit = Tools.run(testbed.onServer("openssl", "s_client", "-connect", "127.0.0.1:"
                    + testbed.get("submissions.port"), "-groups", GROUP, "-brief"), "QUIT\r\n", 30);
            assertTrue(implicit.text().contains("group: " + GROUP), implicit.text());
            Tools.Output starttls = Tools.run(testbed.onServer("openssl", "s_client", "-connect", "127.0.0.1:"
                    + testbed.get("submission.port"), "-starttls", "smtp", "-groups", GROUP, "-brief"), "QUIT\r\n", 30);
            assertTrue(starttls.text().contains("group: " + GROUP), starttls.text());

            Run rollback = cli.remote("rollback");
            assertEquals(0, rollback.exit(), rollback.all());
            assertEquals(baseline, LiveFiles.of(hostConf), "rolled back byte for byte");
            rolledBack = true;
        } finally {
            cli.finish(rolledBack);
        }
    }

    @ParameterizedTest(name = "Postfix {0}")
    @ValueSource(strings = {"3.5", "3.7"})
    void onOlderBedsThePlannerRefusesTheOptionAndVerifyReportsItNotOffered(String bed) throws Exception {
        Testbed testbed = Testbed.require(bed);
        TestbedCli cli = new TestbedCli(testbed, STATE_ROOT, dir.resolve("journal.jsonl"));
        cli.clean();
        boolean rolledBack = false;
        try {
            String conf = testbed.get("postfix.configDir");
            Path hostConf = testbed.hostPath(conf);
            LiveFiles baseline = LiveFiles.of(hostConf);
            String openssl = Tools.run(testbed.onServer("openssl", "version"), "", 30).text().strip();
            Run plan = TestbedCli.run(List.of("plan", "--profile", profile(testbed).toString(), "--config-dir",
                    hostConf.toString(), "--postfix-version", testbed.get("postfix.version"), "--openssl-version",
                    openssl));
            assertEquals(0, plan.exit(), plan.all());
            assertTrue(plan.out().contains("Post-quantum hybrid key exchange is not applied: Needs Postfix 3.10 or"
                    + " later with OpenSSL 3.5 or later; this server has Postfix " + bed), plan.out());

            Run deploy = cli.remote("deploy", "--profile", profile(testbed).toString(), "--format", "json");
            assertEquals(0, deploy.exit(), deploy.all());
            Tools.Output curves = Tools.run(testbed.onServer("postconf", "-c", conf, "-h", "tls_eecdh_auto_curves"),
                    "", 60);
            assertTrue(!curves.text().contains(GROUP), curves.text());

            Map<String, String> details = pqDetails(verify(testbed, false));
            assertEquals(3, details.size(), details.toString());
            details.forEach((port, text) -> assertTrue(text.startsWith("skipped not offered"), port + ": " + text));
            assertEquals(Map.of(testbed.get("smtp.port"), "fail", testbed.get("submission.port"), "fail",
                    testbed.get("submissions.port"), "fail"), pqChecks(verify(testbed, true)),
                    "chosen but not offered is a failure");

            Run rollback = cli.remote("rollback");
            assertEquals(0, rollback.exit(), rollback.all());
            assertEquals(baseline, LiveFiles.of(hostConf), "rolled back byte for byte");
            rolledBack = true;
        } finally {
            cli.finish(rolledBack);
        }
    }

    private static JsonNode verify(Testbed testbed, boolean expectPq) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify", "--host", testbed.host(), "--smtp-port",
                testbed.get("smtp.port"), "--submission-port", testbed.get("submission.port"), "--submissions-port",
                testbed.get("submissions.port"), "--format", "json"));
        if (expectPq) {
            args.add("--expect-pq");
        }
        Run run = TestbedCli.run(args);
        return JSON.readTree(run.out());
    }

    /** Port → status of its pq-key-exchange check. */
    private static Map<String, String> pqChecks(JsonNode report) {
        Map<String, String> statuses = new TreeMap<>();
        pqDetails(report).forEach((port, text) -> statuses.put(port, text.split(" ", 2)[0]));
        return statuses;
    }

    /** Port → "status detail" of its pq-key-exchange check. */
    private static Map<String, String> pqDetails(JsonNode report) {
        Map<String, String> found = new TreeMap<>();
        for (JsonNode check : report.get("checks")) {
            if (check.get("id").asText().equals("pq-key-exchange")) {
                found.put(check.get("port").asText(), check.get("status").asText() + " "
                        + check.get("detail").asText());
            }
        }
        return found;
    }

    private Path profile(Testbed testbed) throws Exception {
        return Files.writeString(dir.resolve("pq.json"), """
                { "schema": 1, "hardening": { "preset": "recommended", "pqKeyExchange": true },
                  "certificate": { "chainFile": "%s", "keyFile": "%s" },
                  "submission": { "starttls": { "enabled": true, "port": %s },
                                  "implicitTls": { "enabled": true, "port": %s } } }
                """.formatted(testbed.get("tls.fullchain"), testbed.get("tls.key"), testbed.get("submission.port"),
                testbed.get("submissions.port")));
    }
}
