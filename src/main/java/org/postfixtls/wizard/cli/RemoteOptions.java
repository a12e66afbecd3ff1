package org.postfixtls.wizard.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Credentials;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.Privilege;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The connection options every remote subcommand shares. Secrets are asked for, never passed as options. */
final class RemoteOptions {

    @Option(names = "--host", required = true, paramLabel = "H", description = "Server name or address.")
    String host;

    // The initial values repeat the defaults for an argument group picocli did not match (drift --hosts).
    @Option(names = "--port", defaultValue = "22", paramLabel = "N", description = "SSH port (default: 22).")
    int port = 22;

    @Option(names = "--user", required = true, paramLabel = "U", description = "SSH login user.")
    String user;

    @Option(names = "--identity", paramLabel = "KEY", description = "Private key file (default: ssh-agent, then"
            + " ~/.ssh/id_ed25519, id_ecdsa, id_rsa).")
    Path identity;

    @Option(names = "--ask-passphrase", description = "Ask for the key's passphrase (terminal, or first line of stdin).")
    boolean askPassphrase;

    @Option(names = "--ask-password", description = "Log in with a password (asked on the terminal, or stdin).")
    boolean askPassword;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "known_hosts file (default: ~/.ssh/known_hosts).")
    Path knownHosts;

    @Option(names = "--accept-host-key", paramLabel = "SHA256:...", description = "Accept (and record) an unknown"
            + " host key with exactly this fingerprint. A changed key is always refused.")
    String acceptHostKey;

    @Option(names = "--sudo", description = "Run as root through sudo (NOPASSWD, or with --ask-sudo-password).")
    boolean sudo;

    @Option(names = "--ask-sudo-password", description = "sudo needs a password: ask for it (terminal, or stdin);"
            + " it is fed to sudo -S on stdin, never on a command line.")
    boolean askSudoPassword;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "Postfix instance (config_directory) on the"
            + " server (default: the default instance).")
    String configDir;

    @Option(names = "--connect-timeout", defaultValue = "15", paramLabel = "SECONDS",
            description = "Connect timeout (default: 15).")
    int connectTimeout = 15;

    @Option(names = "--state-root", hidden = true, paramLabel = "DIR")
    String stateRoot;

    @Option(names = "--journal", hidden = true, paramLabel = "FILE")
    Path journal;

    ConnectionSettings settings(CommandLine cmd) {
        if (port < 1 || port > 65535) {
            throw bad(cmd, "--port: " + port + " is not allowed; use 1-65535");
        }
        if (connectTimeout < 1 || connectTimeout > 600) {
            throw bad(cmd, "--connect-timeout: " + connectTimeout + " is not allowed; use 1-600 seconds");
        }
        if (acceptHostKey != null && !acceptHostKey.matches("SHA256:[A-Za-z0-9+/]{43}")) {
            throw bad(cmd, "--accept-host-key: '" + acceptHostKey + "' is not allowed; give the fingerprint as"
                    + " ssh-keygen -l -E sha256 prints it: SHA256: followed by 43 base64 characters");
        }
        for (Optional<String> problem : List.of(ServerPathOption.problem("--config-dir", configDir),
                ServerPathOption.problem("--state-root", stateRoot))) {
            if (problem.isPresent()) {
                throw bad(cmd, problem.get());
            }
        }
        if (askSudoPassword && !sudo) {
            sudo = true;
        }
        List<Credentials> credentials = new ArrayList<>();
        if (identity != null) {
            if (!Files.isReadable(identity)) {
                throw bad(cmd, "--identity: " + identity + " does not exist or is not readable");
            }
            credentials.add(new Credentials.KeyFile(identity, askPassphrase ? secret(cmd, "Passphrase for " + identity) : null));
        } else if (!askPassword) {
            if (System.getenv("SSH_AUTH_SOCK") != null) {
                credentials.add(new Credentials.Agent());
            }
            for (String name : new String[] {"id_ed25519", "id_ecdsa", "id_rsa"}) {
                Path key = Path.of(System.getProperty("user.home"), ".ssh", name);
                if (Files.isReadable(key)) {
                    credentials.add(new Credentials.KeyFile(key, null));
                }
            }
        }
        if (askPassword) {
            credentials.add(new Credentials.Password(secret(cmd, "SSH password for " + user + "@" + host)));
        }
        if (credentials.isEmpty()) {
            throw bad(cmd, "no credentials: give --identity KEY, run an ssh-agent, or use --ask-password");
        }
        Privilege privilege = "root".equals(user) && !sudo ? new Privilege.Root()
                : askSudoPassword ? new Privilege.SudoWithPassword(secret(cmd, "sudo password for " + user))
                : sudo ? new Privilege.SudoWithoutPassword() : new Privilege.Root();
        HostKeyDecider decider = acceptHostKey == null ? HostKeyDecider.rejectAll()
                : HostKeyDecider.acceptFingerprint(acceptHostKey);
        return new ConnectionSettings(host, port, user, credentials,
                knownHosts == null ? ConnectionSettings.defaultKnownHosts() : knownHosts, decider, privilege,
                Duration.ofSeconds(connectTimeout));
    }

    /**
     * The same options for one host of an inventory: its own address, port, login, key, sudo and instance; the
     * known_hosts file, timeout and state root shared. Nothing interactive: an inventory runs unattended.
     */
    RemoteOptions forHost(String address, int sshPort, String login, Path key, boolean root, String dir) {
        RemoteOptions options = new RemoteOptions();
        options.host = address;
        options.port = sshPort;
        options.user = login;
        options.identity = key;
        options.knownHosts = knownHosts;
        options.sudo = root;
        options.configDir = dir;
        options.connectTimeout = connectTimeout;
        options.stateRoot = stateRoot;
        return options;
    }

    DeployOptions deployOptions() {
        return DeployOptions.defaults().withConfigDirectory(configDir).withStateRoot(stateRoot);
    }

    private static char[] secret(CommandLine cmd, String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] value = console.readPassword("%s: ", prompt);
            if (value != null) {
                return value;
            }
        }
        try {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = System.in.read()) != -1 && c != '\n') {
                line.append((char) c);
            }
            if (line.isEmpty()) {
                throw bad(cmd, prompt + ": nothing on the terminal or stdin");
            }
            return new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8)
                    .toCharArray();
        } catch (IOException e) {
            throw bad(cmd, prompt + ": cannot read stdin");
        }
    }

    private static CommandLine.ParameterException bad(CommandLine cmd, String message) {
        return new CommandLine.ParameterException(cmd, message);
    }
}
