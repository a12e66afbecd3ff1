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
import org.postfixtls.wizard.domain.verify.SignatureFamily;
import org.postfixtls.wizard.domain.text.Counted;

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

    /**
     * The page's two pickers into the profile: the RSA certificate goes into chainFile/keyFile, the ECDSA one beside
     * it into ecdsaChainFile/ecdsaKeyFile, whichever was picked first. Without a second one, the first is the only
     * one (whatever its algorithm), as before.
     */
    static Profile withPaths(Profile profile, String chainPath, String keyPath, String secondChain, String secondKey,
            boolean firstIsEcdsa) {
        String chain = blankToNull(chainPath);
        String key = blankToNull(keyPath);
        String otherChain = blankToNull(secondChain);
        String otherKey = blankToNull(secondKey);
        if (otherChain == null && otherKey == null) {
            return withPaths(profile, chainPath, keyPath);
        }
        Profile.Certificate current = profile.certificate();
        Profile.Certificate wanted = firstIsEcdsa
                ? new Profile.Certificate(otherChain, otherKey, current.caFile(), chain, key)
                : new Profile.Certificate(chain, key, current.caFile(), otherChain, otherKey);
        return wanted.equals(current) ? profile : ProfileEdits.withCertificate(profile, wanted);
    }

    /** The chain and key paths the first picker shows for this profile: the ECDSA pair when that is the first. */
    static String[] firstPaths(Profile.Certificate certificate, boolean firstIsEcdsa) {
        return firstIsEcdsa && certificate.ecdsaChainFile() != null
                ? new String[] {certificate.ecdsaChainFile(), certificate.ecdsaKeyFile()}
                : new String[] {certificate.chainFile(), certificate.keyFile()};
    }

    /** The paths of the second picker: the pair the first does not show; nulls without a second certificate. */
    static String[] secondPaths(Profile.Certificate certificate, boolean firstIsEcdsa) {
        if (certificate.ecdsaChainFile() == null && certificate.ecdsaKeyFile() == null) {
            return new String[] {null, null};
        }
        return firstIsEcdsa ? new String[] {certificate.chainFile(), certificate.keyFile()}
                : new String[] {certificate.ecdsaChainFile(), certificate.ecdsaKeyFile()};
    }

    /** RSA, ECDSA, or empty (Ed25519, Ed448, unknown) for the inspected certificate's leaf. */
    static Optional<SignatureFamily> family(InspectionReport report) {
        return report == null ? Optional.empty() : SignatureFamily.of(report.leaf().publicKey());
    }

    /**
     * Why the pair cannot be served side by side, or empty: Postfix serves "at most one key of each type"
     * (postconf(5) smtpd_tls_chain_files), and the wizard serves the common pair, RSA and ECDSA.
     */
    static Optional<String> pairProblem(InspectionReport first, InspectionReport second) {
        if (second == null) {
            return Optional.empty();
        }
        Optional<SignatureFamily> other = family(second);
        if (other.isEmpty()) {
            return Optional.of("Second certificate: it has a " + second.leaf().publicKey().type() + " key; beside"
                    + " the first one, choose an RSA or an ECDSA certificate.");
        }
        if (first != null && family(first).equals(other)) {
            return Optional.of("Second certificate: both certificates are " + other.get().label() + ". Postfix serves"
                    + " at most one certificate of each algorithm (postconf(5) smtpd_tls_chain_files): choose "
                    + (other.get() == SignatureFamily.RSA ? "an ECDSA" : "an RSA") + " certificate as the second.");
        }
        return Optional.empty();
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
                : Counted.of(report.findings().size(), "problem") + " found.";
    }

    /** Let's Encrypt renews every 60-90 days and Postfix reads the file only at start or reload: offer the hook. */
    static boolean offersRenewalHook(CertificateCandidate candidate) {
        return candidate.isLetsEncrypt();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
