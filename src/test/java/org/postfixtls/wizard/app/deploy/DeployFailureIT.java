package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.testsupport.CuttableProxy;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * Injected failures on the real test bed: each must leave the live files byte-identical (content, owner, mode)
 * and Postfix delivering mail; a connection killed during the commit leaves old or new, never a mix.
 */
class DeployFailureIT {

    private Testbed testbed;
    private LiveFiles before;
    private final DeployEngine engine = new DeployEngine();

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
        before = LiveFiles.of(DeployFixture.configDir(testbed));
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            DeployFixture.clean(testbed);
        }
    }

    private DeployReport deploy(Profile profile) {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            return engine.deploy(session, profile, DeployFixture.options(testbed), DeployListener.ignore(),
                    new Cancellation());
        }
    }

    private void assertUntouchedAndDelivering(DeployReport report) throws Exception {
        assertEquals(before, LiveFiles.of(DeployFixture.configDir(testbed)), "live files byte-identical");
        Tools.Output mail = Tools.sendTestMail(testbed);
        assertEquals(0, mail.exitCode(), "Postfix still accepts mail: " + mail.text() + "\n" + report);
    }

    @Test
    void aCertificatePathThatDoesNotExistIsRefusedBeforeAnyLiveChange() throws Exception {
        DeployReport report = deploy(DeployFixture.profile("runbook", "/etc/pftw-missing/fullchain.pem",
                testbed.get("tls.key")));
        assertEquals(DeployOutcome.REFUSED, report.outcome(), report.message());
        assertEquals("validate", report.failedStep());
        assertTrue(report.message().contains("/etc/pftw-missing/fullchain.pem"), report.message());
        assertUntouchedAndDelivering(report);
    }

    @Test
    void aKeyThatDoesNotMatchTheCertificateIsRefusedBeforeAnyLiveChange() throws Exception {
        DeployReport report = deploy(DeployFixture.profile("runbook", testbed.get("tls.fullchain"),
                testbed.get("tls.snakeoilKey")));
        assertEquals(DeployOutcome.REFUSED, report.outcome(), report.message());
        assertTrue(report.message().contains("does not match"), report.message());
        assertTrue(report.certFindings().stream().anyMatch(f -> f.startsWith("key-mismatch")),
                report.certFindings().toString());
        assertUntouchedAndDelivering(report);
    }

    @Test
    void aFailingReloadIsRolledBack() throws Exception {
        // postfix reload refuses when master.pid is missing ("the Postfix mail system is not running") while the
        // running master keeps serving: a real reload failure without breaking the test bed
        Path pid = Path.of(testbed.get("postfix.queueDir"), "pid", "master.pid");
        Path aside = pid.resolveSibling("master.pid.pftw-it");
        Files.move(pid, aside, StandardCopyOption.ATOMIC_MOVE);
        DeployReport report;
        try {
            report = deploy(DeployFixture.profile(testbed, "runbook"));
        } finally {
            Files.move(aside, pid, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        }
        assertEquals(DeployOutcome.ROLLED_BACK, report.outcome(), report.message());
        assertEquals("reload", report.failedStep());
        assertTrue(report.message().contains("postfix reload failed"), report.message());
        assertUntouchedAndDelivering(report);
    }

    @Test
    void aConcurrentDeployHoldingTheLockMakesTheSecondRefuseWithoutChanges() throws Exception {
        String instance = DeployFixture.options(testbed).instanceDirectory(testbed.get("postfix.configDir"));
        Files.createDirectories(Path.of(instance));
        Process holder = new ProcessBuilder("flock", instance + "/lock", "sleep", "60").start();
        try {
            Thread.sleep(300);
            DeployReport report = deploy(DeployFixture.profile(testbed, "runbook"));
            assertEquals(DeployOutcome.REFUSED, report.outcome(), report.message());
            assertEquals("lock", report.failedStep());
            assertTrue(report.message().contains("another deploy"), report.message());
            assertUntouchedAndDelivering(report);
        } finally {
            holder.destroy();
            holder.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void cancellingBeforeTheCommitRemovesTheJobAndChangesNothing() throws Exception {
        Cancellation cancellation = new Cancellation();
        DeployReport report;
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            report = engine.deploy(session, DeployFixture.profile(testbed, "runbook"), DeployFixture.options(testbed),
                    event -> {
                        if (event.step().equals("upload") && event.status() == StepEvent.Status.OK) {
                            cancellation.cancel();
                        }
                    }, cancellation);
            assertTrue(engine.history(session, DeployFixture.options(testbed)).isEmpty(), "job removed");
        }
        assertEquals(DeployOutcome.CANCELLED, report.outcome(), report.message());
        assertUntouchedAndDelivering(report);
    }

    @Test
    void aConnectionKilledDuringTheCommitLeavesTheOldOrTheNewConfigurationNeverAMix() throws Exception {
        ConnectionSettings direct = TestbedSsh.deployUser(testbed);
        Path knownHosts = Files.createTempFile("pftw-proxy-known", "");
        try (CuttableProxy proxy = new CuttableProxy(testbed.host(), direct.port())) {
            String hostSpec = "[" + testbed.host() + "]:" + direct.port();
            Files.writeString(knownHosts, Files.readString(direct.knownHosts())
                    .replace(hostSpec, "[127.0.0.1]:" + proxy.port()));
            ConnectionSettings viaProxy = new ConnectionSettings("127.0.0.1", proxy.port(), direct.user(),
                    direct.credentials(), knownHosts, direct.hostKeyDecider(), direct.privilege(),
                    direct.connectTimeout());
            List<StepEvent> seen = new ArrayList<>();
            DeployReport report;
            try (RemoteSession session = TestbedSsh.connect(viaProxy)) {
                report = engine.deploy(session, DeployFixture.profile(testbed, "runbook"),
                        DeployFixture.options(testbed), event -> {
                            seen.add(event);
                            if (event.step().equals("swap") && event.status() == StepEvent.Status.START) {
                                proxy.cut();
                            }
                        }, new Cancellation());
            }
            assertEquals(DeployOutcome.CONNECTION_LOST, report.outcome(), report.message() + " " + seen);
            String jobId = report.deployId();

            // the server finishes alone: wait for the job's result, then compare file by file
            DeployRecord record = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (System.nanoTime() < deadline) {
                try (RemoteSession session = TestbedSsh.connect(direct)) {
                    record = engine.history(session, DeployFixture.options(testbed)).stream()
                            .filter(r -> r.id().equals(jobId)).findFirst().orElseThrow();
                }
                if (!record.state().equals("committing") && !record.state().equals("prepared")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals("committed", record.state(), record.toString());
            LiveFiles after = LiveFiles.of(DeployFixture.configDir(testbed));
            for (String name : LiveFiles.NAMES) {
                String planned = report.changeSet().file(name).filter(f -> f.changed()).isPresent() ? "new" : "old";
                if (planned.equals("old")) {
                    assertEquals(before.files().get(name), after.files().get(name), name + " untouched");
                } else {
                    Path live = DeployFixture.configDir(testbed).resolve(name);
                    assertEquals(report.changeSet().content(name),
                            new String(Files.readAllBytes(live), java.nio.charset.StandardCharsets.ISO_8859_1),
                            name + " is entirely the new file");
                }
            }
            assertEquals(0, Tools.sendTestMail(testbed).exitCode());
            Tools.Output starttls = Tools.run(List.of("openssl", "s_client", "-connect", testbed.host() + ":2587",
                    "-starttls", "smtp", "-brief"), "QUIT\r\n", 30);
            assertEquals(0, starttls.exitCode(), "the new configuration is live: " + starttls.text());
        } finally {
            Files.deleteIfExists(knownHosts);
        }
    }
}
