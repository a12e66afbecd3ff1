package org.postfixtls.wizard.domain.verify;

import java.util.List;

/** One complete (possibly multi-line) SMTP reply: the code and the text of each line without the code. */
public record SmtpReply(int code, List<String> lines) {

    public SmtpReply {
        lines = List.copyOf(lines);
    }

    public boolean positive() {
        return code >= 200 && code < 400;
    }

    public boolean transientFailure() {
        return code >= 400 && code < 500;
    }

    public boolean permanentFailure() {
        return code >= 500;
    }

    public String firstLine() {
        return lines.isEmpty() ? "" : lines.get(0);
    }

    /** As the server sent it, lines joined by " / " (evidence for reports). */
    public String text() {
        return code + " " + String.join(" / ", lines);
    }

    /** EHLO keywords (upper case, first word of each line after the greeting line). */
    public List<String> ehloKeywords() {
        return lines.stream().skip(1)
                .map(l -> l.strip().split("[ =]", 2)[0].toUpperCase(java.util.Locale.ROOT))
                .toList();
    }

    public boolean offers(String keyword) {
        return ehloKeywords().contains(keyword);
    }
}
