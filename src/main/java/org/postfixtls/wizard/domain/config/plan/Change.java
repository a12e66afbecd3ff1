package org.postfixtls.wizard.domain.config.plan;

/**
 * One changed parameter, service or policy entry: before/after (null = absent), why (one sentence plus its
 * source: seed section or Postfix document) and, where one applies, the risk.
 */
public record Change(String file, String subject, String before, String after, String reason, String source,
        String risk) {

    public String summary() {
        String what = after == null ? "remove" : before == null ? "add" : "change";
        return file + ": " + what + " " + subject + (after == null ? "" : " = " + after);
    }
}
