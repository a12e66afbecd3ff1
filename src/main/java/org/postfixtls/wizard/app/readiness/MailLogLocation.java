package org.postfixtls.wizard.app.readiness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteShell;

/**
 * Where the server's Postfix logs: {@code maillog_file} when set (postlogd, Postfix ≥ 3.4), else the syslog file
 * (Debian's {@code /var/log/mail.log}, Red Hat's {@code /var/log/maillog}), else the journal.
 */
public final class MailLogLocation {

    private static final List<String> SYSLOG_FILES = List.of("/var/log/mail.log", "/var/log/maillog");
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private MailLogLocation() {
    }

    /** A file path, or {@link RemoteMailLog#JOURNAL}. */
    public static String find(RemoteShell shell, Optional<String> configDir) {
        try {
            List<String> argv = new ArrayList<>(List.of("postconf"));
            configDir.ifPresent(dir -> argv.addAll(List.of("-c", dir)));
            argv.addAll(List.of("-xh", "maillog_file"));
            CommandResult postconf = shell.run(argv, TIMEOUT);
            String maillog = postconf.succeeded() ? postconf.stdoutText().strip() : "";
            if (!maillog.isEmpty() && !maillog.startsWith("/dev/")) {
                return maillog;
            }
            for (String file : SYSLOG_FILES) {
                if (shell.run(List.of("test", "-s", file), TIMEOUT).succeeded()) {
                    return file;
                }
            }
            return RemoteMailLog.JOURNAL;
        } catch (RemoteException e) {
            throw new ReadinessException("cannot find the mail log on " + shell.target() + ": " + e.getMessage(), e);
        }
    }
}
