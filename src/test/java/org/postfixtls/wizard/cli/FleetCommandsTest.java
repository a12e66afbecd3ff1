package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fleet-plan (the role's planning step), ansible and drift's input checks, without a server. */
class FleetCommandsTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return WizardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private static String demo(String name) throws Exception {
        try (InputStream in = FleetCommandsTest.class.getResourceAsStream(
                "/org/postfixtls/wizard/app/workspace/demo/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /** What the role's discover.sh prints: key TAB base64(value) lines. */
    private Path facts(String mainCf, String masterCf) throws Exception {
        StringBuilder text = new StringBuilder();
        line(text, "config_directory", "/etc/postfix");
        line(text, "mail_version", "3.7.11");
        line(text, "param.default_database_type", "hash");
        line(text, "param.myhostname", "mail.example.org");
        line(text, "main.cf", mainCf);
        line(text, "master.cf", masterCf);
        Path file = dir.resolve("facts-" + System.nanoTime());
        Files.writeString(file, text);
        return file;
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('\t').append(Base64.getEncoder().encodeToString(
                value.getBytes(StandardCharsets.ISO_8859_1))).append('\n');
    }

    private Path profile() throws Exception {
        Path profile = dir.resolve("p.json");
        Files.writeString(profile, "{ \"schema\": 1, \"hardening\": { \"preset\": \"runbook\" } }");
        return profile;
    }

    @Test
    void fleetPlanWritesTheTransactionJobAndSaysChangedOnlyWhenTheFilesChange() throws Exception {
        Path outDir = dir.resolve("plan");
        assertEquals(0, run("fleet-plan", "--facts", facts(demo("main.cf"), demo("master.cf")).toString(),
                "--profile", profile().toString(), "--out", outDir.toString(), "--host", "mx1"), err.toString());
        JsonNode plan = new ObjectMapper().readTree(out.toString());
        assertTrue(plan.get("changed").asBoolean(), out.toString());
        assertEquals("/etc/postfix", plan.get("configDir").asText());
        assertEquals("/etc/postfix/main.cf", plan.get("files").get(0).get("path").asText());
        String deployId = plan.get("deployId").asText();
        assertTrue(Files.readString(outDir.resolve("bundle/job/job")).contains("id=" + deployId));
        assertTrue(Files.exists(outDir.resolve("bundle/install.sh")));
        assertTrue(Files.exists(outDir.resolve("bundle/job/apply.sh")));
        String plannedMain = Files.readString(outDir.resolve("bundle/job/new/main.cf"), StandardCharsets.ISO_8859_1);
        String plannedMaster = Files.exists(outDir.resolve("bundle/job/new/master.cf"))
                ? Files.readString(outDir.resolve("bundle/job/new/master.cf"), StandardCharsets.ISO_8859_1)
                : demo("master.cf");

        // the host as it is after the transaction: nothing to do, no job
        out.getBuffer().setLength(0);
        Path again = dir.resolve("again");
        assertEquals(0, run("fleet-plan", "--facts", facts(plannedMain, plannedMaster).toString(), "--profile",
                profile().toString(), "--out", again.toString()), err.toString());
        JsonNode inSync = new ObjectMapper().readTree(out.toString());
        assertFalse(inSync.get("changed").asBoolean(), out.toString());
        assertTrue(inSync.get("files").isEmpty());
        assertFalse(Files.exists(again.resolve("bundle")));
    }

    @Test
    void aRunLimitedToOnePartRefusesAPlanThatTouchesOthers() throws Exception {
        Path outDir = dir.resolve("plan");
        assertEquals(1, run("fleet-plan", "--facts", facts(demo("main.cf"), demo("master.cf")).toString(),
                "--profile", profile().toString(), "--out", outDir.toString(), "--host", "mx1", "--tags", "outbound"));
        assertTrue(err.toString().contains("mx1: the plan also changes parts this run was not limited to"), err.toString());
        assertTrue(err.toString().contains("inbound: main.cf"), err.toString());
        assertFalse(Files.exists(outDir.resolve("bundle")));
    }

    @Test
    void aHostWithoutPostfixFailsThatHostWithTheDiscoveryMessage() throws Exception {
        Path facts = dir.resolve("facts");
        Files.writeString(facts, "error\t" + Base64.getEncoder().encodeToString(
                "postconf was not found: Postfix is not installed".getBytes(StandardCharsets.UTF_8)) + "\n");
        assertEquals(1, run("fleet-plan", "--facts", facts.toString(), "--profile", profile().toString(), "--out",
                dir.resolve("x").toString(), "--host", "mx9"));
        assertTrue(err.toString().contains("mx9: postconf was not found"), err.toString());
    }

    @Test
    void ansibleWritesTheProjectAndRefusesAnInventoryThatTurnsHostKeyCheckingOff() throws Exception {
        Path project = dir.resolve("fleet");
        assertEquals(0, run("ansible", "--profile", profile().toString(), "--out", project.toString()), err.toString());
        assertTrue(Files.exists(project.resolve("site.yml")));
        assertEquals(Files.readString(profile()), Files.readString(project.resolve("profile.json")));

        Path inventory = dir.resolve("inv.ini");
        Files.writeString(inventory, "[m]\nmx1 ansible_ssh_common_args='-o StrictHostKeyChecking=no'\n");
        assertEquals(2, run("ansible", "--profile", profile().toString(), "--out", dir.resolve("f2").toString(),
                "--inventory", inventory.toString()));
        assertTrue(err.toString().contains("turns SSH host key checking off"), err.toString());
        assertFalse(Files.exists(dir.resolve("f2")));

        Files.writeString(inventory, "[m]\nmx1 ansible_port=x\n");
        assertEquals(2, run("ansible", "--profile", profile().toString(), "--out", dir.resolve("f3").toString(),
                "--inventory", inventory.toString()));
        assertTrue(err.toString().contains("line 2: ansible_port: 'x' is not a port"), err.toString());
        assertFalse(Files.exists(dir.resolve("f3")));
    }

    @Test
    void driftWithABadInventoryLineIsBadInputBeforeAnyConnection() throws Exception {
        Path hosts = dir.resolve("hosts.ini");
        Files.writeString(hosts, "[mail]\nmx1.example.org ansible_user=ops\nmx2.example.org ansible_port=abc\n");
        assertEquals(2, run("drift", "--profile", profile().toString(), "--hosts", hosts.toString()));
        assertTrue(err.toString().contains(hosts + " line 3: ansible_port: 'abc' is not a port; use 1-65535"),
                err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void driftNeedsAHostOrAnInventory() throws Exception {
        assertEquals(2, run("drift", "--profile", profile().toString()));
        assertTrue(err.toString().contains("give --host and --user, or --hosts FILE"), err.toString());
    }

    @Test
    void driftTakesConnectionDefaultsForAnInventoryWithoutAHost() throws Exception {
        Path hosts = dir.resolve("hosts.ini");
        Files.writeString(hosts, "[mail]\nmx1.example.org\nmx2.example.org ansible_port=abc\n");
        assertEquals(2, run("drift", "--profile", profile().toString(), "--hosts", hosts.toString(),
                "--user", "ops", "--port", "2222", "--sudo"));
        assertTrue(err.toString().contains(hosts + " line 3: ansible_port: 'abc' is not a port"), err.toString());
    }

    @Test
    void driftRefusesTheInteractiveOptionsForAnInventory() throws Exception {
        Path hosts = dir.resolve("hosts.ini");
        Files.writeString(hosts, "[mail]\nmx1.example.org ansible_user=ops\n");
        assertEquals(2, run("drift", "--profile", profile().toString(), "--hosts", hosts.toString(), "--ask-password"));
        assertTrue(err.toString().contains("--accept-host-key and the --ask-* options are for one host"), err.toString());
    }
}
