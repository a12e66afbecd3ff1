package org.postfixtls.wizard.app.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postfixtls.wizard.domain.cert.CertificateDetails;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.DnsAnswer;
import org.postfixtls.wizard.domain.verify.DnsResult;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;
import org.postfixtls.wizard.domain.verify.PortMode;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.ServerResult;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/**
 * The report as ordered maps: the JSON contract of {@code verify --format json} (field names never change, only
 * new ones are added) and the single source the Markdown and HTML reports are written from.
 */
public final class ReportDocument {

    private ReportDocument() {
    }

    public static Map<String, Object> of(VerificationReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("host", report.host());
        doc.put("startedAt", report.startedAt().toString());
        doc.put("elapsedMs", report.elapsed().toMillis());
        doc.put("configHash", report.configHash().orElse(null));
        doc.put("status", report.status().json());
        doc.put("ports", report.ports().stream().map(ReportDocument::port).toList());
        doc.put("dns", report.dns().map(ReportDocument::dns).orElse(null));
        doc.put("server", report.server().map(ReportDocument::server).orElse(null));
        doc.put("checklist", report.checklist().stream().map(ReportDocument::check).toList());
        doc.put("checks", report.checks().stream().map(ReportDocument::check).toList());
        return doc;
    }

    static Map<String, Object> port(PortResult result) {
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("port", result.target().port());
        port.put("service", result.target().role().label());
        port.put("mode", result.target().mode().json());
        port.put("reachable", result.reachable());
        port.put("tls", result.tls());
        port.put("protocol", result.protocol().orElse(null));
        Map<String, Object> protocols = new LinkedHashMap<>();
        for (TlsVersion version : TlsVersion.values()) {
            protocols.put(version.label(), known(result.observation().protocols().get(version)));
        }
        port.put("protocols", protocols);
        port.put("cipher", result.cipher().orElse(null));
        port.put("group", result.group().orElse(null));
        Map<String, Object> weak = new LinkedHashMap<>();
        for (WeakCipherClass cipherClass : WeakCipherClass.values()) {
            weak.put(cipherClass.key(), known(result.observation().weakCiphers().get(cipherClass)));
        }
        port.put("weakCiphers", weak);
        Map<String, Object> keyExchange = new LinkedHashMap<>(); // decision 0067: what each post-quantum offer got
        for (KeyExchangeOffer offer : KeyExchangeOffer.values()) {
            keyExchange.put(offer.json(), known(result.observation().keyExchange().get(offer)));
        }
        port.put("postQuantum", keyExchange);
        // On an implicit-TLS port nothing is said before TLS, so AUTH cannot be offered there.
        port.put("authBeforeTls", result.target().mode() == PortMode.IMPLICIT && result.tls() ? Boolean.FALSE
                : result.authBeforeTls().orElse(null));
        port.put("authAfterTls", result.authAfterTls().orElse(null));
        port.put("starttlsInjection", result.observation().starttlsInjection().map(ReportDocument::known).orElse(null));
        port.put("certificateSha256", result.certificateSha256().orElse(null));
        port.put("certificateChain", result.certificate().map(c -> c.certificates().stream()
                .map(ReportDocument::certificate).toList()).orElse(List.of()));
        port.put("problem", result.observation().session().problem().orElse(null));
        port.put("status", result.status().json());
        return port;
    }

    private static Map<String, Object> certificate(CertificateDetails details) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("subject", details.subject());
        c.put("issuer", details.issuer());
        c.put("subjectAlternativeNames", details.subjectAlternativeNames());
        c.put("notAfter", details.notAfter().toString());
        c.put("daysLeft", details.daysLeft());
        c.put("sha256", details.sha256Fingerprint());
        return c;
    }

    private static Map<String, Object> dns(DnsResult result) {
        Map<String, Object> dns = new LinkedHashMap<>();
        dns.put("domain", result.observation().domain());
        dns.put("mx", answer(result.observation().mx()));
        Map<String, Object> tlsa = new LinkedHashMap<>();
        result.observation().tlsa().forEach((host, answer) -> tlsa.put(host, answer(answer)));
        dns.put("tlsa", tlsa);
        dns.put("mtaSts", answer(result.observation().mtaStsTxt()));
        dns.put("mtaStsPolicy", result.observation().policyText().orElse(null));
        dns.put("tlsRpt", answer(result.observation().tlsRptTxt()));
        dns.put("status", result.status().json());
        return dns;
    }

    private static Map<String, Object> answer(DnsAnswer answer) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("status", answer.status().name().toLowerCase(java.util.Locale.ROOT));
        a.put("records", answer.records());
        a.put("authenticated", answer.authenticated());
        return a;
    }

    private static Map<String, Object> server(ServerResult result) {
        Map<String, Object> server = new LinkedHashMap<>();
        var observation = result.observation();
        server.put("configHash", observation.configHash().orElse(null));
        server.put("outboundLevel", observation.outboundLevel().orElse(null));
        server.put("keyFile", observation.keyFile().orElse(null));
        server.put("keyMode", observation.keyMetadata().map(m -> m.owner() + ":" + m.group() + " " + m.modeOctal()).orElse(null));
        server.put("outboundProbe", observation.outboundProbe().map(p -> {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("destination", p.destination());
            probe.put("level", p.level());
            probe.put("trust", p.trust().map(t -> t.label()).orElse(null));
            probe.put("protocol", p.protocol().orElse(null));
            probe.put("cipher", p.cipher().orElse(null));
            probe.put("satisfiesLevel", p.satisfiesLevel());
            return probe;
        }).orElse(null));
        server.put("mailLog", observation.mailLog().map(log -> {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("linesRead", log.linesRead());
            summary.put("inboundVersions", log.inboundVersions());
            summary.put("outboundVersions", log.outboundVersions());
            Map<String, Object> destinations = new LinkedHashMap<>();
            log.perDestination().forEach((host, counts) -> {
                Map<String, Object> c = new LinkedHashMap<>();
                counts.forEach((trust, n) -> c.put(trust.label(), n));
                destinations.put(host, c);
            });
            summary.put("destinations", destinations);
            return summary;
        }).orElse(null));
        server.put("problems", observation.problems());
        server.put("status", result.status().json());
        return server;
    }

    static Map<String, Object> check(Check check) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", check.id());
        c.put("port", check.port().orElse(null));
        c.put("status", check.status().json());
        c.put("detail", check.detail());
        c.put("evidence", new ArrayList<>(check.evidence()));
        c.put("fix", check.fix().orElse(null));
        return c;
    }

    private static Boolean known(ProbeOutcome outcome) {
        return outcome == null || outcome.result() == ProbeOutcome.Result.UNKNOWN ? null : outcome.accepted();
    }
}
