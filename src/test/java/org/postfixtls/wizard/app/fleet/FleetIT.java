package org.postfixtls.wizard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.cli.WizardCli;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * The generated Ansible project against a small real fleet: the test bed's Postfix instance and its second,
 * isolated instance (own config, queue and address, docs/testbed.md), both reached over the bed's sshd.
 */
class FleetIT {

    private static final String STATE_ROOT = "/var/lib/pftw-testbed-fleet-it";
    private static final Pattern RECAP = Pattern.compile(
            "(?m)^(\\S+)\\s*:\\s*ok=(\\d+)\\s+changed=(\\d+)\\s+unreachable=(\\d+)\\s+failed=(\\d+)");

    private Testbed testbed;
    @TempDir
    Path dir;
    private Path project;
    private Path confA;
    private Path confB;
    private Path queueB;
    private static final Path RESET = Path.of(".ci/testbed/reset").toAbsolutePath();
    private static final String HOST_B = "127.0.0.2";

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        Testbed.requireCommand("ansible-playbook");
        confA = Path.of(testbed.get("postfix.configDir"));
        confB = Path.of(testbed.get("state.dir"), "postfix-b");
        queueB = Path.of(testbed.get("state.dir"), "spool-b");
        Assumptions.assumeTrue(Files.isDirectory(confB) && Files.isDirectory(queueB) && Files.exists(RESET),
                "the test bed has no second Postfix instance; run this branch's .ci/testbed/up");
        Tools.run(List.of("rm", "-rf", STATE_ROOT), "", 30);
        reset();
        for (Path conf : List.of(confA, confB)) {
            // a fresh tlsmgr: reset rewrites main.cf under a running instance (docs/testbed.md, known quirks)
            Tools.run(List.of("postfix", "-c", conf.toString(), "stop"), "", 60);
            Tools.run(List.of("postfix", "-c", conf.toString(), "start"), "", 60);
        }
        reset();
        project = dir.resolve("fleet");
        Path profile = dir.resolve("profile.json");
        Files.writeString(profile, """
                { "schema": 1, "hardening": { "preset": "runbook" },
                  "certificate": { "chainFile": "%s", "keyFile": "%s" },
                  "submission": { "starttls": { "port": 2587 }, "implicitTls": { "port": 2465 } } }
                """.formatted(testbed.get("tls.fullchain"), testbed.get("tls.key")));
        Path inventory = dir.resolve("inventory.ini");
        Files.writeString(inventory, inventory(wizardCommand()));
        StringWriter text = new StringWriter();
        int exit = WizardCli.run(new PrintWriter(text, true), new PrintWriter(text, true), "ansible", "--profile",
                profile.toString(), "--out", project.toString(), "--inventory", inventory.toString());
        assertEquals(0, exit, text.toString());
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            Tools.run(List.of("rm", "-rf", STATE_ROOT), "", 30);
            reset();
        }
    }

    /** This branch's reset: it knows the second instance (the properties may come from another checkout's up). */
    private static void reset() throws IOException, InterruptedException {
        Tools.Output reset = Tools.run(List.of("bash", RESET.toString()), "", 120);
        assertEquals(0, reset.exitCode(), "test bed reset: " + reset.text());
    }

    @Test
    void theFleetIsAppliedVerifiedIdempotentAndShowsDrift() throws Exception {
        long start = System.nanoTime();
        Run first = playbook();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.println("[fleet] first run (2 hosts, apply + verify): " + millis + " ms\n" + first.recapText());
        assertEquals(0, first.exit, first.output);
        for (String host : List.of("bed-a", "bed-b")) {
            assertEquals(1, first.changed(host), host + " reports its one applied transaction\n" + first.output);
            assertEquals(0, first.failed(host), first.output);
        }
        assertTrue(first.output.contains("Verify from the control node"), first.output);
        for (String address : List.of(testbed.host(), HOST_B)) {
            Tools.Output starttls = Tools.run(List.of("openssl", "s_client", "-connect", address + ":2587",
                    "-starttls", "smtp", "-CAfile", testbed.get("tls.ca"), "-brief"), "QUIT\r\n", 30);
            assertEquals(0, starttls.exitCode(), address + ": " + starttls.text());
        }

        start = System.nanoTime();
        Run second = playbook();
        System.out.println("[fleet] second run (in sync): " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " ms\n" + second.recapText());
        assertEquals(0, second.exit, second.output);
        assertEquals(0, second.changed("bed-a"), second.output);
        assertEquals(0, second.changed("bed-b"), second.output);

        assertEquals(0, drift("--hosts", project.resolve("inventory.ini").toString()).exit);

        // a manual edit of a TLS parameter on one host
        Tools.Output edit = Tools.run(List.of("postconf", "-c", confB.toString(), "-e", "smtpd_tls_auth_only = no"),
                "", 30);
        assertEquals(0, edit.exitCode(), edit.text());
        LiveFiles edited = LiveFiles.of(confB);
        LiveFiles untouchedA = LiveFiles.of(confA);

        Run check = playbook("--check", "--diff");
        assertEquals(0, check.exit, check.output);
        assertEquals(0, check.changed("bed-a"), check.output);
        assertEquals(1, check.changed("bed-b"), check.output);
        assertTrue(check.output.contains("-smtpd_tls_auth_only = no") && check.output.contains("+smtpd_tls_auth_only"
                + " = yes"), "the diff of bed-b's main.cf\n" + check.output);
        assertTrue(check.output.contains("changed: [bed-b] => (item=" + confB.resolve("main.cf")), check.output);
        assertTrue(!check.output.contains("changed: [bed-a]"), check.output);
        assertEquals(edited, LiveFiles.of(confB), "check mode changed nothing on bed-b");
        assertEquals(untouchedA, LiveFiles.of(confA), "check mode changed nothing on bed-a");

        Drift hosts = drift("--hosts", project.resolve("inventory.ini").toString());
        assertEquals(1, hosts.exit, hosts.output);
        assertTrue(hosts.output.matches("(?s).*bed-a\\s+in sync.*"), hosts.output);
        assertTrue(hosts.output.matches("(?s).*bed-b\\s+drifted.*"), hosts.output);
        Drift json = drift("--hosts", project.resolve("inventory.ini").toString(), "--format", "json");
        assertTrue(json.output.contains("\"status\" : \"drifted\"") && json.output.contains("\"in-sync\" : 1"),
                json.output);
        Drift single = drift(singleHost(confB));
        assertEquals(1, single.exit, single.output);
        assertTrue(single.output.contains("+smtpd_tls_auth_only = yes"), single.output);
        assertEquals(0, drift(singleHost(confA)).exit);

        Path bad = dir.resolve("bad.ini");
        Files.writeString(bad, "[mail]\nbed-a ansible_port=twenty-two\n");
        Drift refused = drift("--hosts", bad.toString());
        assertEquals(2, refused.exit, refused.output);
        assertTrue(refused.output.contains(bad + " line 2: ansible_port: 'twenty-two' is not a port"),
                refused.output);
    }

    @Test
    void aHostWhoseReloadFailsIsRolledBackWhileTheOtherSucceeds() throws Exception {
        LiveFiles beforeB = LiveFiles.of(confB);
        // postfix reload refuses without master.pid while the running master keeps serving (as in DeployFailureIT)
        Path pid = queueB.resolve("pid").resolve("master.pid");
        Path aside = pid.resolveSibling("master.pid.pftw-fleet-it");
        Files.move(pid, aside, StandardCopyOption.ATOMIC_MOVE);
        Run run;
        try {
            run = playbook();
        } finally {
            Files.move(aside, pid, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.println("[fleet] run with a failing reload on bed-b\n" + run.recapText());
        assertNotEquals(0, run.exit, run.output);
        assertEquals(1, run.changed("bed-a"), run.output);
        assertEquals(0, run.failed("bed-a"), run.output);
        assertEquals(1, run.failed("bed-b"), run.output);
        assertEquals(0, run.changed("bed-b"), run.output);
        assertTrue(run.output.contains("ROLLED BACK"), run.output);
        assertEquals(beforeB, LiveFiles.of(confB), "bed-b's files are back as they were");
        assertEquals(0, drift(singleHost(confA)).exit);
    }

    private String inventory(Path wizard) {
        return """
                [testbed]
                bed-a postfix_tls_config_dir=%s postfix_tls_verify_host=%s
                bed-b postfix_tls_config_dir=%s postfix_tls_verify_host=%s

                [testbed:vars]
                ansible_host=%s
                ansible_port=%s
                ansible_user=%s
                ansible_ssh_private_key_file=%s
                ansible_ssh_common_args="-o UserKnownHostsFile=%s"
                ansible_become=true
                postfix_tls_smtp_port=%s
                postfix_tls_submission_port=2587
                postfix_tls_submissions_port=2465
                postfix_tls_ca_file=%s
                postfix_tls_state_root=%s
                postfix_tls_wizard_command=%s
                """.formatted(confA, testbed.host(), confB, HOST_B, testbed.host(),
                testbed.get("ssh.port"), testbed.get("ssh.user"), testbed.get("ssh.key"),
                testbed.get("ssh.knownHosts"), testbed.get("smtp.port"), testbed.get("tls.ca"), STATE_ROOT, wizard);
    }

    /** The control node's postfix-tls-wizard: this JVM's classes, started as the installed launcher would. */
    private Path wizardCommand() throws IOException {
        Path script = dir.resolve("postfix-tls-wizard");
        String java = ProcessHandle.current().info().command().orElse("java");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp '"
                + System.getProperty("java.class.path") + "' org.postfixtls.wizard.Launcher \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private String[] singleHost(Path conf) {
        return new String[] {"--host", testbed.host(), "--port", testbed.get("ssh.port"), "--user",
            testbed.get("ssh.user"), "--identity", testbed.get("ssh.key"), "--known-hosts",
            testbed.get("ssh.knownHosts"), "--sudo", "--config-dir", conf.toString(), "--state-root", STATE_ROOT};
    }

    private record Drift(int exit, String output) {
    }

    private Drift drift(String... args) {
        List<String> argv = new ArrayList<>(List.of("drift", "--profile", project.resolve("profile.json").toString()));
        argv.addAll(List.of(args));
        if (argv.contains("--hosts")) {
            argv.addAll(List.of("--known-hosts", testbed.get("ssh.knownHosts"), "--state-root", STATE_ROOT));
        }
        StringWriter text = new StringWriter();
        int exit = WizardCli.run(new PrintWriter(text, true), new PrintWriter(text, true), argv.toArray(String[]::new));
        return new Drift(exit, text.toString());
    }

    private record Run(int exit, String output, Map<String, int[]> recap) {
        int changed(String host) {
            return recap.getOrDefault(host, new int[] {-1, -1, -1, -1})[1];
        }

        int failed(String host) {
            return recap.getOrDefault(host, new int[] {-1, -1, -1, -1})[3];
        }

        String recapText() {
            int at = output.indexOf("PLAY RECAP");
            return at < 0 ? output : output.substring(at);
        }
    }

    private Run playbook(String... options) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("ansible-playbook", "site.yml"));
        argv.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(argv).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        builder.environment().put("ANSIBLE_FORCE_COLOR", "0");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(900, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        String text = new String(out, StandardCharsets.UTF_8);
        Map<String, int[]> recap = new LinkedHashMap<>();
        Matcher m = RECAP.matcher(text);
        while (m.find()) {
            recap.put(m.group(1), new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5))});
        }
        return new Run(process.isAlive() ? -1 : process.exitValue(), text, recap);
    }
}
