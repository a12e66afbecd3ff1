package org.postfixtls.wizard.app.deploy;

import java.util.regex.Pattern;
import org.postfixtls.wizard.app.discovery.Discovery;

/**
 * @param configDirectory the Postfix instance ({@code postconf -c}); null for the default instance
 * @param stateRoot       where the server keeps locks, backups and manifests (default
 *                        {@value #DEFAULT_STATE_ROOT})
 * @param client          who deploys, recorded in the manifest (e.g. {@code alice@laptop})
 */
public record DeployOptions(String configDirectory, String stateRoot, String client) {

    public static final String DEFAULT_STATE_ROOT = "/var/lib/postfix-tls-wizard";
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._@+-]");

    public DeployOptions {
        if (configDirectory != null && !Discovery.CONFIG_DIR.matcher(configDirectory).matches()) {
            throw new IllegalArgumentException("config directory must be an absolute path of the characters"
                    + " A-Z a-z 0-9 . _ / + @ , = -");
        }
        stateRoot = stateRoot == null ? DEFAULT_STATE_ROOT : stateRoot;
        if (!Discovery.CONFIG_DIR.matcher(stateRoot).matches()) {
            throw new IllegalArgumentException("state root must be an absolute path of the characters"
                    + " A-Z a-z 0-9 . _ / + @ , = -");
        }
        client = UNSAFE.matcher(client == null || client.isBlank() ? "unknown" : client).replaceAll("_");
    }

    public static DeployOptions defaults() {
        return new DeployOptions(null, null, System.getProperty("user.name") + "@" + localHostName());
    }

    public DeployOptions withConfigDirectory(String dir) {
        return new DeployOptions(dir, stateRoot, client);
    }

    public DeployOptions withStateRoot(String root) {
        return new DeployOptions(configDirectory, root, client);
    }

    /** The server-side directory of one Postfix instance: {@code STATE_ROOT/etc_postfix} for /etc/postfix. */
    public String instanceDirectory(String resolvedConfigDirectory) {
        String key = resolvedConfigDirectory.replaceAll("^/+|/+$", "").replace('/', '_');
        return stateRoot + "/" + (key.isEmpty() ? "root" : key);
    }

    private static String localHostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
