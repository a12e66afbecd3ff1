package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedCli;
import org.postfixtls.wizard.testsupport.TestbedCli.Run;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * {@code deploy --expect-plan} on the real test bed (decision 0056): the hash of {@code deploy --dry-run} (text and
 * JSON) and of a local {@code plan} of the same files deploys; after an edit of the server's main.cf the same hash
 * is refused with exit 1 and the new diff, and nothing on the server is touched (files, job directories, uploads).
 */
class ExpectPlanIT {

    private static final String STATE_ROOT = "/var/lib/pftw-testbed-expect-plan-it";
    private static final Pattern HASH_LINE = Pattern.compile("(?m)^Plan SHA-256: ([0-9a-f]{64})");
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

    private Path profile() throws Exception {
        return Files.writeString(dir.resolve("p.json"), """
                { "schema": 1, "hardening": { "preset": "runbook" },
                  "certificate": { "chainFile": "%s", "keyFile": "%s" },
                  "submission": { "starttls": { "port": 2587 }, "implicitTls": { "port": 2465 } } }
                """.formatted(testbed.get("tls.fullchain"), testbed.get("tls.key")));
    }

    private static String hashLine(Run run) {
        Matcher m = HASH_LINE.matcher(run.out());
        assertTrue(m.find(), run.out());
        return m.group(1);
    }

    private List<String> leftovers() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> home = Files.list(Path.of("/home", testbed.get("ssh.user")))) {
            home.filter(p -> p.getFileName().toString().startsWith(".pftw-upload-")).forEach(p -> found.add(p.toString()));
        }
        if (Files.exists(Path.of(STATE_ROOT))) {
            try (Stream<Path> all = Files.walk(Path.of(STATE_ROOT))) {
                all.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("deploys"))
                        .forEach(p -> found.add(p.toString()));
            }
        }
        return found;
    }

    @Test
    void theDryRunsHashDeploysAndAfterAServerEditTheSameHashIsRefusedWithTheNewDiffAndNothingTouched()
            throws Exception {
        Path conf = Path.of(testbed.get("postfix.configDir"));
        String profile = profile().toString();

        Run dry = cli.remote("deploy", "--profile", profile, "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        String approved = hashLine(dry);
        Run dryJson = cli.remote("deploy", "--profile", profile, "--dry-run", "--format", "json");
        JsonNode json = new ObjectMapper().readTree(dryJson.out());
        assertEquals(approved, json.get("planSha256").asText(), "text and JSON print the same hash");
        String databaseType = Tools.run(List.of("postconf", "-c", conf.toString(), "-h", "default_database_type"), "",
                30).text().strip();
        Run localPlan = TestbedCli.run("plan", "--profile", profile, "--config-dir", conf.toString(), "--postfix-version",
                testbed.get("postfix.version"), "--database-type", databaseType, "--server-config-dir", conf.toString());
        assertEquals(0, localPlan.exit(), localPlan.err());
        assertEquals(approved, hashLine(localPlan), "plan on the same files gives the hash deploy computes");

        // someone edits main.cf after the approval: the approved hash no longer describes what would be deployed
        Files.writeString(conf.resolve("main.cf"), "# edited after the approval\n", StandardOpenOption.APPEND);
        LiveFiles edited = LiveFiles.of(conf);
        FileTime mtime = Files.getLastModifiedTime(conf.resolve("main.cf"));

        Run refused = cli.remote("deploy", "--profile", profile, "--expect-plan", approved);
        assertEquals(1, refused.exit(), refused.out() + refused.err());
        String newHash = hashLine(refused);
        assertNotEquals(approved, newHash);
        assertTrue(refused.err().contains("REFUSED, nothing was changed: the plan differs from the approved one"
                + " (approved " + approved + ", now " + newHash + ")") && refused.err().contains(
                "If the new diff is right, deploy it with --expect-plan " + newHash), refused.err());
        assertTrue(refused.out().contains("--- a/main.cf") && refused.out().contains(" # edited after the approval"),
                "the new diff is shown, with the edit as context: " + refused.out());
        assertEquals(edited, LiveFiles.of(conf), "the server's files are untouched");
        assertEquals(mtime, Files.getLastModifiedTime(conf.resolve("main.cf")));
        assertEquals(List.of(), leftovers(), "no upload and no job directory on the server");
        Run refusedJson = cli.remote("deploy", "--profile", profile, "--expect-plan", approved, "--format", "json");
        assertEquals(1, refusedJson.exit());
        JsonNode report = new ObjectMapper().readTree(refusedJson.out());
        assertEquals("plan-changed", report.get("outcome").asText());
        assertTrue(report.get("changedNothing").asBoolean());
        assertEquals(newHash, report.get("planSha256").asText());
        Run dryCheck = cli.remote("deploy", "--profile", profile, "--dry-run", "--expect-plan", approved);
        assertEquals(1, dryCheck.exit(), "a dry run checks the approval too");

        Run malformed = cli.remote("deploy", "--profile", profile, "--expect-plan", approved.substring(1));
        assertEquals(2, malformed.exit());
        assertTrue(malformed.err().startsWith("Invalid value for option '--expect-plan'"), malformed.err());
        assertEquals(edited, LiveFiles.of(conf));

        // approving the new diff's hash deploys exactly it: the edit stays, the runbook settings arrive
        Run deployed = cli.remote("deploy", "--profile", profile, "--expect-plan", newHash.toUpperCase());
        assertEquals(0, deployed.exit(), deployed.out() + deployed.err());
        assertTrue(deployed.out().contains("[ok] approval: the plan is the approved one (plan SHA-256 " + newHash + ")"),
                deployed.out());
        String main = Files.readString(conf.resolve("main.cf"));
        assertTrue(main.contains("# edited after the approval") && main.contains("smtpd_tls_auth_only = yes"), main);
        assertFalse(leftovers().stream().anyMatch(p -> p.contains(".pftw-upload-")), "the upload was moved away");
    }
}
