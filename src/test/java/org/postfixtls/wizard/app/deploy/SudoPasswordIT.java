package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Privilege;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * The sudo password is a secret for sudo alone: it never reaches a root shell as a command line, whether sudo asks
 * for it or not (NOPASSWD, or a password sudo still remembers). Every password here is also a shell command that
 * creates a marker file as root if anything executes it; discovery, deploy, history and rollback must leave no
 * marker behind.
 */
class SudoPasswordIT {

    private Testbed testbed;
    private final DeployEngine engine = new DeployEngine();

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
        forgetCachedSudoCredential();
        Files.deleteIfExists(bedMarker());
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            forgetCachedSudoCredential();
            Files.deleteIfExists(bedMarker());
            DeployFixture.clean(testbed);
        }
    }

    private Path bedMarker() {
        return Path.of(testbed.get("ssh.pwnedMarker"));
    }

    /** sudo keeps the caching user's credential in one record for all its sessions (timestamp_type=global). */
    private void forgetCachedSudoCredential() throws Exception {
        Files.deleteIfExists(Path.of("/run/sudo/ts", testbed.get("ssh.sudoCachingUser")));
    }

    /** As if the admin had just used sudo on the server: the caching user's credential is fresh. */
    private void cacheSudoCredential() throws Exception {
        Tools.Output validated = Tools.run(List.of("sudo", "-u", testbed.get("ssh.sudoCachingUser"), "sudo", "-S",
                "-p", "", "-v"), testbed.get("ssh.sudoCachingPassword") + "\n", 30);
        assertEquals(0, validated.exitCode(), validated.text());
        Tools.Output cached = Tools.run(List.of("sudo", "-u", testbed.get("ssh.sudoCachingUser"), "sudo", "-n",
                "true"), "", 30);
        assertEquals(0, cached.exitCode(), "the credential is cached: " + cached.text());
    }

    /** Discovery, deploy, history and rollback on one session: the paths that hand scripts to a root bash. */
    private void deployHistoryAndRollBack(ConnectionSettings settings) {
        DeployOptions options = DeployFixture.options(testbed);
        try (RemoteSession session = TestbedSsh.connect(settings)) {
            ServerFacts facts = new Discovery().discover(session, testbed.get("postfix.configDir"), false);
            assertEquals(testbed.get("postfix.version"), facts.postfixVersion());
            DeployReport deployed = engine.deploy(session, DeployFixture.profile(testbed, "runbook"), options,
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, deployed.outcome(), deployed.message() + "\n" + deployed.steps());
            assertTrue(engine.history(session, options).stream().anyMatch(r -> r.id().equals(deployed.deployId())));
            DeployReport undone = engine.rollback(session, null, options, DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, undone.outcome(), undone.message());
        }
    }

    @Test
    void aPasswordGivenForANopasswdUserIsNeverExecuted() throws Exception {
        Path marker = Path.of("/tmp/pftw-pwned-" + UUID.randomUUID());
        String password = "x;touch " + marker;
        try {
            deployHistoryAndRollBack(TestbedSsh.user(testbed, testbed.get("ssh.user"),
                    new Privilege.SudoWithPassword(password.toCharArray())));
            assertFalse(Files.exists(marker), "the sudo password was executed as a root command: " + marker);
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void aPasswordThatSudoRemembersFromTheCheckIsNeverExecuted() {
        deployHistoryAndRollBack(TestbedSsh.sudoCachingUser(testbed,
                new Privilege.SudoWithPassword(testbed.get("ssh.sudoCachingPassword").toCharArray())));
        assertFalse(Files.exists(bedMarker()), "the sudo password was executed as a root command");
    }

    @Test
    void aPasswordThatSudoRemembersFromAnEarlierSudoIsNeverExecuted() throws Exception {
        cacheSudoCredential();
        deployHistoryAndRollBack(TestbedSsh.sudoCachingUser(testbed,
                new Privilege.SudoWithPassword(testbed.get("ssh.sudoCachingPassword").toCharArray())));
        assertFalse(Files.exists(bedMarker()), "the sudo password was executed as a root command");
    }
}
