package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CA certificates a remote mail server would trust: the system CA bundle (what {@code smtp_tls_CAfile}
 * points to) or a CA file the user names. Deliberately not the JDK's cacerts, which is a different list.
 */
public final class TrustAnchors {

    private final String source;
    private final List<X509Certificate> certificates;

    private TrustAnchors(String source, List<X509Certificate> certificates) {
        this.source = source;
        this.certificates = List.copyOf(certificates);
    }

    public static TrustAnchors fromPemBundle(FileContent bundle) {
        String expected = "a PEM CA bundle (BEGIN CERTIFICATE blocks)";
        if (bundle.bytes().length > InputLimits.MAX_CA_BUNDLE_BYTES) {
            throw new BadInputException(bundle.name() + " is larger than " + InputLimits.MAX_CA_BUNDLE_BYTES / (1024 * 1024)
                    + " MB; expected " + expected);
        }
        PemFile pem = PemFile.parseLarge(bundle, expected);
        List<X509Certificate> certificates = pem.certificates().stream()
                .map(block -> ParsedCertificate.decode(bundle.name(), block, expected))
                .toList();
        if (certificates.isEmpty()) {
            throw new BadInputException(bundle.name() + " contains no certificate; expected " + expected);
        }
        return new TrustAnchors(bundle.name(), certificates);
    }

    public static TrustAnchors of(String source, List<X509Certificate> certificates) {
        return new TrustAnchors(source, certificates);
    }

    public String source() {
        return source;
    }

    public List<X509Certificate> certificates() {
        return certificates;
    }

    Set<TrustAnchor> asPkixAnchors() {
        Set<TrustAnchor> anchors = new LinkedHashSet<>();
        certificates.forEach(c -> anchors.add(new TrustAnchor(c, null)));
        return anchors;
    }

    boolean hasAnchorFor(ParsedCertificate certificate) {
        return certificates.stream().anyMatch(certificate::isIssuedBy);
    }
}
