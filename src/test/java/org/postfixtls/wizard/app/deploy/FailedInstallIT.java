package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * Nothing half-applied: a copy that cannot be written in full (a full file system) never replaces a live file,
 * and owners the server has no name for are kept (numeric uid/gid), through deploy and rollback.
 */
class FailedInstallIT {

    /** A uid and gid with no entry in /etc/passwd or /etc/group: stat -c %U prints UNKNOWN for them. */
    private static final int NAMELESS = 64_999;

    private Testbed testbed;
    private Path conf;
    private boolean mounted;

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
        conf = DeployFixture.configDir(testbed);
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            if (mounted) {
                run("umount", conf.toString());
            }
            DeployFixture.clean(testbed);
        }
    }

    @Test
    void aFullFileSystemLeavesEveryLiveFileAsItWasAndTheJobIsNotCommitted() throws Exception {
        Map<String, FileState> before = snapshot();
        // the config directory on a small tmpfs holding the same files, then filled to the last byte
        Path copy = Files.createTempDirectory("pftw-conf-copy");
        run("cp", "-a", conf + "/.", copy.toString());
        run("mount", "-t", "tmpfs", "-o", "size=256k,mode=755", "tmpfs", conf.toString());
        mounted = true;
        run("cp", "-a", copy + "/.", conf.toString());
        run("rm", "-rf", copy.toString());
        Tools.run(List.of("dd", "if=/dev/zero", "of=" + conf.resolve(".filler"), "bs=4096"), "", 30);
        assertEquals(before, snapshot(), "the tmpfs holds the same files");

        DeployReport report;
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            report = new DeployEngine().deploy(session, DeployFixture.profile(testbed, "runbook"),
                    DeployFixture.options(testbed), DeployListener.ignore(), new Cancellation());
        }
        assertEquals(DeployOutcome.ROLLED_BACK, report.outcome(), report.message() + "\n" + report.steps());
        assertEquals("swap", report.failedStep(), report.message());
        assertTrue(report.message().contains(conf + "/main.cf"), report.message());
        assertEquals(before, snapshot(), "content, owner and mode of every live file");
        try (var files = Files.list(conf)) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".pftw-")).toList(), "temporary copies removed");
        }
        assertEquals(0, Tools.sendTestMail(testbed).exitCode());
    }

    @Test
    void anOwnerWithoutANameIsKeptThroughDeployAndRollback() throws Exception {
        Path mainCf = conf.resolve("main.cf");
        run("chown", NAMELESS + ":" + NAMELESS, mainCf.toString());
        run("chmod", "644", mainCf.toString());
        FileState before = FileState.of(mainCf);
        assertEquals(NAMELESS, before.uid());
        DeployEngine engine = new DeployEngine();
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            DeployReport deploy = engine.deploy(session, DeployFixture.profile(testbed, "runbook"),
                    DeployFixture.options(testbed), DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, deploy.outcome(), deploy.message() + "\n" + deploy.steps());
            FileState deployed = FileState.of(mainCf);
            assertNotEquals(before.sha256(), deployed.sha256());
            assertEquals(List.of(NAMELESS, NAMELESS, "644"), List.of(deployed.uid(), deployed.gid(), deployed.mode()),
                    "owner, group and mode of the deployed main.cf");

            DeployReport rollback = engine.rollback(session, null, DeployFixture.options(testbed),
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, rollback.outcome(), rollback.message() + "\n" + rollback.steps());
        }
        assertEquals(before, FileState.of(mainCf), "content, owner and mode after the rollback");
    }

    private Map<String, FileState> snapshot() throws Exception {
        Map<String, FileState> files = new LinkedHashMap<>();
        for (String name : List.of("main.cf", "master.cf", "vmailbox", "tls_policy")) {
            files.put(name, FileState.of(conf.resolve(name)));
        }
        return files;
    }

    private static void run(String... command) throws Exception {
        Tools.Output out = Tools.run(List.of(command), "", 30);
        assertEquals(0, out.exitCode(), String.join(" ", command) + ": " + out.text());
    }
}
