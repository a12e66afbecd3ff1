package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.RemoteWorkspace;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.testsupport.RecordingSession;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * "The private key never leaves the server", with the key in the same file as the certificate: Postfix's
 * smtpd_tls_chain_files format (key first), and smtpd_tls_cert_file with smtpd_tls_key_file naming the same file.
 * Discovery, the workspace's certificate fetch and a whole deploy run through a session that keeps every byte
 * the server sends back; none of it may hold the key.
 */
class PrivateKeyStaysOnServerIT {

    private static final Path DIR = Path.of("/var/lib/pftw-testbed/combined-it");

    private Testbed testbed;
    private Path combined;
    private String keyBody;

    @BeforeEach
    void combinedFile() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
        Files.createDirectories(DIR);
        combined = DIR.resolve("mail.pem");
        byte[] key = Files.readAllBytes(Path.of(testbed.get("tls.key")));
        byte[] chain = Files.readAllBytes(Path.of(testbed.get("tls.fullchain")));
        Files.write(combined, concat(key, chain));
        Tools.run(List.of("chmod", "600", combined.toString()), "", 10);
        keyBody = new String(key, StandardCharsets.US_ASCII).lines().skip(1).findFirst().orElseThrow();
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            Tools.run(List.of("rm", "-rf", DIR.toString()), "", 10);
            DeployFixture.clean(testbed);
        }
    }

    @Test
    void aCombinedFileInSmtpdTlsChainFilesIsSeenButItsKeyNeverSent() throws Exception {
        postconf("-e", "smtpd_tls_chain_files = " + combined);
        postconf("-X", "smtpd_tls_cert_file", "smtpd_tls_key_file");
        String received = discoverFetchAndDeploy(DeployFixture.profile(testbed, "runbook"));
        assertKeyAbsent(received);
    }

    @Test
    void aCombinedFileInSmtpdTlsCertFileIsSeenDeployedButItsKeyNeverSent() throws Exception {
        postconf("-e", "smtpd_tls_cert_file = " + combined);
        postconf("-X", "smtpd_tls_key_file");
        String received = discoverFetchAndDeploy(DeployFixture.profile("runbook", combined.toString(),
                combined.toString()));
        assertKeyAbsent(received);
    }

    private String discoverFetchAndDeploy(org.postfixtls.wizard.domain.profile.Profile profile) {
        try (RecordingSession session = new RecordingSession(TestbedSsh.connect(TestbedSsh.deployUser(testbed)))) {
            ServerFacts facts = new Discovery().discover(session, testbed.get("postfix.configDir"), false);
            ServerFacts.CertificateCandidate found = facts.certificates().stream()
                    .filter(c -> c.path().equals(combined.toString())).findFirst().orElseThrow();
            assertNull(found.error(), "the certificates of the combined file are still read");
            assertTrue(found.subject().contains("mail.testbed.example"), found.subject());

            ServerFiles files = RemoteWorkspace.from(facts, session);
            CertificateCandidate fetched = files.certificates().stream()
                    .filter(c -> c.chainPath().equals(combined.toString())).findFirst().orElseThrow();
            String chain = new String(fetched.chain().bytes(), StandardCharsets.US_ASCII);
            assertEquals(2, chain.split("BEGIN CERTIFICATE", -1).length - 1, chain);

            DeployReport report = new DeployEngine().deploy(session, profile, DeployFixture.options(testbed),
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, report.outcome(), report.message() + "\n" + report.steps());
            return session.everythingReceived();
        }
    }

    private void assertKeyAbsent(String received) {
        assertTrue(received.contains("BEGIN CERTIFICATE"), "the recording sees decoded certificates");
        assertFalse(received.contains("PRIVATE KEY"), "a private key reached the client");
        assertFalse(received.contains(keyBody), "the key's base64 body reached the client");
    }

    private void postconf(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("postconf", "-c", testbed.get("postfix.configDir")));
        command.addAll(List.of(args));
        Tools.Output out = Tools.run(command, "", 30);
        assertEquals(0, out.exitCode(), out.text());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
