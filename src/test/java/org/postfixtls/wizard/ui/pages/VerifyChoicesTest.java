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
}
