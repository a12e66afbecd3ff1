package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.OfflineBundle;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.InvalidProfileException;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileError;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Offline bundle for a server this machine cannot reach: the planned files, the diff and"
                + " install.sh, which runs the same locked, backed-up, validated transaction there as root."})
public final class BundleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "P.json", description = "The profile (schema 1).")
    Path profile;

    @Option(names = "--config-dir", required = true, paramLabel = "DIR",
            description = "Local copies of the server's main.cf, master.cf and (optional) tls_policy.")
    Path configDir;

    @Option(names = "--server-config-dir", paramLabel = "PATH", defaultValue = PlanRequest.DEFAULT_CONFIG_DIRECTORY,
            description = "config_directory on the server (default: ${DEFAULT-VALUE}).")
    String serverConfigDir;

    @Option(names = "--postfix-version", paramLabel = "V", defaultValue = VersionOption.DEFAULT,
            converter = VersionOption.class, description = "Postfix version of the server (default: ${DEFAULT-VALUE}).")
    PostfixVersion version;

    @Option(names = "--database-type", paramLabel = "TYPE", defaultValue = "hash",
            description = "The server's default_database_type (default: ${DEFAULT-VALUE}).")
    String databaseType;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "New directory for the bundle.")
    Path out;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        if (!databaseType.matches("hash|btree|lmdb|cdb|dbm")) {
            err.println("bundle: --database-type: '" + databaseType + "' is not allowed; use hash, btree, lmdb, cdb or dbm");
            return ExitCodes.BAD_INPUT;
        }
        DeployOptions options;
        try {
            options = DeployOptions.defaults().withConfigDirectory(serverConfigDir);
        } catch (IllegalArgumentException e) {
            err.println("bundle: --server-config-dir: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (Files.exists(out)) {
            err.println("bundle: --out: " + out + " exists already; give a new directory");
            return ExitCodes.BAD_INPUT;
        }
        String json = ConfigFiles.readRequired(cmd, "--profile", profile);
        Profile loaded;
        try {
            loaded = ProfileJson.read(new String(json.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (InvalidProfileException e) {
            for (ProfileError error : e.errors()) {
                err.println("bundle: " + profile + ": " + error.path() + ": " + error.message());
            }
            return ExitCodes.BAD_INPUT;
        }
        String main = ConfigFiles.readRequired(cmd, "--config-dir", configDir.resolve(Planner.MAIN_CF));
        String master = ConfigFiles.readRequired(cmd, "--config-dir", configDir.resolve(Planner.MASTER_CF));
        String policy = ConfigFiles.readOptional(configDir.resolve(Planner.TLS_POLICY));
        OfflineBundle.Bundle bundle = OfflineBundle.create(new PlanRequest(main, master, policy, loaded, version,
                databaseType, serverConfigDir), options);
        if (bundle.id() == null) {
            cmd.getOut().println("No changes: the configuration already matches the profile; no bundle written.");
            return ExitCodes.OK;
        }
        for (Map.Entry<String, byte[]> file : bundle.files().entrySet()) {
            Path target = out.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        cmd.getOut().println("Wrote bundle " + bundle.id() + " to " + out + " (" + bundle.changeSet().changes().size()
                + " changes; see changes.diff). On the server, as root: bash install.sh");
        return ExitCodes.OK;
    }
}
