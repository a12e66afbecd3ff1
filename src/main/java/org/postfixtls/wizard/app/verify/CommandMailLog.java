package org.postfixtls.wizard.app.verify;

import java.time.Duration;
import java.util.List;

/**
 * Reads the mail log through {@link ServerCommands}: {@code tail -c} of a log file, or the journal of the postfix
 * units when the server logs there. Works the same locally and over SSH.
 */
public final class CommandMailLog implements MailLogReader {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final ServerCommands commands;
    private final String logFile;

    /** @param logFile the log file, or {@code journal} for journald */
    public CommandMailLog(ServerCommands commands, String logFile) {
        this.commands = commands;
        this.logFile = logFile;
    }

    @Override
    public String tail(int maxBytes) throws ServerCommandException {
        List<String> argv = logFile.equals("journal")
                ? List.of("journalctl", "--no-pager", "-q", "-o", "short", "-t", "postfix/smtp", "-t", "postfix/smtpd",
                "-t", "postfix/submission/smtpd", "-t", "postfix/smtps/smtpd", "-n", "20000")
                : List.of("tail", "-c", Integer.toString(maxBytes), logFile);
        CommandResult result = commands.run(argv, TIMEOUT);
        if (!result.succeeded()) {
            throw new ServerCommandException("cannot read the mail log " + logFile + ": " + result.stderr().strip());
        }
        String text = result.stdout();
        if (text.length() >= maxBytes) {
            int firstNewline = text.indexOf('\n');
            text = firstNewline >= 0 ? text.substring(firstNewline + 1) : "";
        }
        return text;
    }
}
