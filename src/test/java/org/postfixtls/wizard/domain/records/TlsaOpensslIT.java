package org.postfixtls.wizard.domain.records;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.cert.PublicKeys;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.TestPki.Algorithm;
import org.postfixtls.wizard.testsupport.Testbed;

/** The TLSA value must be exactly what the guide's openssl pipeline prints for the same certificate. */
class TlsaOpensslIT {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void tlsaEqualsOpensslPipeline(Algorithm algorithm) throws Exception {
        Path openssl = Testbed.requireCommand("openssl");
        TestPki.Issued root = TestPki.rootCa("IT Root", Algorithm.RSA);
        TestPki.Issued intermediate = TestPki.intermediate("IT Intermediate", Algorithm.RSA, root);
        TestPki.Issued leaf = TestPki.leaf("mail.example.com", algorithm, intermediate);
        byte[] fullchain = TestPki.pem(leaf.certificate(), intermediate.certificate());
        Path chainFile = Files.write(dir.resolve("fullchain.pem"), fullchain);

        String script = "'" + openssl + "' x509 -in '" + chainFile + "' -noout -pubkey | '" + openssl
                + "' pkey -pubin -outform DER | sha256sum";
        String expected = run(script).split("\\s+")[0];

        String ours = TlsaRecord.spkiSha256Hex(PublicKeys.ofCertificate(FileContent.of("fullchain.pem", fullchain)));
        assertEquals(expected, ours);
    }

    private static String run(String script) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "set -o pipefail; " + script).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl pipeline failed: " + output);
        }
        return output.strip();
    }
}
