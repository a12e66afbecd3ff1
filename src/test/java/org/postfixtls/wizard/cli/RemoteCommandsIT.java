package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedCli;
import org.postfixtls.wizard.testsupport.TestbedCli.Run;

/** discover, deploy, rollback and history through the real CLI against the test bed; exit codes 0/1/2. */
class RemoteCommandsIT {

    private static final String STATE_ROOT = "/var/lib/pftw-testbed-cli-it";
    private Testbed testbed;
    private TestbedCli cli;
    @TempDir
    Path dir;

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        cli = new TestbedCli(testbed, STATE_ROOT, dir.resolve("journal.jsonl"));
        cli.clean();
    }

    @AfterEach
    void restore() throws Exception {
        if (cli != null) {
            cli.clean();
        }
    }

    private Path profile(String chain, String key) throws Exception {
        Path file = dir.resolve("p-" + System.nanoTime() + ".json");
        Files.writeString(file, """
                { "schema": 1, "hardening": { "preset": "runbook" },
                  "certificate": { "chainFile": "%s", "keyFile": "%s" },
                  "submission": { "starttls": { "port": 2587 }, "implicitTls": { "port": 2465 } } }
                """.formatted(chain, key));
        return file;
    }

    @Test
    void discoverPrintsJsonAndAnUnknownHostKeyIsRefusedWithExit2UntilItsFingerprintIsAccepted() throws Exception {
        Run discover = cli.remote("discover", "--format", "json");
        assertEquals(0, discover.exit(), discover.err());
        JsonNode facts = new ObjectMapper().readTree(discover.out());
        assertEquals(testbed.get("postfix.version"), facts.get("postfixVersion").asText());
        assertEquals("dovecot", facts.get("sasl").get("type").asText());

        Path empty = dir.resolve("known_hosts");
        Run refused = cli.remote("discover", "--known-hosts", empty.toString());
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("SHA256:") && refused.err().contains("--accept-host-key"), refused.err());
        String fingerprint = refused.err().replaceAll("(?s).*?(SHA256:[A-Za-z0-9+/]{43}).*", "$1");
        Run accepted = cli.remote("discover", "--known-hosts", empty.toString(), "--accept-host-key", fingerprint);
        assertEquals(0, accepted.exit(), accepted.err());
        assertTrue(Files.readString(empty).contains("]:" + testbed.get("ssh.port") + " "));

        Run badFingerprint = cli.remote("discover", "--accept-host-key", "MD5:aa");
        assertEquals(2, badFingerprint.exit());
        assertTrue(badFingerprint.err().contains("--accept-host-key"), badFingerprint.err());
    }

    @Test
    void dryRunDeployNoChangesHistoryRollbackAndFailureExitCodes() throws Exception {
        Path conf = Path.of(testbed.get("postfix.configDir"));
        LiveFiles baseline = LiveFiles.of(conf);
        Path good = profile(testbed.get("tls.fullchain"), testbed.get("tls.key"));

        Run dry = cli.remote("deploy", "--profile", good.toString(), "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("+smtpd_tls_auth_only = yes") || dry.out().contains("smtpd_tls_auth_only"),
                dry.out());
        assertEquals(baseline, LiveFiles.of(conf), "dry run changes nothing");

        Run deploy = cli.remote("deploy", "--profile", good.toString(), "--format", "json");
        assertEquals(0, deploy.exit(), deploy.out() + deploy.err());
        JsonNode report = new ObjectMapper().readTree(deploy.out());
        assertEquals("deployed", report.get("outcome").asText());
        assertEquals(1, report.get("sshConnections").asInt());
        String id = report.get("deployId").asText();

        Run again = cli.remote("deploy", "--profile", good.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("no changes"), again.out());

        Run mismatch = cli.remote("deploy", "--profile", profile(testbed.get("tls.fullchain"),
                testbed.get("tls.snakeoilKey")).toString());
        assertEquals(1, mismatch.exit(), mismatch.out());
        assertTrue(mismatch.err().contains("nothing was changed") && mismatch.err().contains("does not match"),
                mismatch.err());

        Run history = cli.remote("history", "--format", "json");
        assertEquals(0, history.exit(), history.err());
        JsonNode records = new ObjectMapper().readTree(history.out());
        assertEquals(id, records.get(0).get("id").asText());
        assertEquals("committed", records.get(0).get("state").asText());

        Run rollback = cli.remote("rollback");
        assertEquals(0, rollback.exit(), rollback.out() + rollback.err());
        assertEquals(baseline, LiveFiles.of(conf), "rolled back byte for byte");
        Run text = cli.remote("history");
        assertTrue(text.out().contains("rollback of " + id), text.out());
        assertTrue(Files.readString(dir.resolve("journal.jsonl")).contains("\"deployId\":\"" + id + "\""));

        Run badId = cli.remote("rollback", "--to", "yesterday; rm -rf /");
        assertEquals(2, badId.exit());
        assertTrue(badId.err().contains("--to"), badId.err());
        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, "{ \"schema\": 1, \"outbound\": { \"level\": \"sometimes\" } }");
        Run badProfile = cli.remote("deploy", "--profile", invalid.toString());
        assertEquals(2, badProfile.exit());
        assertTrue(badProfile.err().contains("outbound.level"), badProfile.err());
        assertFalse(badProfile.err().contains("Exception"), badProfile.err());
    }
}
