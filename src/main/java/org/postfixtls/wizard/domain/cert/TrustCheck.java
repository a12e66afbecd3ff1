package org.postfixtls.wizard.domain.cert;

import java.security.InvalidAlgorithmParameterException;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.X509CertSelector;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * Builds a path from the leaf to a trusted CA using only the certificates in the file, as a remote server does.
 * Validity dates are checked separately (expired / not-yet-valid), so the path is validated at a moment when
 * every certificate is valid: "untrusted" then means only "no path to a trusted CA".
 */
final class TrustCheck {

    private TrustCheck() {
    }

    /** Empty when trusted; otherwise why not. */
    static Optional<String> problem(List<ParsedCertificate> chain, TrustAnchors anchors, Instant now) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0).certificate());
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors.asPkixAnchors(), target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(momentAllAreValid(chain, now)));
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(chain.stream().map(ParsedCertificate::certificate).toList())));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return Optional.empty();
        } catch (CertPathBuilderException e) {
            // The JDK's wording ("unable to find valid certification path ...") means nothing to an admin.
            return Optional.of("no chain from it to a trusted CA (an intermediate certificate is missing, or it was"
                    + " issued by a private CA)");
        } catch (InvalidAlgorithmParameterException | NoSuchAlgorithmException e) {
            return Optional.of("cannot check trust: " + e.getMessage());
        }
    }

    private static Instant momentAllAreValid(List<ParsedCertificate> chain, Instant now) {
        Instant latestStart = chain.stream().map(ParsedCertificate::notBefore).max(Comparator.naturalOrder()).orElse(now);
        Instant earliestEnd = chain.stream().map(ParsedCertificate::notAfter).min(Comparator.naturalOrder()).orElse(now);
        if (now.isBefore(latestStart)) {
            return latestStart;
        }
        if (now.isAfter(earliestEnd)) {
            return earliestEnd;
        }
        return now;
    }
}
