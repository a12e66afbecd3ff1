package org.postfixtls.wizard.domain.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.cert.InspectionRequest;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.testsupport.TestPki;

/**
 * Issue 16 section 4: with one RSA and one ECDSA certificate chosen, each port gets one check per algorithm, judged
 * on the leaf served to a client offering only that algorithm's signature schemes.
 */
class DualCertificateChecksTest {

    private static final TestPki.Issued CA = TestPki.rootCa("Dual Test CA", TestPki.Algorithm.RSA);
    private static final TestPki.Issued RSA = TestPki.leaf("mail.example.com", TestPki.Algorithm.RSA, CA);
    private static final TestPki.Issued ECDSA = TestPki.leaf("mail.example.com", TestPki.Algorithm.EC, CA);
    private static final TestPki.Issued OTHER_ECDSA = TestPki.leaf("mail.example.com", TestPki.Algorithm.EC, CA);
    private static final PortTarget PORT = new PortTarget("127.0.0.1", 587, PortRole.SUBMISSION);

    private static FileContent pem(TestPki.Issued issued) {
        return FileContent.of("chosen.pem", TestPki.pem(issued.certificate(), CA.certificate()));
    }

    private static PortExpectations both() {
        return new PortExpectations(Optional.empty(), Optional.empty(), List.of(), InspectionRequest.DEFAULT_EXPIRY_WINDOW,
                ExpectedCertificates.of(List.of(pem(RSA), pem(ECDSA))));
    }

    private static CertificateProbe served(TestPki.Issued leaf) throws Exception {
        return CertificateProbe.served(new HandshakeFacts("TLSv1.3", "TLS_AES_128_GCM_SHA256", Optional.of("x25519"),
                List.of(leaf.certificate().getEncoded(), CA.certificate().getEncoded())));
    }

    private static Map<String, Check> judge(PortExpectations expectations, CertificateProbe ecdsa, CertificateProbe rsa) {
        Map<SignatureFamily, CertificateProbe> probes = new EnumMap<>(SignatureFamily.class);
        if (ecdsa != null) {
            probes.put(SignatureFamily.ECDSA, ecdsa);
        }
        if (rsa != null) {
            probes.put(SignatureFamily.RSA, rsa);
        }
        PortObservation observation = new PortObservation(PORT, SessionObservation.unreachable("n/a", Duration.ZERO),
                Map.of(), Map.of(), Optional.empty()).withCertificateProbes(probes);
        List<Check> checks = new ArrayList<>();
        DualCertificateChecks.add(observation, expectations, checks);
        Map<String, Check> byId = new java.util.HashMap<>();
        checks.forEach(c -> byId.put(c.id(), c));
        assertEquals(checks.size(), byId.size(), "one check per algorithm");
        return byId;
    }

    @Test
    void eachChosenCertificateServedToItsAlgorithmPasses() throws Exception {
        Map<String, Check> checks = judge(both(), served(ECDSA), served(RSA));
        assertEquals(CheckStatus.PASS, checks.get(CheckIds.CERTIFICATE_ECDSA_SERVED).status());
        assertEquals(CheckStatus.PASS, checks.get(CheckIds.CERTIFICATE_RSA_SERVED).status());
    }

    @Test
    void aServerWithoutTheEcdsaCertificateFailsTheEcdsaCheckWithTheFix() throws Exception {
        Map<String, Check> checks = judge(both(), CertificateProbe.refused("refused with alert handshake_failure"),
                served(RSA));
        Check ecdsa = checks.get(CheckIds.CERTIFICATE_ECDSA_SERVED);
        assertEquals(CheckStatus.FAIL, ecdsa.status());
        assertTrue(ecdsa.fix().orElseThrow().contains("smtpd_tls_chain_files"), ecdsa.toString());
        assertEquals(CheckStatus.PASS, checks.get(CheckIds.CERTIFICATE_RSA_SERVED).status());
    }

    @Test
    void anotherEcdsaCertificateOrAnRsaOneAnsweringAnEcdsaOnlyClientFails() throws Exception {
        Check other = judge(both(), served(OTHER_ECDSA), served(RSA)).get(CheckIds.CERTIFICATE_ECDSA_SERVED);
        assertEquals(CheckStatus.FAIL, other.status());
        assertTrue(other.detail().contains("another ECDSA certificate"), other.detail());
        Check wrongType = judge(both(), served(RSA), served(RSA)).get(CheckIds.CERTIFICATE_ECDSA_SERVED);
        assertEquals(CheckStatus.FAIL, wrongType.status());
        assertTrue(wrongType.detail().contains("RSA certificate"), wrongType.detail());
    }

    @Test
    void aProbeThatCouldNotRunIsNotCheckedAndASingleCertificateAddsNoChecks() throws Exception {
        Map<String, Check> checks = judge(both(), CertificateProbe.unknown("STARTTLS was refused"), null);
        assertEquals(CheckStatus.SKIPPED, checks.get(CheckIds.CERTIFICATE_ECDSA_SERVED).status());
        assertEquals(CheckStatus.SKIPPED, checks.get(CheckIds.CERTIFICATE_RSA_SERVED).status());
        PortExpectations single = new PortExpectations(Optional.empty(), Optional.of("ab:cd"), List.of(),
                InspectionRequest.DEFAULT_EXPIRY_WINDOW);
        assertTrue(judge(single, served(ECDSA), served(RSA)).isEmpty());
        assertTrue(single.dualFamilies().isEmpty());
    }

    @Test
    void expectedCertificatesAreOneOfEachAlgorithmAtMost() {
        assertEquals(List.of(SignatureFamily.RSA, SignatureFamily.ECDSA), ExpectedCertificates.of(
                List.of(pem(RSA), pem(ECDSA))).stream().map(ExpectedCertificate::family).toList());
        BadInputException same = assertThrows(BadInputException.class,
                () -> ExpectedCertificates.of(List.of(pem(ECDSA), pem(OTHER_ECDSA))));
        assertTrue(same.getMessage().contains("both certificates are ECDSA"), same.getMessage());
        assertThrows(BadInputException.class, () -> ExpectedCertificates.of(List.of(pem(RSA), pem(ECDSA), pem(RSA))));
        TestPki.Issued ed = TestPki.leaf("mail.example.com", TestPki.Algorithm.ED25519, CA);
        assertThrows(BadInputException.class, () -> ExpectedCertificates.of(List.of(pem(RSA), pem(ed))));
        assertEquals(1, ExpectedCertificates.of(List.of(pem(ed))).size(), "a single certificate of any algorithm");
    }
}
