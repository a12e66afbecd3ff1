package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plan the TLS configuration for a profile: print the unified diffs and the reason for every"
                + " change; with --out, write the complete resulting files."})
public final class PlanCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    PlanInputs inputs;

    @Option(names = "--out", paramLabel = "OUT", description = "Write main.cf, master.cf and tls_policy here.")
    Path out;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        PrintWriter err = cmd.getErr();
        PrintWriter stdout = cmd.getOut();
        Optional<PlanRequest> request = inputs.request(cmd, "plan", "hash|btree|lmdb|cdb|dbm|texthash");
        if (request.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        ChangeSet changeSet = Planner.plan(request.get());
        stdout.print(UnifiedDiff.of(changeSet));
        printReasons(stdout, changeSet);
        PlanHashOption.print(stdout, PlanHash.of(changeSet));
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
