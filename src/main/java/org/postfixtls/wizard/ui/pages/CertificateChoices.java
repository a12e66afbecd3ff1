package org.postfixtls.wizard.ui.pages;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.domain.cert.Finding;
import org.postfixtls.wizard.domain.cert.FindingId;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.Severity;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;

/**
 * The decisions of the Certificate step, without the view: what typed paths write into the profile, what an
 * inspection report means for going on (blocked, needs the user's "use it anyway", fine) and what the page says.
 */
final class CertificateChoices {

    /** Findings with which Postfix would not start TLS at all, or clients would all fail: no way past them. */
    static final Set<FindingId> BLOCKING = EnumSet.of(FindingId.KEY_MISMATCH, FindingId.KEY_ENCRYPTED,
            FindingId.EXPIRED, FindingId.NOT_YET_VALID);

    private CertificateChoices() {
    }

    /** Paths typed by hand; an empty field means "leave what the server has". The CA file is not on this page. */
    static Profile withPaths(Profile profile, String chainPath, String keyPath) {
        Profile.Certificate current = profile.certificate();
        Profile.Certificate wanted = new Profile.Certificate(blankToNull(chainPath), blankToNull(keyPath),
                current.caFile());
        return wanted.equals(current) ? profile : ProfileEdits.withCertificate(profile, wanted);
    }

    /** The first finding Postfix cannot live with, if any. */
    static Optional<Finding> blocking(InspectionReport report) {
        return report.findings().stream().filter(f -> BLOCKING.contains(f.id())).findFirst();
    }

    static boolean hasErrors(InspectionReport report) {
        return report.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }

    /**
     * "Use it anyway" is offered for errors clients may or may not forgive (untrusted, wrong name, key
     * permissions), never for a blocking one and not for mere warnings, which need no consent.
     */
    static boolean offersAcknowledgement(InspectionReport report) {
        return hasErrors(report) && blocking(report).isEmpty();
    }

    /** The status line above the findings. */
    static String statusText(InspectionReport report) {
        if (!report.hasFindings()) {
            return "No problems found.";
        }
        return blocking(report).isPresent() ? "Postfix cannot use this certificate as it is: fix the problems below."
                : report.findings().size() + " problem(s) found.";
    }

    /** Let's Encrypt renews every 60-90 days and Postfix reads the file only at start or reload: offer the hook. */
    static boolean offersRenewalHook(CertificateCandidate candidate) {
        return candidate.isLetsEncrypt();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
