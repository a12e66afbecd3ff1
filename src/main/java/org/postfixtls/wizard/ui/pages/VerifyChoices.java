package org.postfixtls.wizard.ui.pages;

import java.util.Optional;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.profile.Profile;

/** The Verify step's decisions, free of JavaFX. */
final class VerifyChoices {

    private VerifyChoices() {
    }

    /**
     * The SHA-256 the served leaf must have: the inspected certificate's, but only while it is the one the profile
     * deploys. A report left over from a certificate the user moved away from would fail a correct server.
     */
    static Optional<String> expectedFingerprint(Profile profile, CertificateCandidate chosen, InspectionReport report) {
        String deployed = profile.certificate().chainFile();
        if (chosen == null || report == null || deployed == null || !deployed.equals(chosen.chainPath())) {
            return Optional.empty();
        }
        return Optional.of(report.leaf().sha256Fingerprint());
    }
}
