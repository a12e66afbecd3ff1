package org.postfixtls.wizard.app.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteShell;
import org.postfixtls.wizard.testsupport.TestPki;

/** Defence in depth: certificate content that arrives with a private key is discarded, never inspected or kept. */
class DiscoveryPrivateKeyTest {

    @Test
    void aCandidateThatArrivesWithItsKeyIsDiscardedWithAnError() {
        TestPki.Issued leaf = TestPki.selfSigned("mail.example.com", TestPki.Algorithm.EC);
        byte[] withKey = TestPki.concat(TestPki.privateKeyPem(leaf.keys()), TestPki.pem(leaf.certificate()));
        String output = line("config_directory", "/etc/postfix".getBytes(StandardCharsets.US_ASCII))
                + line("mail_version", "3.7.11".getBytes(StandardCharsets.US_ASCII))
                + line("cert.path", "/etc/postfix/combined.pem".getBytes(StandardCharsets.US_ASCII))
                + line("cert.source", "main.cf".getBytes(StandardCharsets.US_ASCII))
                + line("cert.meta", "root root 600".getBytes(StandardCharsets.US_ASCII))
                + line("cert.pem", withKey);

        ServerFacts facts = new Discovery().discover(new FixedOutput(output), "/etc/postfix", false);

        assertEquals(1, facts.certificates().size());
        ServerFacts.CertificateCandidate candidate = facts.certificates().get(0);
        assertNull(candidate.subject());
        assertTrue(candidate.error().contains("private key"), candidate.error());
    }

    private static String line(String key, byte[] value) {
        return key + "\t" + Base64.getEncoder().encodeToString(value) + "\n";
    }

    /** A server that answers every command with the same output (what a modified or hostile discover.sh sends). */
    private record FixedOutput(String stdout) implements RemoteShell {
        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
            return new CommandResult(0, stdout.getBytes(StandardCharsets.UTF_8), new byte[0]);
        }

        @Override
        public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, Consumer<String> lines) {
            return run(argv, stdin, timeout);
        }

        @Override
        public String target() {
            return "test@server:22";
        }
    }
}
