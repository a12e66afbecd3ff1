package org.postfixtls.wizard.cli;

import java.util.List;
import picocli.CommandLine;

/**
 * The subcommands of {@link WizardCli}, by name. picocli builds a command's model by reflecting over every
 * subcommand it is given, which loads their option types (Bouncy Castle, whose signed jar the JVM verifies, among
 * them): a run of one subcommand gets a tree with only that one, so {@code verify} starts without paying for
 * {@code records}. The {@code switch} (not a map of constructor references) keeps each class unloaded until used.
 */
final class CliSubcommands {

    /** In the order {@code --help} lists them. */
    static final List<String> NAMES = List.of("help", "plan", "lint", "cert", "records", "discover", "deploy",
            "rollback", "history", "bundle", "verify", "ansible", "fleet-plan", "drift", "readiness");

    private CliSubcommands() {
    }

    static Object create(String name) {
        return switch (name) {
            case "help" -> new CommandLine.HelpCommand();
            case "plan" -> new PlanCommand();
            case "lint" -> new LintCommand();
            case "cert" -> new CertCommand();
            case "records" -> new RecordsCommand();
            case "discover" -> new DiscoverCommand();
            case "deploy" -> new DeployCommand();
            case "rollback" -> new RollbackCommand();
            case "history" -> new HistoryCommand();
            case "bundle" -> new BundleCommand();
            case "verify" -> new VerifyCommand();
            case "ansible" -> new AnsibleCommand();
            case "fleet-plan" -> new FleetPlanCommand();
            case "drift" -> new DriftCommand();
            case "readiness" -> new ReadinessCommand();
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    /** The subcommands a run with these arguments needs: the one it names, or all (help, errors, no subcommand). */
    static List<String> neededFor(String... args) {
        if (args.length > 0 && !args[0].equals("help") && NAMES.contains(args[0])) {
            return List.of(args[0]);
        }
        return NAMES;
    }
}
