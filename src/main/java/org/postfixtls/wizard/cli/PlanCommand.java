package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
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

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan the TLS configuration for a profile: print the unified diffs and the reason for every"
                + " change; with --out, write the complete resulting files."})
public final class PlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "P.json", description = "The profile (schema 1).")
    Path profile;

    @Option(names = "--config-dir", required = true, paramLabel = "DIR",
            description = "Directory with the current main.cf, master.cf and (optional) tls_policy.")
    Path configDir;

    @Option(names = "--postfix-version", paramLabel = "V", defaultValue = VersionOption.DEFAULT,
            converter = VersionOption.class, description = "Postfix version of the server (default: ${DEFAULT-VALUE}).")
    PostfixVersion version;

    @Option(names = "--database-type", paramLabel = "TYPE", defaultValue = "hash",
            description = "The server's default_database_type (default: ${DEFAULT-VALUE}).")
    String databaseType;

    @Option(names = "--server-config-dir", paramLabel = "PATH", defaultValue = PlanRequest.DEFAULT_CONFIG_DIRECTORY,
            description = "Postfix's configuration directory on the server, used in smtp_tls_policy_maps"
                    + " (default: ${DEFAULT-VALUE}).")
    String serverConfigDir;

    @Option(names = "--out", paramLabel = "OUT", description = "Write main.cf, master.cf and tls_policy here.")
    Path out;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        PrintWriter stdout = cmd.getOut();
        if (!databaseType.matches("hash|btree|lmdb|cdb|dbm|texthash")) {
            err.println("plan: --database-type: '" + databaseType + "' is not allowed; use hash, btree, lmdb, cdb,"
                    + " dbm or texthash");
            return ExitCodes.BAD_INPUT;
        }
        String json = ConfigFiles.readRequired(cmd, "--profile", profile);
        Profile loaded;
        try {
            loaded = ProfileJson.read(new String(json.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (InvalidProfileException e) {
            for (ProfileError error : e.errors()) {
                err.println("plan: " + profile + ": " + error.path() + ": " + error.message());
            }
            return ExitCodes.BAD_INPUT;
        }
        if (!Files.isDirectory(configDir)) {
            err.println("plan: --config-dir: " + configDir + " is not a directory");
            return ExitCodes.BAD_INPUT;
        }
        String main = ConfigFiles.readRequired(cmd, "--config-dir", configDir.resolve(Planner.MAIN_CF));
        String master = ConfigFiles.readRequired(cmd, "--config-dir", configDir.resolve(Planner.MASTER_CF));
        String policy = ConfigFiles.readOptional(configDir.resolve(Planner.TLS_POLICY));
        ChangeSet changeSet = Planner.plan(new PlanRequest(main, master, policy, loaded, version, databaseType,
                serverConfigDir));
        stdout.print(UnifiedDiff.of(changeSet));
        printReasons(stdout, changeSet);
        if (out != null) {
            Map<String, String> files = new LinkedHashMap<>();
            for (FileChange file : changeSet.files()) {
                files.put(file.name(), file.after());
            }
            ConfigFiles.writeAll(out, files);
            stdout.println("Wrote " + String.join(", ", files.keySet()) + " to " + out);
        }
        stdout.flush();
        return ExitCodes.OK;
    }

    private static void printReasons(PrintWriter out, ChangeSet changeSet) {
        if (changeSet.changes().isEmpty()) {
            out.println("No changes: the configuration already matches the profile.");
            return;
        }
        out.println();
        out.println("Reasons:");
        for (Change change : changeSet.changes()) {
            out.println("* " + change.summary());
            out.println("    why:  " + change.reason() + " [" + change.source() + "]");
            if (change.risk() != null) {
                out.println("    risk: " + change.risk());
            }
        }
        changeSet.notes().forEach(note -> out.println("Note: " + note));
    }
}
