package org.postfixtls.wizard.ui.pages;

import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.verify.ExpectedCertificate;
import org.postfixtls.wizard.domain.verify.SignatureFamily;

/** The Verify step's decisions, free of JavaFX. */
final class VerifyChoices {

    private VerifyChoices() {
    }

    /**
     * The SHA-256 the served leaf must have: the inspected certificate's, but only while it is the one the profile
     * deploys. A report left over from a certificate the user moved away from would fail a correct server.
     */
    static Optional<String> expectedFingerprint(Profile profile, CertificateCandidate chosen, InspectionReport report) {
        if (chosen == null || report == null || !deploys(profile, chosen)) {
            return Optional.empty();
        }
        return Optional.of(report.leaf().sha256Fingerprint());
    }

    /**
     * With an RSA and an ECDSA certificate deployed side by side and both inspected: each, so verify proves both
     * are served (one handshake per algorithm). Empty otherwise: a single certificate is {@link #expectedFingerprint}.
     */
    static List<ExpectedCertificate> chosenPair(Profile profile, CertificateCandidate first, InspectionReport firstReport,
            CertificateCandidate second, InspectionReport secondReport) {
        if (!profile.certificate().dual() || first == null || second == null || firstReport == null
                || secondReport == null || !deploys(profile, first) || !deploys(profile, second)) {
            return List.of();
        }
        Optional<SignatureFamily> a = CertificateChoices.family(firstReport);
        Optional<SignatureFamily> b = CertificateChoices.family(secondReport);
        if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
            return List.of();
        }
        return List.of(new ExpectedCertificate(a.get(), firstReport.leaf().sha256Fingerprint()),
                new ExpectedCertificate(b.get(), secondReport.leaf().sha256Fingerprint()));
    }

    private static boolean deploys(Profile profile, CertificateCandidate candidate) {
        return candidate.chainPath().equals(profile.certificate().chainFile())
                || candidate.chainPath().equals(profile.certificate().ecdsaChainFile());
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
