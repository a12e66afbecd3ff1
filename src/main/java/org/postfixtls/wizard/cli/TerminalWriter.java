package org.postfixtls.wizard.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.postfixtls.wizard.domain.text.UntrustedText;

/**
 * Everything the CLI prints passes here: replies, certificate names, command output and messages from a server can
 * carry terminal control sequences (ESC[2J in a 454 reply clears the screen), so every control character except line
 * breaks and tabs is printed as a visible escape, whichever command and format produced it.
 */
final class TerminalWriter extends FilterWriter {

    private TerminalWriter(Writer out) {
        super(out);
    }

    static PrintWriter wrap(PrintWriter out) {
        return new PrintWriter(new TerminalWriter(out), true);
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(char[] buffer, int offset, int length) throws IOException {
        write(new String(buffer, offset, length));
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        write(text.substring(offset, offset + length));
    }

    @Override
    public void write(String text) throws IOException {
        out.write(UntrustedText.lines(text));
    }
}
