package org.postfixtls.wizard.ui.wizard;

import java.util.Optional;
import org.postfixtls.wizard.app.verify.ServerInspector;

/**
 * Where the verification step gets server-side access from: an SSH session of its own when the wizard is connected
 * to a server (posttls-finger, the mail log, the key file's permissions), nothing otherwise (demo, or a host typed
 * by hand). Called off the FX thread; the caller closes what it gets when the verification ends.
 */
@FunctionalInterface
public interface VerificationSetup {

    Optional<ServerAccess> open(WizardModel model);

    /** A server inspector and whatever must be closed when it is no longer needed. */
    record ServerAccess(ServerInspector inspector, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() {
            try {
                resource.close();
            } catch (Exception ignored) {
                // closing an SSH session that already dropped has nothing left to release
            }
        }
    }

    VerificationSetup NONE = model -> Optional.empty();

    /** Over SSH with these jobs' sessions, in the SSH mode; nothing otherwise. */
    static VerificationSetup overSsh(SshJobs jobs) {
        return model -> {
            if (model.getConnectionMode() != ConnectionMode.SSH_SERVER || model.getServer() == null) {
                return Optional.empty();
            }
            return Optional.of(access(model, jobs.open(model.sshForm())));
        };
    }

    private static ServerAccess access(WizardModel model, org.postfixtls.wizard.app.remote.RemoteSession session) {
        var commands = new org.postfixtls.wizard.app.verify.RemoteServerCommands(session);
        String maillog = model.serverFactsProperty().get() == null ? null
                : model.serverFactsProperty().get().parameters().get("maillog_file");
        String log = org.postfixtls.wizard.app.verify.RemoteServerCommands.mailLog(session, maillog);
        return new ServerAccess(new ServerInspector(commands,
                Optional.of(new org.postfixtls.wizard.app.verify.CommandMailLog(commands, log))), session);
    }
}
