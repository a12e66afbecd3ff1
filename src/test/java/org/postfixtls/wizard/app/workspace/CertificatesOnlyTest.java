package org.postfixtls.wizard.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.remote.PrivateKeyMaterial;
import org.postfixtls.wizard.app.remote.Scripts;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * The three server-side copies of "send only the CERTIFICATE blocks" (discover.sh, apply.sh, RemoteWorkspace)
 * run locally on files that also hold a private key: each prints exactly the certificates, never the key.
 */
class CertificatesOnlyTest {

    private static final TestPki.Issued CA = TestPki.rootCa("Test CA", TestPki.Algorithm.EC);
    private static final TestPki.Issued LEAF = TestPki.leaf("mail.example.com", TestPki.Algorithm.EC, CA);
    private static final byte[] KEY = TestPki.privateKeyPem(LEAF.keys());
    private static final byte[] CHAIN = TestPki.pem(LEAF.certificate(), CA.certificate());

    @TempDir
    Path dir;

    @Test
    void everyCopyPrintsOnlyTheCertificatesOfACombinedFile() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("key-first (smtpd_tls_chain_files)", TestPki.concat(KEY, CHAIN));
        files.put("key-last", TestPki.concat(CHAIN, KEY));
        files.put("rsa-style key between certificates", TestPki.concat(TestPki.pem(LEAF.certificate()),
                rsaStyle(KEY), TestPki.pem(CA.certificate())));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path path = dir.resolve("combined.pem");
            Files.write(path, file.getValue());
            for (Map.Entry<String, String> copy : outputs(path).entrySet()) {
                assertEquals(new String(CHAIN, StandardCharsets.US_ASCII), copy.getValue(),
                        copy.getKey() + " on " + file.getKey());
            }
        }
    }

    @Test
    void aKeyInsideAnUnterminatedCertificateBlockIsNeverPrinted() throws Exception {
        Path path = dir.resolve("broken.pem");
        byte[] truncatedCert = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIC\n".getBytes(StandardCharsets.US_ASCII);
        Files.write(path, TestPki.concat(truncatedCert, KEY, "-----END CERTIFICATE-----\n".getBytes(
                StandardCharsets.US_ASCII)));
        for (Map.Entry<String, String> copy : outputs(path).entrySet()) {
            assertFalse(copy.getValue().contains("PRIVATE KEY"), copy.getKey());
            assertFalse(copy.getValue().contains(keyBody()), copy.getKey());
        }
    }

    @Test
    void theClientRecognisesEveryKindOfPemPrivateKey() {
        assertTrue(PrivateKeyMaterial.isIn(KEY));
        assertTrue(PrivateKeyMaterial.isIn(rsaStyle(KEY)));
        assertTrue(PrivateKeyMaterial.isIn(TestPki.encryptedPrivateKeyPem(LEAF.keys(), "secret")));
        assertFalse(PrivateKeyMaterial.isIn(CHAIN));
    }

    private Map<String, String> outputs(Path file) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String script : List.of("discover.sh", "apply.sh")) {
            Class<?> owner = script.equals("discover.sh") ? Discovery.class
                    : org.postfixtls.wizard.app.deploy.DeployEngine.class;
            String function = certsOnlyFunction(new String(Scripts.load(owner, script), StandardCharsets.UTF_8));
            out.put(script, run(List.of("bash", "-c", function + "\ncerts_only \"$1\"", "bash", file.toString())));
        }
        out.put("RemoteWorkspace", run(List.of("sh", "-c", RemoteWorkspace.CERTIFICATES_ONLY, "sh", file.toString(),
                "262144")));
        return out;
    }

    private static String certsOnlyFunction(String script) {
        int start = script.indexOf("certs_only() {");
        int end = script.indexOf("\n}\n", start);
        assertTrue(start >= 0 && end > start, "certs_only() in the script");
        return script.substring(start, end + 3);
    }

    private static String run(List<String> command) throws Exception {
        Tools.Output output = Tools.run(command, "", 30);
        assertEquals(0, output.exitCode(), output.text());
        return output.text();
    }

    private static byte[] rsaStyle(byte[] pkcs8) {
        return new String(pkcs8, StandardCharsets.US_ASCII).replace("PRIVATE KEY", "EC PRIVATE KEY")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static String keyBody() {
        return new String(KEY, StandardCharsets.US_ASCII).lines().skip(1).findFirst().orElseThrow();
    }
}
