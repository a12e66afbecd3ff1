package org.postfixtls.wizard.app.verify;

import java.util.List;
import java.util.Locale;
import org.postfixtls.wizard.domain.text.UntrustedText;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;

/**
 * Plain text for the terminal, and Markdown for the compliance file: the same content, two syntaxes. Details and
 * evidence quote the server (replies, certificate names), so text shows control characters as visible escapes and
 * Markdown escapes everything Markdown or HTML would interpret — a reply cannot add a link, an image or a tag.
 */
public final class ReportText {

    private ReportText() {
    }

    public static String text(VerificationReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Verification of ").append(UntrustedText.line(report.host())).append(" at ").append(report.startedAt())
                .append(" (").append(report.elapsed().toMillis()).append(" ms)").append('\n');
        report.configHash().ifPresent(h -> out.append("configuration sha256 ").append(h).append('\n'));
        for (PortResult port : report.ports()) {
            out.append('\n').append(portLine(port)).append('\n');
            port.checks().forEach(c -> out.append(checkLine(c)));
        }
        report.dns().ifPresent(d -> {
            out.append("\nDNS ").append(UntrustedText.line(d.observation().domain())).append('\n');
            d.checks().forEach(c -> out.append(checkLine(c)));
        });
        report.server().ifPresent(s -> {
            out.append("\nServer side\n");
            s.checks().forEach(c -> out.append(checkLine(c)));
        });
        out.append("\nDone checklist (runbook)\n");
        report.checklist().forEach(c -> out.append(checkLine(c)));
        out.append("\nResult: ").append(report.status().json().toUpperCase(Locale.ROOT)).append('\n');
        return out.toString();
    }

    public static String markdown(VerificationReport report) {
        StringBuilder md = new StringBuilder();
        md.append("# TLS verification of ").append(cell(report.host())).append("\n\n");
        md.append("| | |\n| --- | --- |\n");
        md.append("| host | ").append(cell(report.host())).append(" |\n");
        md.append("| time | ").append(report.startedAt()).append(" |\n");
        md.append("| duration | ").append(report.elapsed().toMillis()).append(" ms |\n");
        md.append("| configuration sha256 | ").append(report.configHash().orElse("not available")).append(" |\n");
        md.append("| result | **").append(report.status().json()).append("** |\n\n");
        md.append("## Done checklist (runbook)\n\n");
        table(md, report.checklist());
        md.append("## Ports\n\n| port | service | mode | TLS | protocol | cipher / key exchange | TLSv1 | TLSv1.1 | TLSv1.2 | TLSv1.3 | AUTH before TLS | AUTH after TLS | certificate SHA-256 |\n");
        md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (PortResult port : report.ports()) {
            md.append("| ").append(port.target().port()).append(" | ").append(port.target().role().label()).append(" | ")
                    .append(port.target().mode().json()).append(" | ").append(port.tls() ? "yes" : "no").append(" | ")
                    .append(cell(port.protocol().orElse("–"))).append(" | ").append(cell(port.cipher().orElse("–")
                            + port.group().map(g -> " / " + g).orElse("")));
            for (TlsVersion version : TlsVersion.values()) {
                Boolean accepted = port.protocols().get(version);
                md.append(" | ").append(accepted == null ? "not checked" : accepted ? "accepted" : "refused");
            }
            md.append(" | ").append(port.authBeforeTls().map(b -> b ? "yes" : "no").orElse("–"))
                    .append(" | ").append(port.authAfterTls().map(b -> b ? "yes" : "no").orElse("–"))
                    .append(" | ").append(port.certificateSha256().orElse("–")).append(" |\n");
        }
        md.append("\n## All checks\n\n");
        table(md, report.checks());
        return md.toString();
    }

    private static void table(StringBuilder md, List<Check> checks) {
        md.append("| status | id | port | detail | evidence | fix |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Check check : checks) {
            md.append("| ").append(check.status().json()).append(" | `").append(check.id()).append("` | ")
                    .append(check.port().map(String::valueOf).orElse("")).append(" | ").append(cell(check.detail()))
                    .append(" | ").append(String.join("<br>", check.evidence().stream().map(ReportText::cell).toList()))
                    .append(" | ")
                    .append(cell(check.fix().orElse(""))).append(" |\n");
        }
        md.append('\n');
    }

    /** One table cell: no line break, no control character, and nothing Markdown or HTML would act on. */
    static String cell(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : UntrustedText.line(text.replace('\n', ' ')).toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\\', '`', '*', '_', '[', ']', '(', ')', '{', '}', '#', '|', '!', '~' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String portLine(PortResult port) {
        return "Port " + port.target().port() + " (" + port.target().role().label() + ", " + port.target().mode().json()
                + "): " + port.status().json().toUpperCase(Locale.ROOT)
                + port.protocol().map(p -> " — " + UntrustedText.line(p + " " + port.cipher().orElse("")
                        + port.group().map(g -> ", key exchange " + g).orElse(""))).orElse("");
    }

    private static String checkLine(Check check) {
        StringBuilder line = new StringBuilder("  [").append(symbol(check.status())).append("] ").append(check.id())
                .append(": ").append(UntrustedText.line(check.detail())).append('\n');
        check.fix().filter(f -> check.status() == CheckStatus.FAIL || check.status() == CheckStatus.WARN)
                .ifPresent(f -> line.append("        fix: ").append(UntrustedText.line(f)).append('\n'));
        return line.toString();
    }

    private static String symbol(CheckStatus status) {
        return switch (status) {
            case PASS -> "pass";
            case WARN -> "WARN";
            case FAIL -> "FAIL";
            case SKIPPED -> "skip";
        };
    }
}
