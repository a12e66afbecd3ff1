package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.app.plan.PlanPreview;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.lint.Finding;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
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
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            err.println("plan: --out: " + out + " is an existing file; --out names a directory to write main.cf,"
                    + " master.cf and tls_policy into");
            return ExitCodes.BAD_INPUT;
        }
        Optional<PlanRequest> request = inputs.request(cmd, "plan", "hash|btree|lmdb|cdb|dbm|texthash");
        if (request.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        PlanPreview plan = PlanPreview.of(request.get());
        ChangeSet changeSet = plan.changeSet();
        if (changeSet.refused()) {
            changeSet.refusals().forEach(r -> err.println("plan: refused: " + r));
            err.println("plan: the profile keys are certificate.chainFile and certificate.keyFile.");
            err.println("plan: nothing was planned" + (out == null ? "." : " and nothing written to " + out + "."));
            err.flush();
            return ExitCodes.PROBLEMS;
        }
        stdout.print(UnifiedDiff.of(changeSet));
        printReasons(stdout, changeSet);
        List<Finding> introduced = plan.introducedErrors();
        for (Finding f : introduced) {
            err.println("plan: the planned configuration has lint ERROR " + f.id() + ": " + f.message());
        }
        changeSet.conflicts().forEach(c -> err.println("plan: conflict: " + c));
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
        err.flush();
        return introduced.isEmpty() && changeSet.conflicts().isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEMS;
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
            if (change.weakens()) {
                out.println("    WEAKENS what the server had: review before deploying.");
            }
        }
        changeSet.notes().forEach(note -> out.println("Note: " + note));
        changeSet.conflicts().forEach(conflict -> out.println("Conflict: " + conflict));
    }
}
