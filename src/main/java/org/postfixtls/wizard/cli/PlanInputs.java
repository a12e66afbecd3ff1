package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.profile.InvalidProfileException;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileError;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** What planning needs from local files, shared by {@code plan} and {@code bundle} (a picocli mixin). */
final class PlanInputs {

    @Option(names = "--profile", required = true, paramLabel = "P.json", description = "The profile (schema 1).")
    Path profile;

    @Option(names = "--config-dir", required = true, paramLabel = "DIR",
            description = "Directory with the server's current main.cf, master.cf and (optional) tls_policy, or local"
                    + " copies of them.")
    Path configDir;

    @Option(names = "--postfix-version", paramLabel = "V", defaultValue = VersionOption.DEFAULT,
            converter = VersionOption.class, description = "Postfix version of the server (default: ${DEFAULT-VALUE}).")
    PostfixVersion version;

    @Option(names = "--openssl-version", paramLabel = "V", converter = OpensslOption.class,
            description = "OpenSSL release the server's Postfix uses (openssl version), e.g. 3.5.1; unknown without.")
    TlsRuntime runtime = TlsRuntime.UNKNOWN;

    @Option(names = "--database-type", paramLabel = "TYPE", defaultValue = "hash",
            description = "The server's default_database_type (default: ${DEFAULT-VALUE}).")
    String databaseType;

    @Option(names = "--server-config-dir", paramLabel = "PATH", defaultValue = PlanRequest.DEFAULT_CONFIG_DIRECTORY,
            description = "Postfix's configuration directory on the server, used in smtp_tls_policy_maps"
                    + " (default: ${DEFAULT-VALUE}).")
    String serverConfigDir;

    @Option(names = "--stack-dir", paramLabel = "PATH",
            description = "Where the mail stack's override files live on the server (mailcow: the configuration"
                    + " directory; docker-mailserver: /tmp/docker-mailserver; Mailu: /overrides). Copies of them"
                    + " (extra.cf, postfix-main.cf, postfix-master.cf, postfix.cf, postfix.master) are read from"
                    + " --config-dir.")
    String stackDir;

    /** The override files of the stacks the planner writes into, read from --config-dir when present. */
    static final List<String> STACK_FILE_NAMES = List.of("extra.cf", "postfix-main.cf", "postfix-master.cf",
            "postfix.cf", "postfix.master");

    /**
     * Reads and checks everything; on bad input prints what is wrong, naming the option, and returns empty.
     *
     * @param databaseTypes the allowed {@code --database-type} values, as a regex alternation ({@code hash|btree})
     */
    Optional<PlanRequest> request(CommandLine cmd, String command, String databaseTypes) throws java.io.IOException {
        PrintWriter err = cmd.getErr();
        Optional<String> badPath = ServerPathOption.problem("--server-config-dir", serverConfigDir)
                .or(() -> stackDir == null ? Optional.empty() : ServerPathOption.problem("--stack-dir", stackDir));
        if (badPath.isPresent()) {
            err.println(command + ": " + badPath.get());
            return Optional.empty();
        }
        if (!databaseType.matches(databaseTypes)) {
            err.println(command + ": --database-type: '" + databaseType + "' is not allowed; use "
                    + databaseTypes.replace("|", ", "));
            return Optional.empty();
        }
        String json = ConfigFiles.readProfile(cmd, "--profile", profile);
        Profile loaded;
        try {
            loaded = ProfileJson.read(new String(json.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (InvalidProfileException e) {
            for (ProfileError error : e.errors()) {
                err.println(command + ": " + profile + ": " + error.path() + ": " + error.message());
            }
            return Optional.empty();
        }
        if (!Files.isDirectory(configDir)) {
            err.println(command + ": --config-dir: " + configDir + " is not a directory");
            return Optional.empty();
        }
        String main = ConfigFiles.readRequired(cmd, "--config-dir", configDir.resolve(Planner.MAIN_CF));
        String master = ConfigFiles.readRequired(cmd, "--config-dir", configDir.resolve(Planner.MASTER_CF));
        String policy = ConfigFiles.readOptional(cmd, "--config-dir", configDir.resolve(Planner.TLS_POLICY));
        List<OverrideFile> stackFiles = new ArrayList<>();
        for (String name : STACK_FILE_NAMES) {
            String text = ConfigFiles.readOptional(cmd, "--config-dir", configDir.resolve(name));
            if (text != null) {
                stackFiles.add(new OverrideFile(name, null, text));
            }
        }
        return Optional.of(PlanRequest.of(main, master, loaded, version).withPolicyMap(policy)
                .withDefaultDatabaseType(databaseType).withConfigDirectory(serverConfigDir)
                .withStackFiles(stackFiles).withStackDirectory(stackDir).withRuntime(runtime));
    }
}
