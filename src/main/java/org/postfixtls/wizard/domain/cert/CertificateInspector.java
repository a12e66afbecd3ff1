package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Inspects a PEM chain (and optionally its key) the way a remote mail server and Postfix itself will see them,
 * before anything is deployed.
 */
public final class CertificateInspector {

    private static final String EXPECTED_CHAIN =
            "a PEM certificate chain (BEGIN CERTIFICATE blocks, server certificate first, e.g. fullchain.pem)";

    private final Clock clock;

    public CertificateInspector(Clock clock) {
        this.clock = clock;
    }

    public CertificateInspector() {
        this(Clock.systemUTC());
    }

    /**
     * @throws BadInputException when the chain or key is not usable input at all (not PEM, truncated, a key
     *                           where a certificate was expected, ...)
     */
    public InspectionReport inspect(InspectionRequest request) {
        Instant now = clock.instant();
        List<ParsedCertificate> chain = parseChain(request.chain());
        List<Finding> findings = new ArrayList<>();
        ParsedCertificate leaf = chain.get(0);

        ChainChecks.check(chain, certificate -> request.trust()
                .map(anchors -> anchors.hasAnchorFor(certificate))
                // Without a CA list, an intermediate at the top is the normal fullchain.pem shape.
                .orElse(chain.size() > 1 && certificate.isCertificateAuthority()), findings::add);
        if (leaf.isSelfSigned()) {
            findings.add(new Finding(FindingId.SELF_SIGNED,
                    leaf.label() + " is self-signed: clients and servers that verify certificates will reject it",
                    "Fine for tests and DANE-EE (TLSA 3 1 1) only; get a CA-signed certificate (e.g. Let's Encrypt) otherwise"));
        }
        request.trust().ifPresentOrElse(
                anchors -> TrustCheck.problem(chain, anchors, now).ifPresent(reason -> findings.add(new Finding(
                        FindingId.UNTRUSTED,
                        leaf.label() + " does not chain to a CA in " + anchors.source() + ": " + reason,
                        "Use a certificate from a public CA and include its intermediates (fullchain.pem)"))),
                () -> findings.add(new Finding(FindingId.TRUST_NOT_CHECKED,
                        "No CA bundle was found, so trust was not checked",
                        "Give the CA bundle explicitly (--ca-file /etc/ssl/certs/ca-certificates.crt)")));
        ValidityChecks.check(chain, now, request.expiryWindow(), findings::add);
        checkHostnames(leaf, request.hostnames(), findings);
        checkAlgorithms(chain, findings);
        Optional<KeyDetails> key = request.key()
                .map(evidence -> KeyChecks.check(evidence, leaf.subjectPublicKeyInfo(), request.keyPermissions(), findings::add));

        return new InspectionReport(request.chain().name(), now,
                chain.stream().map(c -> c.details(now)).toList(), key, request.hostnames(),
                request.trust().map(TrustAnchors::source), findings);
    }

    /** Parses a chain file; shared with callers that only need the certificates (e.g. DNS records). */
    public static List<ParsedCertificate> parseChain(FileContent content) {
        PemFile pem = PemFile.parse(content, EXPECTED_CHAIN);
        List<ParsedCertificate> chain = ParsedCertificate.allOf(pem, EXPECTED_CHAIN);
        if (chain.isEmpty()) {
            String found = pem.blocks().stream().anyMatch(PemBlock::isPrivateKey) ? "a private key"
                    : pem.blocks().stream().anyMatch(PemBlock::isPublicKey) ? "a public key"
                    : "only " + pem.blocks().get(0).type() + " blocks";
            throw new BadInputException(content.name() + " contains " + found + ", no certificate; expected " + EXPECTED_CHAIN);
        }
        return chain;
    }

    private static void checkHostnames(ParsedCertificate leaf, List<String> hostnames, List<Finding> findings) {
        for (String hostname : hostnames) {
            if (!HostnameMatcher.matches(leaf, hostname)) {
                List<String> names = leaf.dnsNames().isEmpty() ? List.of("CN=" + leaf.commonName()) : leaf.dnsNames();
                findings.add(new Finding(FindingId.HOSTNAME_MISMATCH,
                        "The certificate is not valid for " + hostname + " (it names " + String.join(", ", names) + ")",
                        "Request a certificate that includes " + hostname + " as a subjectAltName (certbot -d " + hostname + ")"));
            }
        }
    }

    private static void checkAlgorithms(List<ParsedCertificate> chain, List<Finding> findings) {
        for (ParsedCertificate certificate : chain) {
            PublicKeyDescription key = PublicKeyDescription.of(certificate.subjectPublicKeyInfo());
            if (key.isWeak()) {
                findings.add(new Finding(FindingId.WEAK_KEY, certificate.label() + " has a weak " + key + " key",
                        "Use RSA 2048 or more, or EC P-256 or more"));
            }
            if (!certificate.isSelfSigned() && certificate.hasWeakSignature()) {
                findings.add(new Finding(FindingId.WEAK_SIGNATURE,
                        certificate.label() + " is signed with " + certificate.signatureAlgorithm(),
                        "Reissue the certificate with a SHA-256 (or stronger) signature"));
            }
        }
    }
}
