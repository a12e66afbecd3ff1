package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postfixtls.wizard.domain.readiness.DestinationEvidence;
import org.postfixtls.wizard.domain.readiness.DestinationReadiness;
import org.postfixtls.wizard.domain.readiness.ReadinessReport;
import org.postfixtls.wizard.domain.readiness.ScanResult;
import org.postfixtls.wizard.domain.readiness.Suggestion;
import org.postfixtls.wizard.domain.readiness.TlsGrade;
import org.postfixtls.wizard.domain.readiness.Verdict;
import org.postfixtls.wizard.domain.text.Counted;

/** The readiness report as the JSON contract of docs/readiness.md, or as text. */
final class ReadinessDocument {

    private ReadinessDocument() {
    }

    static Map<String, Object> json(ReadinessReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("level", report.proposedLevel().postfixName());
        doc.put("destinations", report.destinations().stream().map(ReadinessDocument::destination).toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("messages", report.messages());
        summary.put("wouldFailMessages", report.wouldFailMessages());
        summary.put("wouldFailDestinations", report.wouldFailDestinations());
        doc.put("summary", summary);
        ScanResult scan = report.scan();
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("lines", scan.lines());
        log.put("deliveries", scan.deliveries());
        log.put("malformedLines", scan.malformedLines());
        log.put("linesOutsideWindow", scan.linesOutsideWindow());
        log.put("droppedDestinations", scan.droppedDestinations());
        doc.put("log", log);
        return doc;
    }

    private static Map<String, Object> destination(DestinationReadiness d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("destination", d.destination());
        m.put("nexthop", d.evidence().map(DestinationEvidence::nexthop).orElse(null));
        m.put("messages", d.messages());
        m.put("lastSeen", d.evidence().map(e -> e.lastSeen().toString()).orElse(null));
        m.put("tls", d.evidence().map(e -> {
            Map<String, Object> tls = new LinkedHashMap<>();
            tls.put("grade", e.weakest().map(TlsGrade::jsonName).orElse(null));
            Map<String, Long> grades = new LinkedHashMap<>();
            e.grades().forEach((g, n) -> grades.put(g.jsonName(), n));
            tls.put("grades", grades);
            tls.put("protocol", e.protocol().orElse(null));
            tls.put("cipher", e.cipher().orElse(null));
            return tls;
        }).orElse(null));
        m.put("level", d.level().postfixName());
        m.put("policyEntry", d.policyEntry().orElse(null));
        m.put("probe", d.probe().map(p -> {
            Map<String, Object> probe = new LinkedHashMap<>();
            probe.put("result", p.result().jsonName());
            probe.put("detail", p.detail());
            probe.put("target", p.target());
            probe.put("level", p.level());
            probe.put("grade", p.grade().map(TlsGrade::jsonName).orElse(null));
            return probe;
        }).orElse(null));
        m.put("verdict", d.verdict().jsonName());
        m.put("reason", d.reason());
        m.put("suggestion", d.suggestion().map(Suggestion::entry).orElse(null));
        m.put("suggestionKind", d.suggestion().map(s -> s.kind() == Suggestion.Kind.STRONGER ? "stronger"
                : "keeps-mail-flowing").orElse(null));
        return m;
    }

    static void text(ReadinessReport report, PrintWriter out) {
        out.println("Proposed outbound level: " + report.proposedLevel().postfixName());
        ScanResult scan = report.scan();
        out.println("Log: " + scan.lines() + " lines, " + scan.deliveries() + " deliveries, " + scan.malformedLines()
                + " unreadable lines skipped, " + scan.linesOutsideWindow() + " outside the window"
                + (scan.droppedDestinations() > 0 ? ", " + scan.droppedDestinations()
                + " deliveries to destinations beyond the memory bound not counted" : ""));
        out.println();
        for (DestinationReadiness d : report.destinations()) {
            String mark = switch (d.verdict()) {
                case OK -> "ok        ";
                case WOULD_FAIL -> "WOULD FAIL";
                case UNKNOWN -> "unknown   ";
            };
            out.println(mark + "  " + d.destination() + "  (" + d.messages() + " messages, level "
                    + d.level().postfixName() + d.policyEntry().map(p -> " from the policy entry '" + p + "'").orElse("")
                    + d.evidence().map(e -> ", last " + e.lastSeen() + " via " + e.nexthop() + ", TLS "
                    + e.weakest().map(TlsGrade::jsonName).orElse("unknown")).orElse("") + ")");
            out.println("            " + d.reason());
            d.probe().ifPresent(p -> out.println("            probe: " + p.result().jsonName() + ": " + p.detail()));
            d.suggestion().ifPresent(s -> out.println("            suggestion: " + s.entry()
                    + (s.kind() == Suggestion.Kind.STRONGER ? " (optional, stronger)" : "") + " — " + s.evidence()));
        }
        out.println();
        out.println(report.wouldFailDestinations() == 0
                ? "Nothing would fail: " + report.messages() + " messages in the log would still be delivered."
                : Counted.of(report.wouldFailDestinations(), "destination") + " with " + report.wouldFailMessages() + " of "
                + report.messages() + " messages would fail at this level; add the suggested policy entries first.");
        List<DestinationReadiness> failing = report.destinations().stream()
                .filter(d -> d.verdict() == Verdict.WOULD_FAIL && d.suggestion().isPresent()).toList();
        if (!failing.isEmpty()) {
            out.println("Policy entries that keep their mail flowing:");
            failing.forEach(d -> out.println("  " + d.suggestion().get().entry()));
        }
    }
}
