package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.discovery.DiscoveryException;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.app.fleet.FleetPlan;
import org.postfixtls.wizard.app.fleet.ProfilePart;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.profile.Profile;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The planning step of the generated Ansible role (decision 0066): the facts the role's discovery printed on a
 * host come in, the plan and the transaction job for that host go out. Runs on the control node.
 */
@Command(name = "fleet-plan", mixinStandardHelpOptions = true,
        description = {"Used by the Ansible role that 'ansible' writes: plan one host from the output of the"
                + " discovery script the role ran there, write the job (apply.sh transaction) to --out and print"
                + " the plan as JSON.",
            "Exit 0 planned (changed or not), 1 the plan is refused for this host (nothing to apply), 2 bad input."})
final class FleetPlanCommand implements Callable<Integer> {

    private static final int FACTS_LIMIT = 16 * 1024 * 1024;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--facts", required = true, paramLabel = "FILE|-",
            description = "What the role's discover.sh printed on the host ('-': standard input).")
    String facts;

    @Option(names = "--profile", required = true, paramLabel = "P.json", description = "The profile (schema 1).")
    Path profileFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New directory for the job.")
    Path out;

    @Option(names = "--host", defaultValue = "host", paramLabel = "NAME", description = "The host's inventory name, for messages.")
    String host;

    @Option(names = "--state-root", paramLabel = "DIR", description = "Where the host keeps locks and backups"
            + " (default: " + DeployOptions.DEFAULT_STATE_ROOT + ").")
    String stateRoot;

    @Option(names = "--tags", defaultValue = "", paramLabel = "T,...", description = "The run's Ansible tags; part"
            + " tags (certificate, outbound, inbound, submission, hardening, policies) limit what may change.")
    String tags;

    @Option(names = "--skip-tags", defaultValue = "", paramLabel = "T,...", description = "The run's skipped tags.")
    String skipTags;

    @Override
    public Integer call() throws IOException {
        CommandLine cmd = spec.commandLine();
        var problem = ServerPathOption.problem("--state-root", stateRoot);
        if (problem.isPresent()) {
            throw new CommandLine.ParameterException(cmd, problem.get());
        }
        if (Files.exists(out)) {
            throw new CommandLine.ParameterException(cmd, "--out: " + out + " exists already; give a new directory");
        }
        Profile profile = ProfileOption.read(cmd, "--profile", profileFile);
        ServerFacts serverFacts;
        try {
            serverFacts = new Discovery().fromScriptOutput(host, readFacts(cmd));
        } catch (DiscoveryException | RemoteException e) {
            cmd.getErr().println("fleet-plan: " + e.getMessage());
            cmd.getErr().flush();
            return ExitCodes.PROBLEMS;
        }
        Set<ProfilePart> parts = ProfilePart.selected(split(tags), split(skipTags));
        FleetPlan plan = FleetPlan.of(serverFacts, profile, DeployOptions.defaults().withStateRoot(stateRoot)
                .withConfigDirectory(serverFacts.configDirectory()), parts);
        Files.createDirectories(out);
        if (plan.applies()) {
            for (Map.Entry<String, byte[]> file : plan.bundle().files().entrySet()) {
                Path target = out.resolve("bundle").resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
        }
        cmd.getOut().println(Json.write(document(plan, parts)));
        cmd.getOut().flush();
        String refusal = plan.refusal();
        if (refusal != null) {
            cmd.getErr().println("fleet-plan: " + host + ": " + refusal);
            cmd.getErr().flush();
            return ExitCodes.PROBLEMS;
        }
        return ExitCodes.OK;
    }

    private String readFacts(CommandLine cmd) throws IOException {
        byte[] bytes;
        if (facts.equals("-")) {
            try (InputStream in = System.in) {
                bytes = in.readNBytes(FACTS_LIMIT + 1);
            }
        } else {
            Path file = Path.of(facts);
            if (!Files.isReadable(file)) {
                throw new CommandLine.ParameterException(cmd, "--facts: " + file + " does not exist or is not readable");
            }
            bytes = Files.readAllBytes(file);
        }
        if (bytes.length > FACTS_LIMIT) {
            throw new CommandLine.ParameterException(cmd, "--facts: more than " + FACTS_LIMIT + " bytes; that is not"
                    + " the output of the role's discovery");
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private Map<String, Object> document(FleetPlan plan, Set<ProfilePart> parts) {
        ServerFacts f = plan.facts();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("host", host);
        doc.put("configDir", f.configDirectory());
        doc.put("postfixVersion", f.postfixVersion());
        doc.put("databaseType", f.defaultDatabaseType());
        doc.put("parts", parts.stream().map(ProfilePart::tag).toList());
        doc.put("changed", plan.applies());
        doc.put("refused", plan.refusal() != null);
        doc.put("message", plan.refusal() != null ? plan.refusal() : plan.changeSet().isEmpty()
                ? "in sync: the server already matches the profile"
                : plan.changeSet().changes().size() + " changes planned");
        doc.put("deployId", plan.applies() ? plan.bundle().id() : null);
        doc.put("planSha256", plan.hash().toString());
        doc.put("changes", plan.changeSet().changes().stream().map(c -> Map.of("part", ProfilePart.of(c).tag(),
                "summary", c.summary(), "reason", c.reason())).toList());
        String base = f.configDirectory().endsWith("/") ? f.configDirectory() : f.configDirectory() + "/";
        doc.put("files", plan.applies() ? plan.changeSet().files().stream().filter(FileChange::changed)
                .map(file -> Map.of("name", file.name(), "path", base + file.name())).toList() : List.of());
        doc.put("notes", plan.changeSet().notes());
        doc.put("diff", plan.diff());
        return doc;
    }
}
