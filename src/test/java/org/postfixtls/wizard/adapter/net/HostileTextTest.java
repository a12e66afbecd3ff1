package org.postfixtls.wizard.adapter.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.cli.WizardCli;

/**
 * Issue 14 finding 10: a server's words reached the terminal raw (a 454 reply carrying ESC[2J cleared the screen) and
 * the Markdown report escaped only '|' (an {@code <img onerror=...>} in a reply became markup). Through the real CLI.
 */
class HostileTextTest {

    private static String verify(HostileSmtpServer server, String format) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WizardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "verify", "--host", "127.0.0.1",
                "--smtp-port", String.valueOf(server.port()), "--submission-port", "0", "--submissions-port", "0",
                "--timeout", "3", "--format", format);
        assertEquals(1, exit, err::toString);
        return out + err.toString();
    }

    @Test
    void aReplyCarryingTerminalEscapesIsPrintedWithVisibleEscapes() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.STARTTLS_REFUSED_WITH_MARKUP)) {
            String text = verify(server, "text");
            assertTrue(text.contains("refused: 454 4.7.0 \\x1b[2J\\x1b]0;owned\\x07 <img"), text);
            assertTrue(text.chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t' && c != '\r'),
                    "no control character reaches the terminal");
        }
    }

    @Test
    void aReplyCarryingMarkupIsInertInTheMarkdownReport() throws Exception {
        try (HostileSmtpServer server = new HostileSmtpServer(HostileSmtpServer.Behaviour.STARTTLS_REFUSED_WITH_MARKUP)) {
            String md = verify(server, "md");
            assertFalse(md.contains("<img"), md);
            assertFalse(md.contains("](javascript"), md);
            assertFalse(md.contains("**TLS**"), md);
            assertTrue(md.contains("&lt;img src=x onerror=alert\\(1\\)&gt; \\[details\\]\\(javascript:alert\\(1\\)\\)"
                    + " \\*\\*TLS\\*\\* not available"), md);
            assertTrue(md.contains("\\\\x1b\\[2J"), "the escape is shown, its backslash escaped: " + md);
            assertTrue(md.chars().noneMatch(c -> c < 0x20 && c != '\n'), "no control character in the file");
        }
    }
}
