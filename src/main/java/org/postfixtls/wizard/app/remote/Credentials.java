package org.postfixtls.wizard.app.remote;

import java.nio.file.Path;
import java.util.Objects;

/** How to log in. Secrets are char arrays the caller may wipe after {@link RemoteConnector#connect}. */
public sealed interface Credentials {

    /** A private key file; {@code passphrase} is null for an unencrypted key. */
    record KeyFile(Path key, char[] passphrase) implements Credentials {
        public KeyFile {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "key " + key;
        }
    }

    /** The keys of the running ssh-agent: its socket, or null for {@code SSH_AUTH_SOCK}. */
    record Agent(Path socket) implements Credentials {
        public Agent() {
            this(null);
        }

        @Override
        public String toString() {
            return "ssh-agent";
        }
    }

    record Password(char[] password) implements Credentials {
        public Password {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "password";
        }
    }
}
