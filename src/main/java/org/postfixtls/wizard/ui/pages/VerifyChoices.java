package org.postfixtls.wizard.ui.pages;

import java.util.List;
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

    /** Null when host and ports can be verified, else what to fix, naming the field as on screen. */
    static String problem(String host, List<String> ports) {
        if (!host.trim().matches("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[?[0-9A-Fa-f:.]+]?")) {
            return "Host: enter the server's host name or IP address.";
        }
        for (String port : ports) {
            if (!port.trim().matches("[0-9]{1,5}") || Integer.parseInt(port.trim()) > 65535) {
                return "Ports: " + port + " is not a port; enter 1-65535, or 0 to skip that service.";
            }
        }
        return null;
    }
}
