package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.OfflineBundle;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bundle", mixinStandardHelpOptions = true,
        description = {"Offline bundle for a server this machine cannot reach: the planned files, the diff and"
                + " install.sh, which runs the same locked, backed-up, validated transaction there as root."})
public final class BundleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    PlanInputs inputs;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "New directory for the bundle.")
    Path out;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        if (Files.exists(out)) {
            err.println("bundle: --out: " + out + " exists already; give a new directory");
            return ExitCodes.BAD_INPUT;
        }
        // the bundle's install.sh runs postmap: only types postmap writes
        Optional<PlanRequest> request = inputs.request(cmd, "bundle", "hash|btree|lmdb|cdb|dbm");
        if (request.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        DeployOptions options = DeployOptions.defaults().withConfigDirectory(inputs.serverConfigDir); // checked above
        OfflineBundle.Bundle bundle = OfflineBundle.create(request.get(), options);
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
