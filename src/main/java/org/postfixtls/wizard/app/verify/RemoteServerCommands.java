package org.postfixtls.wizard.app.verify;

import java.time.Duration;
import java.util.List;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteShell;

/** The verification's server access over an SSH session: same argument vectors, quoted by the SSH adapter. */
public final class RemoteServerCommands implements ServerCommands {

    private final RemoteShell shell;

    public RemoteServerCommands(RemoteShell shell) {
        this.shell = shell;
    }

    @Override
    public CommandResult run(List<String> argv, Duration timeout) throws ServerCommandException {
        try {
            org.postfixtls.wizard.app.remote.CommandResult result = shell.run(argv, new byte[0], timeout);
            return new CommandResult(result.exitCode(), result.stdoutText(), result.stderrText());
        } catch (RemoteException e) {
            throw new ServerCommandException(e.getMessage(), e);
        }
    }

    /**
     * Where Postfix logs on that server: {@code maillog_file} when set (Postfix ≥ 3.4 logging without syslog),
     * else Debian's syslog file when it exists, else the journal.
     */
    public static String mailLog(RemoteShell shell, String maillogFileParameter) {
        if (maillogFileParameter != null && !maillogFileParameter.isBlank()) {
            return maillogFileParameter.trim();
        }
        boolean syslogFile = shell.run(List.of("test", "-r", "/var/log/mail.log"), new byte[0], Duration.ofSeconds(10))
                .succeeded();
        return syslogFile ? "/var/log/mail.log" : "journal";
    }
}
