package org.postfixtls.wizard.app.workspace;

import java.util.Objects;

/**
 * A server the wizard connected to, remembered so the next run starts with its details filled in. Holds no
 * secret by construction: passwords and passphrases have no field here.
 *
 * @param auth      "key", "agent" or "password" (which of them, not the secret)
 * @param keyFile   the private key's path when {@code auth} is "key", else null
 * @param configDir the Postfix instance's configuration directory (multi-instance hosts), null for the default
 */
public record RecentHost(String host, int port, String user, String auth, String keyFile, boolean sudo,
        String configDir) {

    public RecentHost {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(auth, "auth");
    }

    /** The same server: a later connection to it replaces the older entry. */
    public boolean sameTarget(RecentHost other) {
        return host.equalsIgnoreCase(other.host) && port == other.port && user.equals(other.user)
                && Objects.equals(configDir, other.configDir);
    }

    public String label() {
        return user + "@" + host + (port == 22 ? "" : ":" + port) + (configDir == null ? "" : " (" + configDir + ")");
    }
}
