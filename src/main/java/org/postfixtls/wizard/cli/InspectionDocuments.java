package org.postfixtls.wizard.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postfixtls.wizard.domain.cert.CertificateDetails;
import org.postfixtls.wizard.domain.cert.Finding;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.KeyDetails;
import org.postfixtls.wizard.domain.text.Counted;

/** {@code cert inspect} output: the JSON document (fields documented in docs/certificates.md) and the text form. */
final class InspectionDocuments {

    private InspectionDocuments() {
    }

    static Map<String, Object> json(InspectionReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("chainFile", report.chainFile());
        document.put("inspectedAt", report.inspectedAt().toString());
        document.put("ok", !report.hasFindings());
        document.put("certificates", report.certificates().stream().map(InspectionDocuments::certificate).toList());
        report.key().ifPresent(key -> document.put("key", key(key)));
        document.put("hostnamesChecked", report.hostnamesChecked());
        document.put("trustSource", report.trustSource().orElse(null));
        document.put("findings", report.findings().stream().map(InspectionDocuments::finding).toList());
        return document;
    }

    private static Map<String, Object> certificate(CertificateDetails c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("position", c.position());
        m.put("subject", c.subject());
        m.put("subjectAltNames", c.subjectAlternativeNames());
        m.put("issuer", c.issuer());
        m.put("serial", c.serialHex());
        m.put("notBefore", c.notBefore().toString());
        m.put("notAfter", c.notAfter().toString());
        m.put("daysLeft", c.daysLeft());
        m.put("keyType", c.publicKey().type());
        m.put("keyBits", c.publicKey().bits());
        m.put("keyCurve", c.publicKey().curve().isEmpty() ? null : c.publicKey().curve());
        m.put("signatureAlgorithm", c.signatureAlgorithm());
        m.put("sha256Fingerprint", c.sha256Fingerprint());
        m.put("selfSigned", c.selfSigned());
        m.put("ca", c.certificateAuthority());
        return m;
    }

    private static Map<String, Object> key(KeyDetails key) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", key.file());
        m.put("kind", key.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("keyType", key.publicKey().map(d -> d.toString()).orElse(null));
        m.put("matchesCertificate", key.matchesCertificate().orElse(null));
        key.metadata().ifPresent(meta -> {
            m.put("owner", meta.owner());
            m.put("group", meta.group());
            m.put("mode", meta.modeOctal());
        });
        return m;
    }

    private static Map<String, Object> finding(Finding f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id().id());
        m.put("severity", f.severity().name().toLowerCase(java.util.Locale.ROOT));
        m.put("message", f.message());
        m.put("advice", f.advice());
        return m;
    }

    static String text(InspectionReport report) {
        StringBuilder out = new StringBuilder();
        for (CertificateDetails c : report.certificates()) {
            out.append("Certificate ").append(c.position()).append(c.position() == 1 ? " (server)" : "").append('\n');
            line(out, "Subject", c.subject());
            line(out, "Alt names", c.subjectAlternativeNames().isEmpty() ? "(none)" : String.join(", ", c.subjectAlternativeNames()));
            line(out, "Issuer", c.issuer() + (c.selfSigned() ? " (self-signed)" : ""));
            line(out, "Serial", c.serialHex());
            line(out, "Valid", c.notBefore() + " to " + c.notAfter() + " (" + c.daysLeft() + " days left)");
            line(out, "Key", c.publicKey().toString());
            line(out, "Signature", c.signatureAlgorithm());
            line(out, "SHA-256", c.sha256Fingerprint());
            out.append('\n');
        }
        report.key().ifPresent(key -> {
            out.append("Key ").append(key.file()).append('\n');
            line(out, "Kind", key.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            key.publicKey().ifPresent(d -> line(out, "Type", d.toString()));
            line(out, "Matches", key.matchesCertificate().map(b -> b ? "yes" : "NO").orElse("not checked"));
            key.metadata().ifPresent(m -> line(out, "File", m.owner() + ":" + m.group() + " " + m.modeOctal()));
            out.append('\n');
        });
        line(out, "Trust", report.trustSource().map(s -> "checked against " + s).orElse("not checked"));
        if (!report.hostnamesChecked().isEmpty()) {
            line(out, "Hostnames", String.join(", ", report.hostnamesChecked()));
        }
        out.append('\n');
        List<Finding> findings = report.findings();
        if (findings.isEmpty()) {
            out.append("No findings: the certificate is ready for Postfix.\n");
        } else {
            out.append(Counted.of(findings.size(), "finding")).append(":\n");
            for (Finding f : findings) {
                out.append("  [").append(f.severity()).append("] ").append(f.id().id()).append(": ").append(f.message()).append('\n');
                out.append("      -> ").append(f.advice()).append('\n');
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-10s %s%n", label + ":", value));
    }
}
