package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import org.postfixtls.wizard.app.discovery.DiscoveryException;
import org.postfixtls.wizard.app.remote.RemoteException;

/**
 * Exit codes for what can go wrong reaching a server: a refused host key, rejected credentials or sudo are
 * bad input (2, nothing was changed); a lost or refused connection is a failed job (1).
 */
final class RemoteFailures {

    private RemoteFailures() {
    }

    static int report(PrintWriter err, String command, RuntimeException e) {
        err.println(command + ": " + e.getMessage());
        err.flush();
        return switch (e) {
            case RemoteException.HostKeyUnknown u -> ExitCodes.BAD_INPUT;
            case RemoteException.HostKeyChanged c -> ExitCodes.BAD_INPUT;
            case RemoteException.AuthenticationFailed a -> ExitCodes.BAD_INPUT;
            case RemoteException.PrivilegeFailed p -> ExitCodes.BAD_INPUT;
            case DiscoveryException d -> ExitCodes.BAD_INPUT;
            case IllegalArgumentException i -> ExitCodes.BAD_INPUT;
            default -> ExitCodes.PROBLEMS;
        };
    }
}
