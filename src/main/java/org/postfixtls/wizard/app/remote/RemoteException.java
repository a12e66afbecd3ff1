package org.postfixtls.wizard.app.remote;

/**
 * The server could not be reached or a command could not be run. Messages are meant for people: they say what
 * failed and what to do, and never contain a password or passphrase.
 */
public sealed class RemoteException extends RuntimeException {

    public RemoteException(String message) {
        super(message);
    }

    public RemoteException(String message, Throwable cause) {
        super(message, cause);
    }

    /** TCP connection, SSH handshake or the session itself failed (or was lost). */
    public static final class ConnectionFailed extends RemoteException {
        public ConnectionFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The server refused every credential offered. */
    public static final class AuthenticationFailed extends RemoteException {
        public AuthenticationFailed(String message) {
            super(message);
        }
    }

    /** The server's host key is not known and the caller did not accept it; nothing was sent to the server. */
    public static final class HostKeyUnknown extends RemoteException {
        private final HostKeyInfo hostKey;

        public HostKeyUnknown(HostKeyInfo hostKey) {
            super(hostKey.newTypeForKnownHost()
                    ? "the host key of " + hostKey.hostSpec() + " has a new type: it presents " + hostKey.type() + " "
                    + hostKey.fingerprint() + ", but known_hosts records only " + String.join(", ", hostKey.knownKeys())
                    + " for it. The server may have a new key, or someone may be intercepting the connection; confirm"
                    + " the new key with the server's administrator, then accept it with --accept-host-key "
                    + hostKey.fingerprint()
                    : "the host key of " + hostKey.hostSpec() + " is not known (" + hostKey.type() + " "
                    + hostKey.fingerprint() + "); verify it out of band, then accept it with --accept-host-key "
                    + hostKey.fingerprint());
            this.hostKey = hostKey;
        }

        public HostKeyInfo hostKey() {
            return hostKey;
        }
    }

    /** The server presented a different key than known_hosts records: possibly an interception. */
    public static final class HostKeyChanged extends RemoteException {
        private final HostKeyInfo hostKey;

        public HostKeyChanged(HostKeyInfo hostKey, String knownHostsFile) {
            this("WARNING: the host key of " + hostKey.hostSpec() + " has CHANGED (now " + hostKey.type() + " "
                    + hostKey.fingerprint() + ", " + knownHostsFile + " records another key). Someone may be"
                    + " intercepting the connection (man-in-the-middle), or the server was reinstalled. Refusing to"
                    + " connect; confirm the new key with the server's administrator and update " + knownHostsFile
                    + ".", hostKey);
        }

        private HostKeyChanged(String message, HostKeyInfo hostKey) {
            super(message);
            this.hostKey = hostKey;
        }

        /** The key differs from the one accepted for this host earlier in the same run (not recorded in a file). */
        public static HostKeyChanged sinceAcceptedThisRun(HostKeyInfo hostKey) {
            return new HostKeyChanged("WARNING: the host key of " + hostKey.hostSpec() + " has CHANGED since"
                    + " you accepted it earlier in this session (now " + hostKey.type() + " " + hostKey.fingerprint()
                    + "). Someone may be intercepting the connection (man-in-the-middle). Refusing to connect.", hostKey);
        }

        public HostKeyInfo hostKey() {
            return hostKey;
        }
    }

    /** A command did not finish within its timeout; it was abandoned. */
    public static final class Timeout extends RemoteException {
        public Timeout(String message) {
            super(message);
        }
    }

    /** sudo refused to run commands (password wrong or missing, user not allowed). */
    public static final class PrivilegeFailed extends RemoteException {
        public PrivilegeFailed(String message) {
            super(message);
        }
    }
}
