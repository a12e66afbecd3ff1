package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/** Ordinary real-world server layouts the transaction must handle: each once broke a correct deploy. */
class ServerLayoutsIT {

    private static final Path LETSENCRYPT = Path.of("/var/lib/pftw-testbed/letsencrypt-it");

    private Testbed testbed;
    private Path conf;
    private final DeployEngine engine = new DeployEngine();

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
        conf = DeployFixture.configDir(testbed);
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            Tools.run(List.of("rm", "-rf", LETSENCRYPT.toString()), "", 10);
            DeployFixture.clean(testbed);
        }
    }

    /** postconf(5)'s own example "inet_interfaces = $myhostname, localhost": the health check expands it. */
    @Test
    void inetInterfacesNamingMyhostnameDeploysAndPassesTheHealthCheck() throws Exception {
        run("postconf", "-c", conf.toString(), "-e", "myhostname = localhost", "inet_interfaces = $myhostname");
        restartPostfix();
        List<StepEvent> events = new ArrayList<>();
        DeployReport report = deploy(DeployFixture.profile(testbed, "runbook"), events);
        assertEquals(DeployOutcome.DEPLOYED, report.outcome(), report.message() + "\n" + report.steps());
        String health = events.stream().filter(e -> e.step().equals("health") && e.status() == StepEvent.Status.OK)
                .map(StepEvent::message).findFirst().orElseThrow();
        assertTrue(health.contains("localhost:2525") && health.contains("localhost:2587"), health);
    }

    /** certbot: live/NAME/privkey.pem is a link to archive/NAME/privkey1.pem (0600). */
    @Test
    void aLetsEncryptKeyBehindASymlinkIsNotReportedAsWorldReadable() throws Exception {
        Path archive = Files.createDirectories(LETSENCRYPT.resolve("archive/mail.testbed.example"));
        Path live = Files.createDirectories(LETSENCRYPT.resolve("live/mail.testbed.example"));
        Files.copy(Path.of(testbed.get("tls.fullchain")), archive.resolve("fullchain1.pem"));
        Files.copy(Path.of(testbed.get("tls.key")), archive.resolve("privkey1.pem"));
        run("chmod", "600", archive.resolve("privkey1.pem").toString());
        run("chmod", "644", archive.resolve("fullchain1.pem").toString());
        Files.createSymbolicLink(live.resolve("fullchain.pem"), Path.of("../../archive/mail.testbed.example/fullchain1.pem"));
        Files.createSymbolicLink(live.resolve("privkey.pem"), Path.of("../../archive/mail.testbed.example/privkey1.pem"));

        DeployReport report = deploy(DeployFixture.profile("runbook", live.resolve("fullchain.pem").toString(),
                live.resolve("privkey.pem").toString()), new ArrayList<>());
        assertEquals(DeployOutcome.DEPLOYED, report.outcome(), report.message() + "\n" + report.steps());
        assertTrue(report.certFindings().stream().noneMatch(f -> f.startsWith("key-permissions")),
                report.certFindings().toString());
    }

    /** A map file that existed before a deploy (here without its source) is back byte for byte after a rollback. */
    @Test
    void rollbackRestoresTheMapFilesThatExistedBeforeAndRemovesOnlyTheNewOnes() throws Exception {
        Path oldSource = conf.resolve("tls_policy");
        Files.writeString(oldSource, "legacy.example encrypt\n");
        run("postmap", "-c", conf.toString(), "hash:" + oldSource);
        Files.delete(oldSource);
        Files.writeString(conf.resolve("tls_policy.cdb"), "a stale map of another type\n");
        run("chown", "root:postfix", conf.resolve("tls_policy.db").toString());
        run("chmod", "640", conf.resolve("tls_policy.db").toString());
        List<String> maps = List.of("tls_policy", "tls_policy.db", "tls_policy.cdb", "tls_policy.lmdb");
        List<FileState> before = states(maps);

        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            DeployReport deploy = engine.deploy(session, DeployFixture.profileWithPolicy(testbed), DeployFixture.options(testbed),
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, deploy.outcome(), deploy.message() + "\n" + deploy.steps());
            assertTrue(Files.readString(conf.resolve("tls_policy")).contains("example.net"));
            DeployReport rollback = engine.rollback(session, null, DeployFixture.options(testbed),
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, rollback.outcome(), rollback.message() + "\n" + rollback.steps());
        }
        assertEquals(before, states(maps), "tls_policy absent again, its old map files as they were");
    }

    private List<FileState> states(List<String> names) throws Exception {
        List<FileState> states = new ArrayList<>();
        for (String name : names) {
            states.add(FileState.of(conf.resolve(name)));
        }
        return states;
    }

    private DeployReport deploy(Profile profile, List<StepEvent> events) {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            return engine.deploy(session, profile, DeployFixture.options(testbed), events::add, new Cancellation());
        }
    }

    private void restartPostfix() throws Exception {
        run("postfix", "-c", conf.toString(), "stop");
        run("postfix", "-c", conf.toString(), "start");
        for (int i = 0; i < 100; i++) {
            Tools.Output banner = Tools.run(List.of("timeout", "3", "bash", "-c",
                    "exec 3<>/dev/tcp/127.0.0.1/" + testbed.get("smtp.port") + "; head -c 4 <&3"), "", 10);
            if (banner.text().startsWith("220")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Postfix does not answer after the restart");
    }

    private static void run(String... command) throws Exception {
        Tools.Output out = Tools.run(List.of(command), "", 60);
        assertEquals(0, out.exitCode(), String.join(" ", command) + ": " + out.text());
    }
}
