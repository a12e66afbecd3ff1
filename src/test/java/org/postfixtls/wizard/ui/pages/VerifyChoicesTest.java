package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.CertificateCheck;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;

class VerifyChoicesTest {

    private final ServerFiles demo = DemoServer.load();
    private final CertificateCandidate chosen = demo.certificates().get(0);
    private final InspectionReport report = CertificateCheck.inspect(chosen, demo, Optional.empty());

    private static Profile deploying(String chain) {
        return ProfileEdits.withCertificate(Preset.RECOMMENDED.baseline(),
                new Profile.Certificate(chain, chain == null ? null : "/etc/ssl/private/key.pem", null));
    }

    @Test
    void theInspectedCertificateIsExpectedWhileTheProfileDeploysIt() {
        assertEquals(Optional.of(report.leaf().sha256Fingerprint()),
                VerifyChoices.expectedFingerprint(deploying(chosen.chainPath()), chosen, report));
    }

    @Test
    void aPathTypedAfterChoosingReplacesTheExpectation() {
        assertEquals(Optional.empty(), VerifyChoices.expectedFingerprint(deploying("/etc/ssl/other/fullchain.pem"),
                chosen, report), "the served certificate is not compared with one the profile no longer deploys");
    }

    @Test
    void nothingIsExpectedWithoutAnInspectedChoice() {
        assertEquals(Optional.empty(), VerifyChoices.expectedFingerprint(deploying(chosen.chainPath()), null, report));
        assertEquals(Optional.empty(), VerifyChoices.expectedFingerprint(deploying(chosen.chainPath()), chosen, null));
        assertEquals(Optional.empty(), VerifyChoices.expectedFingerprint(deploying(null), chosen, report));
    }

    private static CertificateCandidate candidate(String name, org.postfixtls.wizard.testsupport.TestPki.Algorithm algorithm) {
        var ca = org.postfixtls.wizard.testsupport.TestPki.rootCa("Verify Choices CA",
                org.postfixtls.wizard.testsupport.TestPki.Algorithm.RSA);
        var leaf = org.postfixtls.wizard.testsupport.TestPki.leaf("mail.example.com", algorithm, ca);
        return new CertificateCandidate("/etc/ssl/" + name + ".pem", "/etc/ssl/" + name + ".key",
                org.postfixtls.wizard.domain.kernel.FileContent.of(name, org.postfixtls.wizard.testsupport.TestPki.pem(
                        leaf.certificate())), Optional.empty(), "test");
    }

    @Test
    void withAnRsaAndAnEcdsaCertificateDeployedBothAreExpectedEachWithItsAlgorithm() {
        CertificateCandidate ecdsa = candidate("ecdsa", org.postfixtls.wizard.testsupport.TestPki.Algorithm.EC);
        CertificateCandidate rsa = candidate("rsa", org.postfixtls.wizard.testsupport.TestPki.Algorithm.RSA);
        InspectionReport ecdsaReport = CertificateCheck.inspect(ecdsa, demo, Optional.empty());
        InspectionReport rsaReport = CertificateCheck.inspect(rsa, demo, Optional.empty());
        Profile dual = ProfileEdits.withCertificate(Preset.RECOMMENDED.baseline(), new Profile.Certificate(
                rsa.chainPath(), rsa.keyPath(), null, ecdsa.chainPath(), ecdsa.keyPath()));

        var pair = VerifyChoices.chosenPair(dual, ecdsa, ecdsaReport, rsa, rsaReport);
        assertEquals(java.util.List.of(
                new org.postfixtls.wizard.domain.verify.ExpectedCertificate(
                        org.postfixtls.wizard.domain.verify.SignatureFamily.ECDSA, ecdsaReport.leaf().sha256Fingerprint()),
                new org.postfixtls.wizard.domain.verify.ExpectedCertificate(
                        org.postfixtls.wizard.domain.verify.SignatureFamily.RSA, rsaReport.leaf().sha256Fingerprint())),
                pair);
        assertEquals(Optional.of(ecdsaReport.leaf().sha256Fingerprint()),
                VerifyChoices.expectedFingerprint(dual, ecdsa, ecdsaReport), "the first may be the ECDSA one");
        assertEquals(java.util.List.of(), VerifyChoices.chosenPair(deploying(rsa.chainPath()), ecdsa, ecdsaReport, rsa,
                rsaReport), "a single deployed certificate is no pair");
        assertEquals(java.util.List.of(), VerifyChoices.chosenPair(dual, rsa, rsaReport, rsa, rsaReport),
                "two of one algorithm are no pair");
    }
}
