package org.postfixtls.wizard.ui.wizard;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Credentials;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.Privilege;
import org.postfixtls.wizard.app.remote.RemoteConnector;
import org.postfixtls.wizard.app.remote.RemoteSession;

/**
 * Opens one SSH session per job (discovery, deploy, verification, a domain test) from what the Connect step holds.
 * Secrets are copied into fresh char arrays for each connection; nothing of them is kept elsewhere.
 */
public final class SshJobs {

    private final RemoteConnector connector;
    private final HostKeyDecider decider;
    private final Path knownHosts;

    public SshJobs(RemoteConnector connector, HostKeyDecider decider, Path knownHosts) {
        this.connector = connector;
        this.decider = decider;
        this.knownHosts = knownHosts;
    }

    /** Runs a job in its own session and closes it, whatever happens. Call off the FX thread. */
    public <T> T withSession(SshForm form, Function<RemoteSession, T> job) {
        try (RemoteSession session = connector.connect(settings(form))) {
            return job.apply(session);
        }
    }

    /** A session the caller closes (a job whose end is not a method return, e.g. a running verification). */
    public RemoteSession open(SshForm form) {
        return connector.connect(settings(form));
    }

    ConnectionSettings settings(SshForm form) {
        Credentials credentials = switch (form.auth.get()) {
            case KEY -> new Credentials.KeyFile(Path.of(expandHome(form.keyFile.get().trim())),
                    form.passphrase.get().isEmpty() ? null : form.passphrase.get().toCharArray());
            case AGENT -> new Credentials.Agent();
            case PASSWORD -> new Credentials.Password(form.password.get().toCharArray());
        };
        Privilege privilege = !form.sudo.get() ? new Privilege.Root()
                : form.sudoPassword.get().isEmpty() ? new Privilege.SudoWithoutPassword()
                : new Privilege.SudoWithPassword(form.sudoPassword.get().toCharArray());
        return new ConnectionSettings(form.host.get().trim(), form.portNumber(), form.user.get().trim(),
                List.of(credentials), knownHosts, decider, privilege, ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }
}
