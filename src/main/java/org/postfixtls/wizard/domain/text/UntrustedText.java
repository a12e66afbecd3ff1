package org.postfixtls.wizard.domain.text;

/**
 * Text that came from a server (SMTP replies, certificate names, command output) or from user input, made safe to
 * print: a terminal executes control sequences (ESC[2J clears the screen, others retitle the window or move the
 * cursor over earlier lines), and bidirectional overrides reorder what the reader sees. Each such character is shown
 * as a visible escape instead ({@code \x1b} for C0 controls, {@code \u009b} or {@code \u202e} above them — the
 * latter form is also a valid JSON escape, so JSON output stays valid); everything else is kept as it was.
 */
public final class UntrustedText {

    private UntrustedText() {
    }

    /** One line: every control character, line breaks included, becomes a visible escape. */
    public static String line(String text) {
        return escape(text, false);
    }

    /**
     * Several lines: line breaks (LF, CRLF) and tabs stay, every other control character becomes a visible escape —
     * also a carriage return inside a line.
     */
    public static String lines(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean keepLineBreaks) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // a carriage return that does not end a line would let the rest overprint what came before it
            boolean lineEnd = c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) == '\n');
            boolean kept = !isUnsafe(c) || (keepLineBreaks && (c == '\n' || c == '\t' || lineEnd));
            if (kept) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            out.append(c < 0x20 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c));
        }
        return out == null ? text : out.toString();
    }

    private static boolean isUnsafe(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) // C0, DEL, C1 (0x9b is a one-byte CSI)
                || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) // bidi embeddings, overrides, isolates
                || c == 0x200e || c == 0x200f || c == 0x061c; // directional marks
    }
}
