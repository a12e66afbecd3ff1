package org.postfixtls.wizard.domain.config.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into physical lines that keep their terminators, so joining them gives back the input exactly.
 * Only {@code \n} ends a line, as in Postfix; a {@code \r} before it stays part of the line and counts as
 * whitespace when the line is interpreted.
 */
public final class PhysicalLines {

    private PhysicalLines() {
    }

    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < length) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /** The line without its terminator and without the {@code \r} of a CRLF. */
    public static String content(String line) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end);
    }

    /** The terminator of a physical line: "\r\n", "\n" or "" for a last line without one. */
    public static String terminator(String line) {
        if (line.endsWith("\r\n")) {
            return "\r\n";
        }
        return line.endsWith("\n") ? "\n" : "";
    }

    /** Postfix's ISSPACE: space, tab, CR, LF, VT, FF. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0x0B || c == '\f';
    }

    public static boolean isBlank(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (!isSpace(line.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Postfix ignores lines whose first non-whitespace character is '#'. */
    public static boolean isComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (!isSpace(c)) {
                return c == '#';
            }
        }
        return false;
    }

    public static boolean startsWithSpace(String line) {
        return !line.isEmpty() && isSpace(line.charAt(0));
    }

    /** A line that continues the previous logical line: indented, not blank, not a comment. */
    public static boolean isContinuation(String line) {
        return startsWithSpace(line) && !isBlank(line) && !isComment(line);
    }

    public static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Index of the last continuation line of the logical line starting at {@code start}. Comment and blank
     * lines in between do not end a logical line in Postfix, so they are skipped when looking ahead.
     */
    public static int logicalEnd(List<String> lines, int start) {
        int last = start;
        for (int j = start + 1; j < lines.size(); j++) {
            String line = lines.get(j);
            if (isBlank(line) || isComment(line)) {
                continue;
            }
            if (isContinuation(line)) {
                last = j;
            } else {
                break;
            }
        }
        return last;
    }

    /** The newline style a document mostly uses, for lines the wizard adds. */
    public static String dominantNewline(List<String> lines) {
        int crlf = 0;
        int lf = 0;
        for (String line : lines) {
            String t = terminator(line);
            if (t.equals("\r\n")) {
                crlf++;
            } else if (t.equals("\n")) {
                lf++;
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }
}
