package org.postfixtls.wizard.app.verify;

import java.util.List;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;

/** A single self-contained HTML page (inline CSS, no scripts, no external resources): the evidence to keep. */
public final class ReportHtml {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}
            table{border-collapse:collapse;margin:1em 0;width:100%}
            th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top;font-size:0.9em}
            th{background:#f2f2f2} code{font-size:0.9em}
            .pass{background:#e6f4ea}.warn{background:#fff4d6}.fail{background:#fde2e1}.skipped{background:#eee}
            ul{margin:0;padding-left:1.2em}
            """;

    private ReportHtml() {
    }

    public static String of(VerificationReport report) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.append("<title>TLS verification of ").append(escape(report.host())).append("</title><style>")
                .append(STYLE).append("</style></head><body>\n");
        html.append("<h1>TLS verification of ").append(escape(report.host())).append("</h1>\n<table>");
        row(html, "host", report.host());
        row(html, "time", report.startedAt().toString());
        row(html, "duration", report.elapsed().toMillis() + " ms");
        row(html, "configuration sha256", report.configHash().orElse("not available"));
        html.append("<tr><th>result</th><td class=\"").append(report.status().json()).append("\"><b>")
                .append(report.status().json()).append("</b></td></tr></table>\n");
        html.append("<h2>Done checklist (runbook)</h2>\n");
        checks(html, report.checklist());
        html.append("<h2>Ports</h2>\n<table><tr><th>port</th><th>service</th><th>mode</th><th>TLS</th><th>cipher / key exchange</th>");
        for (TlsVersion version : TlsVersion.values()) {
            html.append("<th>").append(version.label()).append("</th>");
        }
        html.append("<th>AUTH before TLS</th><th>AUTH after TLS</th><th>certificate SHA-256</th></tr>\n");
        for (PortResult port : report.ports()) {
            html.append("<tr class=\"").append(port.status().json()).append("\"><td>").append(port.target().port())
                    .append("</td><td>").append(port.target().role().label()).append("</td><td>")
                    .append(port.target().mode().json()).append("</td><td>").append(escape(port.protocol().orElse("no")))
                    .append("</td><td>").append(escape(port.cipher().orElse("–")
                            + port.group().map(g -> " / " + g).orElse(""))).append("</td>");
            for (TlsVersion version : TlsVersion.values()) {
                Boolean accepted = port.protocols().get(version);
                html.append("<td>").append(accepted == null ? "not checked" : accepted ? "accepted" : "refused").append("</td>");
            }
            html.append("<td>").append(port.authBeforeTls().map(b -> b ? "yes" : "no").orElse("–")).append("</td><td>")
                    .append(port.authAfterTls().map(b -> b ? "yes" : "no").orElse("–")).append("</td><td><code>")
                    .append(escape(port.certificateSha256().orElse("–"))).append("</code></td></tr>\n");
        }
        html.append("</table>\n<h2>All checks</h2>\n");
        checks(html, report.checks());
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void checks(StringBuilder html, List<Check> checks) {
        html.append("<table><tr><th>status</th><th>id</th><th>port</th><th>detail</th><th>evidence</th><th>fix</th></tr>\n");
        for (Check check : checks) {
            html.append("<tr class=\"").append(check.status().json()).append("\"><td>").append(check.status().json())
                    .append("</td><td><code>").append(escape(check.id())).append("</code></td><td>")
                    .append(check.port().map(String::valueOf).orElse("")).append("</td><td>").append(escape(check.detail()))
                    .append("</td><td><ul>");
            check.evidence().forEach(e -> html.append("<li>").append(escape(e)).append("</li>"));
            html.append("</ul></td><td>").append(escape(check.fix().orElse(""))).append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private static void row(StringBuilder html, String key, String value) {
        html.append("<tr><th>").append(escape(key)).append("</th><td>").append(escape(value)).append("</td></tr>");
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
