package org.postfixtls.wizard.ui.pages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;
import org.postfixtls.wizard.domain.verify.MailLogSummary;
import org.postfixtls.wizard.domain.verify.PortMode;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.TlsTrust;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.domain.text.Counted;

/**
 * What the Verify step shows of a finished verification, without JavaFX: the summary sentence, one tile per port,
 * the "Done" checklist and the other findings by section. Made from a live report, or from a recorded one (the
 * JSON of {@code verify --format json}, as the demo ships it), so both look the same on screen.
 */
record VerifyDisplay(String summary, CheckStatus status, List<Tile> tiles, List<Line> checklist, List<Section> sections) {

    /**
     * Shown when the port accepts the hybrid group: the handshake line above names the group of a classical offer
     * (the main probe offers no post-quantum group), so without it a deploy that enabled it would look undone.
     */
    static final String POST_QUANTUM_LINE = "post-quantum " + KeyExchangeOffer.GROUP + " ✓";

    /** One port's tile: title ("smtp :25"), status, then short lines; small ones are set in a smaller font. */
    record Tile(int port, String title, CheckStatus status, List<TileLine> lines) {
    }

    record TileLine(String text, boolean small) {
    }

    /** One check as a line: its text with the fix, and the evidence behind it (a tooltip). */
    record Line(String id, CheckStatus status, String text, List<String> evidence) {
    }

    /** A titled group of lines ("DNS", "On the server", "Port findings"), with an optional free-text note. */
    record Section(String title, List<Line> lines, String note) {
    }

    static VerifyDisplay of(VerificationReport report) {
        List<Section> sections = new ArrayList<>();
        report.dns().ifPresent(dns -> sections.add(new Section("DNS", lines(dns.checks()), null)));
        report.server().ifPresent(server -> sections.add(new Section("On the server", lines(server.checks()),
                server.observation().mailLog().map(VerifyDisplay::mailLog).orElse(null))));
        List<Check> portFindings = report.ports().stream().flatMap(p -> p.checks().stream())
                .filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.WARN).toList();
        if (!portFindings.isEmpty()) {
            sections.add(new Section("Port findings", lines(portFindings), null));
        }
        return new VerifyDisplay(summary(report.status(), report.checks().stream().map(Check::status).toList(),
                report.elapsed().toMillis()), report.status(), report.ports().stream().map(VerifyDisplay::tile).toList(),
                lines(report.checklist()), sections);
    }

    static String summary(CheckStatus status, List<CheckStatus> checks, long elapsedMs) {
        long fails = checks.stream().filter(s -> s == CheckStatus.FAIL).count();
        long warns = checks.stream().filter(s -> s == CheckStatus.WARN).count();
        return switch (status) {
            case PASS -> "Everything verified in " + elapsedMs + " ms.";
            case WARN -> Counted.of(warns, "warning") + ", no failure (" + elapsedMs + " ms).";
            case FAIL -> Counted.of(fails, "check") + " failed — each shows its fix below.";
            case SKIPPED -> "Nothing could be checked.";
        };
    }

    static Tile tile(PortResult result) {
        List<TileLine> lines = new ArrayList<>();
        if (result.reachable()) {
            lines.add(new TileLine(tlsLine(result.target().mode(), result.tls()), false));
            Map<String, Boolean> versions = new java.util.LinkedHashMap<>();
            result.protocols().forEach((version, accepted) -> versions.put(version.label(), accepted));
            lines.add(new TileLine(versionsLine(versions), false));
            result.cipher().ifPresent(c -> lines.add(new TileLine(c + result.group().map(g -> " / " + g).orElse(""), true)));
            ProbeOutcome postQuantum = result.observation().keyExchange().get(KeyExchangeOffer.PQ_ONLY);
            if (postQuantum != null && postQuantum.accepted()) {
                lines.add(new TileLine(POST_QUANTUM_LINE, true));
            }
            result.authAfterTls().ifPresent(after -> lines.add(new TileLine(authLine(
                    result.authBeforeTls().orElse(false), after), false)));
            result.certificateSha256().ifPresent(sha -> lines.add(new TileLine(certLine(sha), true)));
        } else {
            lines.add(new TileLine("not reachable", false));
        }
        return new Tile(result.target().port(), result.target().role().label() + " :" + result.target().port(),
                result.status(), lines);
    }

    static List<Line> lines(List<Check> checks) {
        return checks.stream().map(c -> new Line(c.id() + c.port().map(p -> "-" + p).orElse(""), c.status(),
                c.detail() + c.fix().map(f -> " — Fix: " + f).orElse(""), List.copyOf(c.evidence()))).toList();
    }

    private static String tlsLine(PortMode mode, boolean tls) {
        return mode == PortMode.IMPLICIT ? "implicit TLS" + (tls ? "" : " — no handshake")
                : tls ? "STARTTLS" : "no STARTTLS";
    }

    /** Only the versions the probe could decide: an unknown answer is left out, not shown as refused. */
    private static String versionsLine(Map<String, Boolean> versions) {
        StringBuilder line = new StringBuilder();
        versions.forEach((label, accepted) -> {
            if (accepted != null) {
                line.append(label).append(accepted ? " ✓  " : " ✗  ");
            }
        });
        return line.toString().trim();
    }

    private static String authLine(boolean beforeTls, boolean afterTls) {
        return "AUTH " + (beforeTls ? "before and after TLS" : afterTls ? "only after TLS" : "not offered");
    }

    private static String certLine(String sha) {
        return "cert " + sha.substring(0, Math.min(23, sha.length())) + "…";
    }

    private static String mailLog(MailLogSummary log) {
        StringBuilder text = new StringBuilder("Mail log (" + log.linesRead() + " lines): outbound ");
        for (TlsTrust trust : TlsTrust.values()) {
            text.append(trust.label()).append(' ').append(log.outbound(trust)).append("  ");
        }
        return text.append("\nTLS versions in ").append(log.inboundVersions()).append(", out ")
                .append(log.outboundVersions()).toString();
    }

    /**
     * A recorded report: the JSON document of {@code verify --format json} ({@code ReportDocument}). Its "checks"
     * hold every check in the report's order: the ports' (with a port), then DNS, server side, and the checklist.
     */
    static VerifyDisplay ofDocument(JsonNode doc) {
        List<JsonNode> all = new ArrayList<>();
        doc.path("checks").forEach(all::add);
        List<JsonNode> others = all.subList(0, all.size() - doc.path("checklist").size()).stream()
                .filter(c -> !c.path("port").isNumber()).toList();
        List<Section> sections = new ArrayList<>();
        if (doc.path("dns").isObject()) {
            sections.add(new Section("DNS", recordedLines(others.stream().filter(VerifyDisplay::isDns).toList()), null));
        }
        if (doc.path("server").isObject()) {
            sections.add(new Section("On the server", recordedLines(others.stream().filter(c -> !isDns(c)).toList()),
                    recordedMailLog(doc.path("server").path("mailLog"))));
        }
        List<Line> portFindings = recordedLines(all.stream().filter(c -> c.path("port").isNumber()).toList()).stream()
                .filter(l -> l.status() == CheckStatus.FAIL || l.status() == CheckStatus.WARN).toList();
        if (!portFindings.isEmpty()) {
            sections.add(new Section("Port findings", portFindings, null));
        }
        CheckStatus status = status(doc.path("status").asText());
        List<Tile> tiles = new ArrayList<>();
        doc.path("ports").forEach(port -> tiles.add(recordedTile(port)));
        return new VerifyDisplay(summary(status, recordedLines(all).stream().map(Line::status).toList(),
                doc.path("elapsedMs").asLong()), status, tiles, recordedLines(doc.path("checklist")), sections);
    }

    private static boolean isDns(JsonNode check) {
        return check.path("id").asText().startsWith("dns-");
    }

    private static Tile recordedTile(JsonNode port) {
        List<TileLine> lines = new ArrayList<>();
        int number = port.path("port").asInt();
        if (port.path("reachable").asBoolean()) {
            boolean implicit = PortMode.IMPLICIT.json().equals(port.path("mode").asText());
            lines.add(new TileLine(tlsLine(implicit ? PortMode.IMPLICIT : PortMode.STARTTLS, port.path("tls").asBoolean()),
                    false));
            Map<String, Boolean> versions = new java.util.LinkedHashMap<>();
            for (TlsVersion version : TlsVersion.values()) {
                JsonNode accepted = port.path("protocols").path(version.label());
                versions.put(version.label(), accepted.isBoolean() ? accepted.asBoolean() : null);
            }
            lines.add(new TileLine(versionsLine(versions), false));
            if (port.path("cipher").isTextual()) {
                lines.add(new TileLine(port.path("cipher").asText() + (port.path("group").isTextual()
                        ? " / " + port.path("group").asText() : ""), true));
            }
            if (port.path("postQuantum").path(KeyExchangeOffer.PQ_ONLY.json()).asBoolean(false)) {
                lines.add(new TileLine(POST_QUANTUM_LINE, true));
            }
            if (port.path("authAfterTls").isBoolean()) {
                lines.add(new TileLine(authLine(port.path("authBeforeTls").asBoolean(false),
                        port.path("authAfterTls").asBoolean()), false));
            }
            if (port.path("certificateSha256").isTextual()) {
                lines.add(new TileLine(certLine(port.path("certificateSha256").asText()), true));
            }
        } else {
            lines.add(new TileLine("not reachable", false));
        }
        return new Tile(number, port.path("service").asText() + " :" + number, status(port.path("status").asText()),
                lines);
    }

    private static List<Line> recordedLines(Iterable<JsonNode> checks) {
        List<Line> lines = new ArrayList<>();
        for (JsonNode c : checks) {
            List<String> evidence = new ArrayList<>();
            c.path("evidence").forEach(e -> evidence.add(e.asText()));
            String fix = c.path("fix").isTextual() ? " — Fix: " + c.path("fix").asText() : "";
            String port = c.path("port").isNumber() ? "-" + c.path("port").asInt() : "";
            lines.add(new Line(c.path("id").asText() + port, status(c.path("status").asText()),
                    c.path("detail").asText() + fix, evidence));
        }
        return lines;
    }

    private static String recordedMailLog(JsonNode log) {
        if (!log.isObject()) {
            return null;
        }
        StringBuilder text = new StringBuilder("Mail log (" + log.path("linesRead").asInt() + " lines): outbound ");
        for (TlsTrust trust : TlsTrust.values()) {
            int sum = 0;
            for (JsonNode counts : log.path("destinations")) {
                sum += counts.path(trust.label()).asInt(0);
            }
            text.append(trust.label()).append(' ').append(sum).append("  ");
        }
        return text.append("\nTLS versions in ").append(counts(log.path("inboundVersions"))).append(", out ")
                .append(counts(log.path("outboundVersions"))).toString();
    }

    /** {"TLSv1.3": 4} as the live page prints a map: {TLSv1.3=4}. */
    private static String counts(JsonNode counts) {
        List<String> entries = new ArrayList<>();
        counts.fields().forEachRemaining(e -> entries.add(e.getKey() + "=" + e.getValue().asText()));
        return "{" + String.join(", ", entries) + "}";
    }

    private static CheckStatus status(String json) {
        for (CheckStatus status : CheckStatus.values()) {
            if (status.json().equals(json)) {
                return status;
            }
        }
        throw new IllegalArgumentException("not a check status: " + json);
    }
}
