package org.postfixtls.wizard.domain.cert;

import java.util.List;
import java.util.function.Consumer;

/** Order and completeness of the certificates in the file, as a remote client receives them. */
final class ChainChecks {

    private ChainChecks() {
    }

    static void check(List<ParsedCertificate> chain, TrustAnchorsView trust, Consumer<Finding> findings) {
        ParsedCertificate leaf = chain.get(0);
        if (leaf.isCertificateAuthority() && chain.size() > 1) {
            findings.accept(new Finding(FindingId.CHAIN_ORDER,
                    "The first certificate is a CA certificate (" + leaf.subject() + "), not the server's own certificate",
                    "Put the server certificate first, then each issuer in turn (as in certbot's fullchain.pem)"));
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            ParsedCertificate current = chain.get(i);
            ParsedCertificate next = chain.get(i + 1);
            if (!current.isSelfSigned() && !current.isIssuedBy(next)) {
                findings.accept(new Finding(FindingId.CHAIN_ORDER,
                        next.label() + " did not issue " + current.label()
                                + "; Postfix sends the certificates in file order and clients expect each to be followed by its issuer",
                        "Order the file: server certificate first, then its issuer, then that issuer's issuer"));
                break;
            }
        }
        ParsedCertificate last = topOf(chain);
        if (last.isSelfSigned()) {
            return;
        }
        boolean issuerInFile = chain.stream().anyMatch(c -> c != last && last.isIssuedBy(c));
        if (!issuerInFile && !trust.issuesDirectly(last)) {
            String what = chain.size() == 1
                    ? "The file holds only the server certificate; its issuer (" + last.issuer() + ") is missing"
                    : "The issuer of " + last.label() + " (" + last.issuer() + ") is neither in the file nor a trusted CA";
            findings.accept(new Finding(FindingId.CHAIN_INCOMPLETE, what + ": remote servers cannot build the chain",
                    "Use fullchain.pem (not cert.pem) for smtpd_tls_cert_file, or append the intermediate certificate(s)"));
        }
    }

    /** The certificate at the top of the issuer links starting from the leaf, tolerating a wrong order. */
    private static ParsedCertificate topOf(List<ParsedCertificate> chain) {
        ParsedCertificate current = chain.get(0);
        for (int step = 0; step < chain.size(); step++) {
            if (current.isSelfSigned()) {
                return current;
            }
            ParsedCertificate from = current;
            ParsedCertificate issuer = chain.stream().filter(c -> c != from && from.isIssuedBy(c)).findFirst().orElse(null);
            if (issuer == null) {
                return current;
            }
            current = issuer;
        }
        return current;
    }

    /** The part of the trust store the chain check needs; absent trust is "unknown", not "untrusted". */
    interface TrustAnchorsView {
        boolean issuesDirectly(ParsedCertificate certificate);
    }
}
