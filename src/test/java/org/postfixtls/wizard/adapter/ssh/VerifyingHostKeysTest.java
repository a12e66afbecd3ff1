package org.postfixtls.wizard.adapter.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.HostKeyInfo;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RunPinnedHostKeys;

/** Issue 14 finding 9: host keys of a new type, keys accepted for one run, and hashed known_hosts files. */
class VerifyingHostKeysTest {

    private static final String HOST = "mx.example.test";
    /** Made by ssh-keygen -H for other.example.test: a file whose owner hashes host names. */
    private static final String HASHED_LINE = "|1|jvm3dJykdLQxfbvCH6CbyNltOfg=|zlu1dBpF83JBs1hNwwNXeM+gN28= ssh-ed25519"
            + " AAAAC3NzaC1lZDI1NTE5AAAAIGeHL4SwPQ6aihYLnUaOQXQwjFwA9cDpzF+HSOm3nh7K";

    @TempDir
    Path dir;

    /** A key blob as the server sends it: the type name, then key material (random: only identity matters here). */
    private static byte[] blob(String type) {
        byte[] material = new byte[32];
        new SecureRandom().nextBytes(material);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : new byte[][] {type.getBytes(StandardCharsets.US_ASCII), material}) {
            out.writeBytes(new byte[] {0, 0, 0, (byte) part.length});
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String line(String host, byte[] key) {
        return host + " " + Fingerprints.type(key) + " " + Base64.getEncoder().encodeToString(key) + "\n";
    }

    private static HostKeyRepository repository(Path knownHosts) throws Exception {
        JSch jsch = new JSch();
        jsch.setKnownHosts(knownHosts.toString());
        return jsch.getHostKeyRepository();
    }

    private VerifyingHostKeys verifying(Path knownHosts, HostKeyDecider decider) throws Exception {
        return new VerifyingHostKeys(repository(knownHosts), decider, knownHosts, HOST, 22);
    }

    @Test
    void aKeyOfANewTypeForAKnownHostReachesTheDeciderAsAChangeWithBothFingerprints() throws Exception {
        byte[] ecdsa = blob("ecdsa-sha2-nistp256");
        byte[] ed25519 = blob("ssh-ed25519");
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), line(HOST, ecdsa));
        List<HostKeyInfo> asked = new ArrayList<>();
        VerifyingHostKeys keys = verifying(knownHosts, key -> {
            asked.add(key);
            return HostKeyDecider.Decision.REJECT;
        });

        assertEquals(HostKeyRepository.NOT_INCLUDED, keys.check(HOST, ed25519));

        HostKeyInfo info = asked.get(0);
        assertTrue(info.newTypeForKnownHost(), "not a first meeting: " + info);
        assertEquals(List.of("ecdsa-sha2-nistp256 " + Fingerprints.sha256(ecdsa)), info.knownKeys());
        assertEquals(Fingerprints.sha256(ed25519), info.fingerprint());
        String refusal = new RemoteException.HostKeyUnknown(keys.presented()).getMessage();
        assertTrue(refusal.contains("has a new type") && refusal.contains(Fingerprints.sha256(ecdsa))
                && refusal.contains(Fingerprints.sha256(ed25519)), refusal);
        assertFalse(refusal.contains("is not known"), refusal);
    }

    @Test
    void aHostKnowsNothingOfIsStillAFirstMeeting() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), line("other.example.test", blob("ssh-ed25519")));
        List<HostKeyInfo> asked = new ArrayList<>();
        verifying(knownHosts, key -> {
            asked.add(key);
            return HostKeyDecider.Decision.REJECT;
        }).check(HOST, blob("ssh-ed25519"));
        assertFalse(asked.get(0).newTypeForKnownHost());
    }

    @Test
    void aKeyAcceptedThisTimeHoldsForTheRunAndNoOtherKeyDoes() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "");
        byte[] key = blob("ssh-ed25519");
        List<HostKeyInfo> asked = new ArrayList<>();
        RunPinnedHostKeys run = new RunPinnedHostKeys(presented -> {
            asked.add(presented);
            return HostKeyDecider.Decision.ACCEPT_ONCE;
        });

        // discovery, then deploy, then verification: each job is its own connection
        for (int job = 0; job < 3; job++) {
            VerifyingHostKeys keys = verifying(knownHosts, run);
            assertEquals(HostKeyRepository.OK, keys.check(HOST, key));
            assertEquals(VerifyingHostKeys.Outcome.ACCEPTED, keys.outcome());
        }
        assertEquals(1, asked.size(), "asked once for the run");

        VerifyingHostKeys swapped = verifying(knownHosts, run);
        assertEquals(HostKeyRepository.NOT_INCLUDED, swapped.check(HOST, blob("ssh-ed25519")));
        assertEquals(VerifyingHostKeys.Outcome.CHANGED_SINCE_ACCEPTED, swapped.outcome());
        assertEquals(1, asked.size(), "a different key is refused, not offered as another unknown key");
        assertEquals("", Files.readString(knownHosts), "accepted this time: nothing written");
    }

    @Test
    void aRememberedKeyFollowsTheFilesHashedStyleAndStillMatches() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), HASHED_LINE + "\n");
        byte[] key = blob("ssh-ed25519");
        assertEquals(HostKeyRepository.OK,
                verifying(knownHosts, k -> HostKeyDecider.Decision.ACCEPT_AND_REMEMBER).check(HOST, key));

        List<String> lines = Files.readAllLines(knownHosts);
        assertEquals(2, lines.size());
        assertTrue(lines.get(1).startsWith("|1|"), lines.get(1));
        assertFalse(Files.readString(knownHosts).contains(HOST), "no readable host name in a hashed file");
        // an independent reader (JSch's HMAC check of hashed entries) finds the host under the new entry
        assertEquals(HostKeyRepository.OK, repository(knownHosts).check(HOST, key));
        assertEquals(HostKeyRepository.NOT_INCLUDED, repository(knownHosts).check("mx2.example.test", key));
    }

    @Test
    void aPlainFileGetsAPlainEntry() throws Exception {
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), line("other.example.test", blob("ssh-ed25519")));
        byte[] key = blob("ssh-ed25519");
        verifying(knownHosts, k -> HostKeyDecider.Decision.ACCEPT_AND_REMEMBER).check(HOST, key);
        assertEquals(line(HOST, key).strip(), Files.readAllLines(knownHosts).get(1));
        assertEquals(HostKeyRepository.OK, repository(knownHosts).check(HOST, key));
    }
}
