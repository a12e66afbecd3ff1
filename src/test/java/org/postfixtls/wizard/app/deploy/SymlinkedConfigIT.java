package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * A configuration directory laid out by a configuration-management tool: main.cf and master.cf are symbolic
 * links to {@code ../real/}. A deploy writes through the links, a rollback restores content, owner and mode of
 * the targets, and the links stay links (never a world-writable regular file).
 */
class SymlinkedConfigIT {

    private Testbed testbed;
    private Path conf;
    private Path real;

    @BeforeEach
    void linkedLayout() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
        conf = DeployFixture.configDir(testbed);
        real = conf.resolveSibling("real");
        Tools.run(List.of("rm", "-rf", real.toString()), "", 10);
        Files.createDirectories(real);
        for (String name : List.of("main.cf", "master.cf")) {
            Files.move(conf.resolve(name), real.resolve(name));
            Files.createSymbolicLink(conf.resolve(name), Path.of("../real/" + name));
        }
        // an owner and mode the deploy must keep (Postfix only needs master.cf readable by root)
        run("chown", "root:postfix", real.resolve("master.cf").toString());
        run("chmod", "640", real.resolve("master.cf").toString());
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            for (String name : List.of("main.cf", "master.cf", "tls_policy")) {
                Files.deleteIfExists(conf.resolve(name));
            }
            Tools.run(List.of("rm", "-rf", real.toString()), "", 10);
            DeployFixture.clean(testbed);
        }
    }

    @Test
    void deployAndRollbackWriteThroughTheLinksAndKeepTheTargetsOwnerAndMode() throws Exception {
        FileState mainBefore = FileState.of(conf.resolve("main.cf"));
        FileState masterBefore = FileState.of(conf.resolve("master.cf"));
        assertEquals("../real/main.cf", mainBefore.link());
        DeployEngine engine = new DeployEngine();
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            DeployReport deploy = engine.deploy(session, DeployFixture.profile(testbed, "runbook"),
                    DeployFixture.options(testbed), DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, deploy.outcome(), deploy.message() + "\n" + deploy.steps());

            FileState mainDeployed = FileState.of(conf.resolve("main.cf"));
            FileState masterDeployed = FileState.of(conf.resolve("master.cf"));
            assertNotEquals(mainBefore.sha256(), mainDeployed.sha256(), "the new main.cf went to the link's target");
            assertNotEquals(masterBefore.sha256(), masterDeployed.sha256());
            assertSameLinkOwnerMode(mainBefore, mainDeployed);
            assertSameLinkOwnerMode(masterBefore, masterDeployed);
            assertTrue(Files.isSymbolicLink(conf.resolve("main.cf")) && Files.isSymbolicLink(conf.resolve("master.cf")));
            assertEquals(List.of(), leftovers(), "no temporary copies left behind");

            DeployReport rollback = engine.rollback(session, null, DeployFixture.options(testbed),
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, rollback.outcome(), rollback.message() + "\n" + rollback.steps());
        }
        assertEquals(mainBefore, FileState.of(conf.resolve("main.cf")), "link, owner, mode and content");
        assertEquals(masterBefore, FileState.of(conf.resolve("master.cf")), "link, owner, mode and content");
        assertEquals(0, Tools.sendTestMail(testbed).exitCode());
    }

    @Test
    void aSymlinkedTlsPolicyStaysALinkAndItsTargetKeepsOwnerModeAndContent() throws Exception {
        Path policy = conf.resolve("tls_policy");
        Files.writeString(real.resolve("tls_policy"), "legacy.example encrypt\n");
        run("chown", "root:postfix", real.resolve("tls_policy").toString());
        run("chmod", "640", real.resolve("tls_policy").toString());
        Files.createSymbolicLink(policy, Path.of("../real/tls_policy"));
        run("postmap", "-c", conf.toString(), "hash:" + policy);
        run("postconf", "-c", conf.toString(), "-e", "smtp_tls_policy_maps = hash:" + policy);
        FileState before = FileState.of(policy);
        FileState mapBefore = FileState.of(conf.resolve("tls_policy.db"));
        DeployEngine engine = new DeployEngine();
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            DeployReport deploy = engine.deploy(session, DeployFixture.profileWithPolicy(testbed),
                    DeployFixture.options(testbed), DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, deploy.outcome(), deploy.message() + "\n" + deploy.steps());
            FileState deployed = FileState.of(policy);
            assertTrue(Files.readString(policy).contains("example.net"), "the new policy went to the link's target");
            assertSameLinkOwnerMode(before, deployed);

            DeployReport rollback = engine.rollback(session, null, DeployFixture.options(testbed),
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, rollback.outcome(), rollback.message() + "\n" + rollback.steps());
        }
        assertEquals(before, FileState.of(policy), "link, owner, mode and content");
        assertEquals(mapBefore, FileState.of(conf.resolve("tls_policy.db")), "the map as it was");
    }

    private static void assertSameLinkOwnerMode(FileState before, FileState after) {
        assertEquals(List.of(before.link(), before.uid(), before.gid(), before.mode()),
                List.of(after.link(), after.uid(), after.gid(), after.mode()), "link, owner and mode");
    }

    private List<String> leftovers() throws Exception {
        try (var files = Files.list(real)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".pftw-")).toList();
        }
    }

    private static void run(String... command) throws Exception {
        Tools.Output out = Tools.run(List.of(command), "", 30);
        assertEquals(0, out.exitCode(), out.text());
    }
}
