package org.postfixtls.wizard.app.remote;

/** Opens sessions; the SSH adapter implements it. */
@FunctionalInterface
public interface RemoteConnector {

    /**
     * Connects, verifies the host key (asking {@link ConnectionSettings#hostKeyDecider()} about an unknown one),
     * logs in and, for {@link Privilege.SudoWithPassword}, checks that sudo accepts the password.
     *
     * @throws RemoteException with a message a person can act on
     */
    RemoteSession connect(ConnectionSettings settings);
}
