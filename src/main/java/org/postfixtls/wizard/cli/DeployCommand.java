package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.postfixtls.wizard.app.deploy.Cancellation;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.domain.profile.InvalidProfileException;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileError;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Apply a profile to the server as one transaction: lock, backup, validate with the server's"
                + " own Postfix, atomic swap, reload, health check; any failure restores the backup.",
            "Exit 0 deployed (or nothing to do), 1 failed and rolled back / refused / plan changed since it was"
                + " approved (the message says which), 2 bad input or refused host key (nothing changed)."})
public final class DeployCommand extends RemoteCommand {

    @Option(names = "--profile", required = true, paramLabel = "P.json", description = "The profile (schema 1).")
    Path profileFile;

    @Option(names = "--dry-run", description = "Print the diff against the live files and the plan's SHA-256;"
            + " change nothing.")
    boolean dryRun;

    @Option(names = "--expect-plan", paramLabel = "SHA256", converter = PlanHashOption.class,
            description = "The plan hash printed by plan or deploy --dry-run: deploy only if the plan made now from"
                    + " the live files is exactly that one; otherwise print the new diff, change nothing, exit 1.")
    PlanHash expectPlan;

    private Profile profile;

    @Override
    int run(RemoteSession session, PrintWriter out, PrintWriter err) {
        DeployEngine engine = engine();
        DeployReport report = dryRun
                ? engine.dryRun(session, profile, expectPlan, remote.deployOptions(), event -> progress(out, event))
                : engine.deploy(session, profile, expectPlan, remote.deployOptions(), event -> progress(out, event),
                        new Cancellation());
        return finish(report, out, err, true);
    }

    @Override
    void validateInput(CommandLine cmd) {
        String json = ConfigFiles.readProfile(cmd, "--profile", profileFile);
        try {
            profile = ProfileJson.read(new String(json.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (InvalidProfileException e) {
            StringBuilder message = new StringBuilder();
            for (ProfileError error : e.errors()) {
                message.append(message.isEmpty() ? "" : "; ").append(profileFile).append(": ").append(error.path())
                        .append(": ").append(error.message());
            }
            throw new CommandLine.ParameterException(cmd, message.toString());
        }
    }
}
