package org.postfixtls.wizard.domain.cert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The result of inspecting a chain (and key): the facts per certificate and the findings.
 *
 * @param trustSource the CA file trust was checked against, empty when it was not checked
 */
public record InspectionReport(
        String chainFile,
        Instant inspectedAt,
        List<CertificateDetails> certificates,
        Optional<KeyDetails> key,
        List<String> hostnamesChecked,
        Optional<String> trustSource,
        List<Finding> findings) {

    public InspectionReport {
        certificates = List.copyOf(certificates);
        hostnamesChecked = List.copyOf(hostnamesChecked);
        findings = List.copyOf(findings);
    }

    public boolean hasFindings() {
        return !findings.isEmpty();
    }

    public boolean has(FindingId id) {
        return findings.stream().anyMatch(f -> f.id() == id);
    }

    public CertificateDetails leaf() {
        return certificates.get(0);
    }
}
