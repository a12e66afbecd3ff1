package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.TestPki.Algorithm;

class PemFileTest {

    private final byte[] certificatePem = TestPki.pem(TestPki.selfSigned("mail.example.com", Algorithm.EC).certificate());

    private static String failure(byte[] bytes) {
        return assertThrows(BadInputException.class,
                () -> CertificateInspector.parseChain(FileContent.of("chain.pem", bytes))).getMessage();
    }

    @Test
    void empty() {
        assertTrue(failure(new byte[0]).contains("is empty; expected a PEM certificate chain"));
        assertTrue(failure("\n  \n".getBytes(StandardCharsets.US_ASCII)).contains("is empty"));
    }

    @Test
    void derInsteadOfPem() throws Exception {
        byte[] der = TestPki.selfSigned("mail.example.com", Algorithm.RSA).certificate().getEncoded();
        String message = failure(der);
        assertTrue(message.contains("binary DER, not PEM") && message.contains("openssl x509 -inform DER"), message);
    }

    @Test
    void notPemAtAll() {
        assertTrue(failure("hello world\n".getBytes(StandardCharsets.US_ASCII)).contains("is not PEM"));
    }

    @Test
    void truncatedWithoutEndLine() {
        byte[] cut = Arrays.copyOf(certificatePem, certificatePem.length / 2);
        assertTrue(failure(cut).contains("is truncated"), failure(cut));
    }

    @Test
    void truncatedBodyWithEndLine() {
        String text = new String(certificatePem, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n");
        String damaged = lines[0] + "\n" + lines[1] + "\n" + lines[lines.length - 1] + "\n";
        String message = failure(damaged.getBytes(StandardCharsets.US_ASCII));
        assertTrue(message.contains("not a valid X.509 certificate") || message.contains("not valid base64"), message);
    }

    @Test
    void tooLarge() {
        byte[] big = new byte[InputLimits.MAX_PEM_BYTES + 1];
        Arrays.fill(big, (byte) 'A');
        assertTrue(failure(big).contains("is larger than"));
    }

    @Test
    void validPemHasOneCertificate() {
        assertEquals(1, CertificateInspector.parseChain(FileContent.of("c", certificatePem)).size());
    }
}
