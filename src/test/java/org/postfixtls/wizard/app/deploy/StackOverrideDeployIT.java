package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * The test bed made to look like docker-mailserver (its config folder /tmp/docker-mailserver, the marker discovery
 * looks for, with an existing postfix-main.cf): the deploy writes the plan into postfix-main.cf and
 * postfix-master.cf there — uploaded hash-checked, backed up with owner and mode, main.cf and master.cf untouched,
 * no reload — reports it as written but not applied, and a rollback puts the override files back byte for byte
 * (the one that did not exist is removed). Decision 0064.
 */
class StackOverrideDeployIT {

    private static final Path DMS = Path.of("/tmp/docker-mailserver");
    /** An admin's own postfix-main.cf: a comment, a setting of their own and one the plan changes. */
    private static final String EXISTING = "# our own settings, see the DMS docs\r\nmessage_size_limit = 52428800\n"
            + "smtpd_tls_auth_only = no\n";

    private Testbed testbed;
    private final DeployEngine engine = new DeployEngine();

    @BeforeEach
    void looksLikeDockerMailserver() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
        assertFalse(Files.exists(DMS), DMS + " exists already: this test would change someone's files");
        Files.createDirectories(DMS);
        Files.write(DMS.resolve("postfix-main.cf"), EXISTING.getBytes(StandardCharsets.ISO_8859_1));
        // a uid without a name and an unusual mode: both must come back on rollback
        Tools.run(List.of("chown", "4321:4321", DMS.resolve("postfix-main.cf").toString()), "", 10);
        Tools.run(List.of("chmod", "640", DMS.resolve("postfix-main.cf").toString()), "", 10);
    }

    @AfterEach
    void plainAgain() throws Exception {
        Tools.run(List.of("rm", "-rf", DMS.toString()), "", 30);
        if (testbed != null) {
            DeployFixture.clean(testbed);
        }
    }

    @Test
    void deployWritesTheOverrideFilesWithoutReloadAndRollbackRestoresThemByteForByte() throws Exception {
        LiveFiles baseline = LiveFiles.of(DeployFixture.configDir(testbed));
        FileState mainBefore = FileState.of(DMS.resolve("postfix-main.cf"));
        String pidBefore = masterPid();
        DeployOptions options = DeployFixture.options(testbed);
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            DeployReport deploy = engine.deploy(session, DeployFixture.profile(testbed, "mandatory"), options,
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.WRITTEN, deploy.outcome(), deploy.message() + "\n" + deploy.steps());
            assertTrue(deploy.message().contains("NOT applied yet") && deploy.message().contains("docker compose"
                    + " restart mailserver"), deploy.message());
            assertTrue(deploy.steps().stream().anyMatch(s -> s.step().equals("reload")
                    && s.message().startsWith("not reloaded")), deploy.steps().toString());
            assertEquals(baseline, LiveFiles.of(DeployFixture.configDir(testbed)),
                    "main.cf and master.cf, which docker-mailserver rewrites, are left alone");
            assertEquals(pidBefore, masterPid(), "Postfix was neither restarted nor reloaded");

            String written = Files.readString(DMS.resolve("postfix-main.cf"), StandardCharsets.ISO_8859_1);
            FileChange planned = deploy.changeSet().file("postfix-main.cf").orElseThrow();
            assertEquals(planned.after(), written, "the uploaded file is the planned one");
            assertTrue(written.startsWith("# our own settings, see the DMS docs\r\nmessage_size_limit = 52428800\n"
                    + "smtpd_tls_auth_only = yes\n"), "kept lines stay, the changed one is edited in place:\n"
                    + written);
            assertEquals(1, written.lines().filter(l -> l.startsWith("smtpd_tls_auth_only")).count(), written);
            assertTrue(written.contains("\nsmtpd_tls_cert_file = " + testbed.get("tls.fullchain") + "\n"), written);
            String master = Files.readString(DMS.resolve("postfix-master.cf"), StandardCharsets.ISO_8859_1);
            assertTrue(master.contains(testbed.get("smtp.port") + "/inet/smtpd_tls_security_level=encrypt\n"), master);
            FileState mainAfter = FileState.of(DMS.resolve("postfix-main.cf"));
            assertEquals(List.of(4321, 4321, "640"), List.of(mainAfter.uid(), mainAfter.gid(), mainAfter.mode()),
                    "the override file keeps its owner and mode");
            Path backup = Path.of(options.instanceDirectory(testbed.get("postfix.configDir")), "deploys",
                    deploy.deployId(), "backup", "postfix-main.cf");
            assertEquals(EXISTING, Files.readString(backup, StandardCharsets.ISO_8859_1), "backed up before");

            DeployReport undo = engine.rollback(session, null, options, DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.WRITTEN, undo.outcome(), undo.message() + "\n" + undo.steps());
            assertEquals(mainBefore, FileState.of(DMS.resolve("postfix-main.cf")),
                    "content byte for byte, owner, group and mode");
            assertFalse(Files.exists(DMS.resolve("postfix-master.cf")), "the file the deploy created is removed");
            assertEquals(baseline, LiveFiles.of(DeployFixture.configDir(testbed)));
            assertEquals(pidBefore, masterPid());
            assertEquals(0, Tools.sendTestMail(testbed).exitCode());
        }
    }

    private String masterPid() throws Exception {
        Path pid = Path.of(Tools.run(List.of("postconf", "-c", testbed.get("postfix.configDir"), "-h",
                "queue_directory"), "", 10).text().trim(), "pid", "master.pid");
        return Files.readString(pid).trim();
    }
}
