package org.postfixtls.wizard.domain.config.plan;

/**
 * One changed parameter, service or policy entry: before/after (null = absent), why (one sentence plus its
 * source: seed section or Postfix document) and, where one applies, the risk. {@code weakens} marks a change that
 * lowers security the server already had (e.g. outbound dane to may); the GUI asks for explicit confirmation.
 */
public record Change(String file, String subject, String before, String after, String reason, String source,
        String risk, boolean weakens) {

    public Change(String file, String subject, String before, String after, String reason, String source,
            String risk) {
        this(file, subject, before, after, reason, source, risk, false);
    }

    public Change {
        if (weakens && risk == null) {
            throw new IllegalArgumentException("a weakening change carries a risk note: " + subject);
        }
    }

    public String summary() {
        String what = after == null ? "remove" : before == null ? "add" : "change";
        return file + ": " + what + " " + subject + (after == null ? "" : " = " + after);
    }
}
