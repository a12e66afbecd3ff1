package org.postfixtls.wizard.domain.verify;

import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import org.postfixtls.wizard.domain.cert.ParsedCertificate;
import org.postfixtls.wizard.domain.cert.PublicKeyDescription;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.kernel.FileContent;

/**
 * The certificates the served ones must be: one, or one RSA and one ECDSA served side by side (postconf(5)
 * smtpd_tls_chain_files holds "at most one key of each type", so two of one algorithm cannot both be served).
 */
public final class ExpectedCertificates {

    private ExpectedCertificates() {
    }

    /** Each file's first certificate is the leaf that must be served. */
    public static List<ExpectedCertificate> of(List<FileContent> files) {
        if (files.size() > 2) {
            throw new BadInputException("--expect-cert: at most two certificates, one RSA and one ECDSA; got "
                    + files.size());
        }
        List<ExpectedCertificate> chosen = new ArrayList<>();
        for (FileContent file : files) {
            ParsedCertificate leaf = CertificateInspector.parseChain(file).get(0);
            PublicKeyDescription key = PublicKeyDescription.of(leaf.subjectPublicKeyInfo());
            SignatureFamily family = SignatureFamily.of(key).orElse(null);
            if (family == null && files.size() == 2) {
                throw new BadInputException(file.name() + ": a " + key.type() + " certificate; beside another one"
                        + " only RSA and ECDSA are checked");
            }
            if (family != null && chosen.stream().anyMatch(c -> c.family() == family)) {
                throw new BadInputException(file.name() + ": both certificates are " + family.label() + "; Postfix"
                        + " serves at most one key of each type (postconf(5) smtpd_tls_chain_files): give one RSA"
                        + " and one ECDSA certificate");
            }
            chosen.add(new ExpectedCertificate(family == null ? SignatureFamily.RSA : family, leaf.sha256Fingerprint()));
        }
        return chosen;
    }
}
