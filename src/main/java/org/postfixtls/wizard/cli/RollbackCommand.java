package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import org.postfixtls.wizard.app.deploy.Cancellation;
import org.postfixtls.wizard.app.remote.RemoteSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restore the files as they were before a recorded deploy (byte for byte, owner and mode),"
                + " then reload; itself a locked, backed-up, validated job.")
public final class RollbackCommand extends RemoteCommand {

    @Option(names = "--to", paramLabel = "DEPLOY-ID", description = "Undo this deploy (and everything after it);"
            + " default: the most recent committed deploy not yet rolled back.")
    String to;

    @Override
    void validateInput(CommandLine cmd) {
        if (to != null && !to.matches("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}")) {
            throw new CommandLine.ParameterException(cmd, "--to: '" + to + "' is not a deploy id; ids look like"
                    + " 20261122T081500Z-3fa2 (see history)");
        }
    }

    @Override
    int run(RemoteSession session, PrintWriter out, PrintWriter err) {
        return finish(engine().rollback(session, to, remote.deployOptions(), event -> progress(out, event),
                new Cancellation()), out, err, false);
    }
}
