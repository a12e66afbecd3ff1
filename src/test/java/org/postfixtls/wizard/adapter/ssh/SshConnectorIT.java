package org.postfixtls.wizard.adapter.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Credentials;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.HostKeyInfo;
import org.postfixtls.wizard.app.remote.Privilege;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;

/** The SSH adapter against the test bed's real OpenSSH server. */
class SshConnectorIT {

    private static Testbed testbed;

    @BeforeAll
    static void testbed() {
        testbed = Testbed.require();
    }

    private static ConnectionSettings with(ConnectionSettings s, List<Credentials> credentials, Path knownHosts,
            HostKeyDecider decider, Privilege privilege) {
        return new ConnectionSettings(s.host(), s.port(), s.user(), credentials, knownHosts, decider, privilege,
                s.connectTimeout());
    }

    @Test
    void keyLoginRunsCommandsAsRootThroughSudoOnOneSession() {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            CommandResult id = session.run(List.of("id", "-u"), Duration.ofSeconds(10));
            assertEquals("0", id.stdoutText().strip());
            CommandResult version = session.run(List.of("postconf", "-c", testbed.get("postfix.configDir"), "-h",
                    "mail_version"), Duration.ofSeconds(10));
            assertEquals(testbed.get("postfix.version"), version.stdoutText().strip());
            assertEquals(1, session.stats().connections());
            assertEquals(2, session.stats().commands());
        }
    }

    @Test
    void hostileArgumentsReachTheServerAsData() {
        List<String> args = new ArrayList<>(HostileStrings.FIXED);
        args.addAll(HostileStrings.random(7, 300, 20));
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            for (int from = 0; from < args.size(); from += 120) {
                List<String> batch = args.subList(from, Math.min(args.size(), from + 120));
                CommandResult result = session.run(ShellQuotingPropertyTest.printfArgv(batch), Duration.ofSeconds(20));
                assertEquals(0, result.exitCode(), result.stderrText());
                assertArrayEquals(ShellQuotingPropertyTest.expected(batch), result.stdout());
            }
        }
    }

    @Test
    void stdinReachesTheCommandUnchangedAndStdoutStreamsLineByLine() {
        byte[] payload = new byte[200_000];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31);
        }
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            assertArrayEquals(payload, session.run(List.of("cat"), payload, Duration.ofSeconds(20)).stdout());
            List<String> lines = new ArrayList<>();
            session.run(List.of("printf", "one\\ntwo\\nthree"), new byte[0], Duration.ofSeconds(10), lines::add);
            assertEquals(List.of("one", "two", "three"), lines);
        }
    }

    @Test
    void aCommandThatOverrunsItsTimeoutIsAbandoned() {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            RemoteException.Timeout e = assertThrows(RemoteException.Timeout.class,
                    () -> session.run(List.of("sleep", "20"), Duration.ofSeconds(1)));
            assertTrue(e.getMessage().contains("'sleep'") && e.getMessage().contains("1 s"), e.getMessage());
            assertEquals("ok", session.run(List.of("echo", "ok"), Duration.ofSeconds(10)).stdoutText().strip());
        }
    }

    @Test
    void encryptedKeyWithPassphraseAndPasswordLoginWork() {
        ConnectionSettings base = TestbedSsh.deployUser(testbed);
        ConnectionSettings passphrase = with(base, List.of(new Credentials.KeyFile(
                Path.of(testbed.get("ssh.keyWithPassphrase")), testbed.get("ssh.keyPassphrase").toCharArray())),
                base.knownHosts(), base.hostKeyDecider(), base.privilege());
        try (RemoteSession session = TestbedSsh.connect(passphrase)) {
            assertEquals("0", session.run(List.of("id", "-u"), Duration.ofSeconds(10)).stdoutText().strip());
        }
        ConnectionSettings password = with(base, List.of(new Credentials.Password(
                testbed.get("ssh.password").toCharArray())), base.knownHosts(), base.hostKeyDecider(), base.privilege());
        try (RemoteSession session = TestbedSsh.connect(password)) {
            assertEquals("0", session.run(List.of("id", "-u"), Duration.ofSeconds(10)).stdoutText().strip());
        }
    }

    @Test
    void aWrongPasswordIsReportedWithUserAndMethodAndNeverTheSecret() {
        ConnectionSettings base = TestbedSsh.deployUser(testbed);
        String secret = "Wr0ng-" + System.nanoTime();
        ConnectionSettings wrong = with(base, List.of(new Credentials.Password(secret.toCharArray())),
                base.knownHosts(), base.hostKeyDecider(), base.privilege());
        RemoteException.AuthenticationFailed e = assertThrows(RemoteException.AuthenticationFailed.class,
                () -> TestbedSsh.connect(wrong));
        assertTrue(e.getMessage().startsWith("authentication failed for user " + base.user()), e.getMessage());
        assertTrue(e.getMessage().contains("password"), e.getMessage());
        assertFalse(e.getMessage().contains(secret));
        ConnectionSettings wrongPassphrase = with(base, List.of(new Credentials.KeyFile(
                Path.of(testbed.get("ssh.keyWithPassphrase")), secret.toCharArray())), base.knownHosts(),
                base.hostKeyDecider(), base.privilege());
        RemoteException e2 = assertThrows(RemoteException.AuthenticationFailed.class,
                () -> TestbedSsh.connect(wrongPassphrase));
        assertTrue(e2.getMessage().contains(testbed.get("ssh.keyWithPassphrase")), e2.getMessage());
        assertFalse(e2.getMessage().contains(secret));
    }

    @Test
    void anUnknownHostKeyIsRefusedShowingItsFingerprintThenAcceptedAndRecordedWhenTheFingerprintMatches(
            @TempDir Path dir) throws Exception {
        ConnectionSettings base = TestbedSsh.deployUser(testbed);
        Path knownHosts = dir.resolve("known_hosts");
        AtomicReference<HostKeyInfo> asked = new AtomicReference<>();
        ConnectionSettings refusing = with(base, base.credentials(), knownHosts, key -> {
            asked.set(key);
            return HostKeyDecider.Decision.REJECT;
        }, base.privilege());
        RemoteException.HostKeyUnknown e = assertThrows(RemoteException.HostKeyUnknown.class,
                () -> TestbedSsh.connect(refusing));
        String fingerprint = e.hostKey().fingerprint();
        assertTrue(fingerprint.equals(testbed.get("ssh.hostKeySha256"))
                || fingerprint.equals(testbed.get("ssh.hostKeySha256Rsa")), fingerprint);
        assertEquals("[" + testbed.host() + "]:" + testbed.get("ssh.port"), asked.get().hostSpec());
        assertTrue(e.getMessage().contains(fingerprint), e.getMessage());
        assertFalse(Files.exists(knownHosts), "a refused key is not recorded");

        ConnectionSettings wrongFingerprint = with(base, base.credentials(), knownHosts,
                HostKeyDecider.acceptFingerprint("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), base.privilege());
        assertThrows(RemoteException.HostKeyUnknown.class, () -> TestbedSsh.connect(wrongFingerprint));

        ConnectionSettings accepting = with(base, base.credentials(), knownHosts,
                HostKeyDecider.acceptFingerprint(fingerprint), base.privilege());
        try (RemoteSession session = TestbedSsh.connect(accepting)) {
            assertEquals("0", session.run(List.of("id", "-u"), Duration.ofSeconds(10)).stdoutText().strip());
        }
        assertTrue(Files.readString(knownHosts).startsWith("[" + testbed.host() + "]:" + testbed.get("ssh.port") + " "));
        // recorded: the next connection needs no decision; ssh-keygen agrees on the fingerprint
        try (RemoteSession session = TestbedSsh.connect(with(base, base.credentials(), knownHosts,
                HostKeyDecider.rejectAll(), base.privilege()))) {
            assertEquals(1, session.stats().connections());
        }
        Process keygen = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", knownHosts.toString()).start();
        keygen.waitFor(10, TimeUnit.SECONDS);
        assertTrue(new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).contains(fingerprint));
    }

    @Test
    void aChangedHostKeyIsRefusedWithAnInterceptionWarning(@TempDir Path dir) throws Exception {
        ConnectionSettings base = TestbedSsh.deployUser(testbed);
        // the client's own ed25519 public key plays an impostor host key
        String impostor = Files.readString(Path.of(testbed.get("ssh.key") + ".pub")).strip().split(" ")[1];
        Path knownHosts = dir.resolve("known_hosts");
        Files.writeString(knownHosts, "[" + testbed.host() + "]:" + testbed.get("ssh.port") + " ssh-ed25519 "
                + impostor + "\n");
        ConnectionSettings changed = with(base, base.credentials(), knownHosts,
                key -> HostKeyDecider.Decision.ACCEPT_AND_REMEMBER, base.privilege());
        RemoteException.HostKeyChanged e = assertThrows(RemoteException.HostKeyChanged.class,
                () -> TestbedSsh.connect(changed));
        assertTrue(e.getMessage().contains("CHANGED") && e.getMessage().contains("intercept"), e.getMessage());
        assertEquals(testbed.get("ssh.hostKeySha256"), e.hostKey().fingerprint());
        assertEquals(1, Files.readAllLines(knownHosts).size(), "nothing was added to known_hosts");
    }

    @Test
    void hashedKnownHostsEntriesAreUnderstood(@TempDir Path dir) throws Exception {
        Path knownHosts = dir.resolve("known_hosts");
        Files.copy(Path.of(testbed.get("ssh.knownHosts")), knownHosts);
        Process hash = new ProcessBuilder("ssh-keygen", "-H", "-f", knownHosts.toString()).start();
        assertTrue(hash.waitFor(10, TimeUnit.SECONDS));
        assertTrue(Files.readString(knownHosts).startsWith("|1|"), "hashed");
        ConnectionSettings base = TestbedSsh.deployUser(testbed);
        try (RemoteSession session = TestbedSsh.connect(with(base, base.credentials(), knownHosts,
                HostKeyDecider.rejectAll(), base.privilege()))) {
            assertEquals("0", session.run(List.of("id", "-u"), Duration.ofSeconds(10)).stdoutText().strip());
        }
    }

    @Test
    void sudoWithPasswordFeedsThePasswordOnStdinAndKeepsTheCommandsStdinIntact() {
        char[] password = testbed.get("ssh.sudoPassword").toCharArray();
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.sudoPasswordUser(testbed,
                new Privilege.SudoWithPassword(password)))) {
            assertEquals("0", session.run(List.of("id", "-u"), Duration.ofSeconds(10)).stdoutText().strip());
            byte[] payload = "line one\nsecond line with 'quotes' and $(dollar)\n".getBytes(StandardCharsets.UTF_8);
            CommandResult cat = session.run(List.of("cat"), payload, Duration.ofSeconds(10));
            assertArrayEquals(payload, cat.stdout(), "the command sees its own stdin, not the password");
            List<String> args = HostileStrings.random(11, 60, 16);
            assertArrayEquals(ShellQuotingPropertyTest.expected(args),
                    session.run(ShellQuotingPropertyTest.printfArgv(args), Duration.ofSeconds(10)).stdout());
        }
    }

    @Test
    void sudoThatNeedsAPasswordFailsClearlyWithoutOneOrWithAWrongOne() {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.sudoPasswordUser(testbed,
                new Privilege.SudoWithoutPassword()))) {
            RemoteException.PrivilegeFailed e = assertThrows(RemoteException.PrivilegeFailed.class,
                    () -> session.run(List.of("id", "-u"), Duration.ofSeconds(10)));
            assertTrue(e.getMessage().contains("needs a password"), e.getMessage());
        }
        String wrong = "not-" + testbed.get("ssh.sudoPassword");
        RemoteException.PrivilegeFailed e = assertThrows(RemoteException.PrivilegeFailed.class,
                () -> TestbedSsh.connect(TestbedSsh.sudoPasswordUser(testbed,
                        new Privilege.SudoWithPassword(wrong.toCharArray()))));
        assertTrue(e.getMessage().contains("password was not accepted"), e.getMessage());
        assertFalse(e.getMessage().contains(wrong));
    }
    private static List<Path> stdinUploads(String user) throws java.io.IOException {
        try (java.util.stream.Stream<Path> entries = Files.list(Path.of("/home", user))) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".pftw-stdin-")).toList();
        }
    }

    @Test
    void aSudoPasswordIsNotSentWhenSudoDoesNotAskForIt() throws Exception {
        Path marker = Path.of("/tmp/pftw-pwned-" + System.nanoTime());
        String password = "x;touch " + marker;
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.user(testbed, testbed.get("ssh.user"),
                new Privilege.SudoWithPassword(password.toCharArray())))) {
            byte[] payload = "only this\n".getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(payload, session.run(List.of("cat"), payload, Duration.ofSeconds(10)).stdout(),
                    "the command's stdin holds no password");
            CommandResult script = session.run(List.of("bash", "-s"), "id -u\n".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(10));
            assertEquals("0", script.stdoutText().strip(), script.stderrText());
            assertFalse(Files.exists(marker), "root's bash ran the password");
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void withASudoPasswordStdinReachesRootAsACheckedFileThatIsDeletedAfterwards() throws Exception {
        List<Path> before = stdinUploads(testbed.get("ssh.sudoPasswordUser"));
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.sudoPasswordUser(testbed,
                new Privilege.SudoWithPassword(testbed.get("ssh.sudoPassword").toCharArray())))) {
            CommandResult script = session.run(List.of("bash", "-s", "--", "arg one"),
                    "printf '%s|%s|' \"$(id -u)\" \"$1\"; cat\nrest of stdin\n".getBytes(StandardCharsets.UTF_8),
                    Duration.ofSeconds(10));
            assertEquals("0|arg one|rest of stdin\n", script.stdoutText(), script.stderrText());
            CommandResult noStdin = session.run(List.of("cat"), new byte[0], Duration.ofSeconds(10));
            assertEquals("", noStdin.stdoutText(), "a command without stdin does not see the password");
        }
        assertEquals(before, stdinUploads(testbed.get("ssh.sudoPasswordUser")));
    }

    @Test
    void aStdinFileSwappedAfterItsUploadIsRefusedAndNothingRuns() throws Exception {
        Path marker = Path.of("/tmp/pftw-swapped-" + System.nanoTime());
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.sudoPasswordUser(testbed,
                new Privilege.SudoWithPassword(testbed.get("ssh.sudoPassword").toCharArray())))) {
            String directory = session.files().home() + "/.pftw-stdin-swap-test";
            session.files().createPrivateDirectory(directory);
            try {
                byte[] uploaded = "echo what the client sent\n".getBytes(StandardCharsets.UTF_8);
                String sha256 = java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(uploaded));
                // the login user swaps the file between the upload and root's use
                session.files().write(directory + "/stdin", ("touch " + marker + "\n").getBytes(StandardCharsets.UTF_8));
                CommandResult refused = session.run(List.of("sh", "-c", SshSession.VERIFIED_STDIN, "sh",
                        directory + "/stdin", sha256, "bash", "-s"), new byte[0], Duration.ofSeconds(10));
                assertEquals(125, refused.exitCode(), refused.stderrText());
                assertTrue(refused.stderrText().contains("changed after the upload"), refused.stderrText());
            } finally {
                session.files().delete(directory);
            }
        }
        assertFalse(Files.exists(marker), "root ran the swapped stdin");
    }
}
