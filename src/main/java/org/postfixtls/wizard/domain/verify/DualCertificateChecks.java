package org.postfixtls.wizard.domain.verify;

import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import org.postfixtls.wizard.domain.cert.ParsedCertificate;
import org.postfixtls.wizard.domain.cert.PublicKeyDescription;
import org.postfixtls.wizard.domain.kernel.BadInputException;

/**
 * With an RSA and an ECDSA certificate chosen, one check per algorithm: a client offering only that algorithm's
 * signature schemes got a leaf of that algorithm, and it is the chosen one. A server serving only one of them passes
 * the ordinary handshake with every client that supports it, so only these probes show the other is missing.
 */
final class DualCertificateChecks {

    static final String FIX = "List each key right before its certificate chain in smtpd_tls_chain_files (Postfix"
            + " 3.4+; before: smtpd_tls_cert_file/key_file for RSA and smtpd_tls_eccert_file/eckey_file for ECDSA),"
            + " then postfix reload";

    private DualCertificateChecks() {
    }

    static void add(PortObservation observation, PortExpectations expectations, List<Check> checks) {
        for (SignatureFamily family : expectations.dualFamilies()) {
            String expected = expectations.chosen().stream().filter(c -> c.family() == family).findFirst()
                    .orElseThrow().sha256();
            checks.add(check(observation.target().port(), family, expected,
                    Optional.ofNullable(observation.certificateProbes().get(family))));
        }
    }

    private static Check check(int port, SignatureFamily family, String expected, Optional<CertificateProbe> probe) {
        String id = CheckIds.certificateServed(family);
        String offered = "offered only " + family.offered();
        if (probe.isEmpty() || probe.get().outcome().result() == ProbeOutcome.Result.UNKNOWN) {
            return Check.skipped(id, port, "not checked: " + probe.map(p -> p.outcome().detail()).orElse("not probed"));
        }
        Optional<HandshakeFacts> facts = probe.get().handshake();
        if (facts.isEmpty() || facts.get().chainDer().isEmpty()) {
            return Check.fail(id, port, "no " + family.label() + " certificate is served: a client that supports only "
                    + family.label() + " cannot connect", List.of(offered, probe.get().outcome().detail()), FIX);
        }
        ParsedCertificate leaf;
        try {
            leaf = CertificateInspector.parseChain(ServedChain.asPem("certificate served on port " + port
                    + " for " + family.label(), facts.get().chainDer().subList(0, 1))).get(0);
        } catch (BadInputException e) {
            return Check.fail(id, port, "the certificate served for " + family.label() + " is unreadable: "
                    + e.getMessage(), List.of(offered), FIX);
        }
        PublicKeyDescription key = PublicKeyDescription.of(leaf.subjectPublicKeyInfo());
        String served = leaf.sha256Fingerprint();
        List<String> evidence = List.of(offered, probe.get().outcome().detail(), "served " + leaf.subject() + " ("
                + key + "), SHA-256 " + served, "chosen SHA-256 " + expected);
        if (SignatureFamily.of(key).orElse(null) != family) {
            return Check.fail(id, port, "asked for " + family.label() + ", the server presented a " + key.type()
                    + " certificate", evidence, FIX);
        }
        return PortEvaluator.normalizeFingerprint(expected).equals(PortEvaluator.normalizeFingerprint(served))
                ? Check.pass(id, port, "the chosen " + family.label() + " certificate is served to clients that"
                + " support only " + family.label(), evidence)
                : Check.fail(id, port, "another " + family.label() + " certificate than the chosen one is served",
                evidence, FIX);
    }
}
