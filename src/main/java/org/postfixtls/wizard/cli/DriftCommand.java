package org.postfixtls.wizard.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.adapter.ssh.SshConnector;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.fleet.DriftCheck;
import org.postfixtls.wizard.app.fleet.FleetInventory;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.text.UntrustedText;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drift}: does a server (or every host of an inventory) still match the profile? Nothing is written. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        // the generated synopsis would mark --host and --user required, which they are not with --hosts
        customSynopsis = {"postfix-tls-wizard drift [-hV] --profile=P.json (--host=H --user=U | --hosts=FILE"
                + " [--parallel=N])", "       [connection options] [--format=FORMAT]"},
        description = {"Compare a server with the profile without changing anything: the plan a deploy would make"
                + " now. With --hosts, every host of an Ansible INI inventory, in parallel.",
            "Exit 0 in sync (every host), 1 drifted (the diff is printed) or a host could not be checked,"
                + " 2 bad input (a bad inventory line, the profile) or a refused host key (single host)."})
final class DriftCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "P.json", description = "The profile (schema 1).")
    Path profileFile;

    @Option(names = "--hosts", paramLabel = "FILE", description = "Ansible INI inventory: check every host in it"
            + " (ansible_host, ansible_port, ansible_user, ansible_ssh_private_key_file, ansible_become,"
            + " postfix_tls_config_dir); the options below are the defaults.")
    Path hostsFile;

    @Option(names = "--parallel", defaultValue = "8", paramLabel = "N", description = "With --hosts: at most N"
            + " hosts at a time (default: 8).")
    int parallel;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: text).")
    OutputFormat format;

    /*
     * The connection options every remote subcommand has. Not validated as a group: with --hosts they are the
     * defaults for every host, so --user or --identity alone is fine; call() asks for --host and --user itself.
     * Initialised, because picocli leaves an unmatched group's field alone (and --port's default with it).
     */
    @ArgGroup(exclusive = false, validate = false, heading = "Connection (with --hosts: the defaults for every host;"
            + " --accept-host-key and the --ask-* options only for one host):%n")
    RemoteOptions remote = new RemoteOptions();

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        Profile profile = ProfileOption.read(cmd, "--profile", profileFile);
        DriftCheck check = new DriftCheck(new SshConnector(), new DeployEngine());
        if (hostsFile == null) {
            if (remote.host == null || remote.user == null) {
                throw new CommandLine.ParameterException(cmd, "give --host and --user, or --hosts FILE");
            }
            ConnectionSettings settings = remote.settings(cmd);
            DriftCheck.Result result = check.check(new DriftCheck.Target(remote.host, () -> settings,
                    remote.deployOptions()), profile);
            print(cmd, List.of(result), false);
            return switch (result.status()) {
                case IN_SYNC -> ExitCodes.OK;
                case REFUSED_HOST_KEY -> ExitCodes.BAD_INPUT;
                default -> ExitCodes.PROBLEMS;
            };
        }
        if (remote.host != null || remote.askPassphrase || remote.askPassword || remote.askSudoPassword
                || remote.acceptHostKey != null) {
            throw new CommandLine.ParameterException(cmd, "--hosts: --host, --accept-host-key and the --ask-*"
                    + " options are for one host; with --hosts use keys (ansible_ssh_private_key_file, --identity,"
                    + " an ssh-agent), sudo without a password and a known_hosts file");
        }
        if (parallel < 1 || parallel > 64) {
            throw new CommandLine.ParameterException(cmd, "--parallel: " + parallel + " is not allowed; use 1-64");
        }
        String text = ConfigFiles.readRequired(cmd, "--hosts", hostsFile);
        List<FleetInventory.Host> hosts;
        try {
            hosts = FleetInventory.parse(hostsFile.toString(),
                    new String(text.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        } catch (FleetInventory.InventoryException e) {
            throw new CommandLine.ParameterException(cmd, "--hosts: " + e.getMessage());
        }
        List<DriftCheck.Target> targets = new ArrayList<>();
        for (FleetInventory.Host h : hosts) {
            String login = h.user() != null ? h.user() : remote.user;
            if (login == null) {
                throw new CommandLine.ParameterException(cmd, "--hosts: " + hostsFile + " line " + h.line() + ": "
                        + h.name() + " has no ansible_user; set it there or give --user");
            }
            RemoteOptions options = remote.forHost(h.address(), h.port() != null ? h.port() : remote.port, login,
                    h.identity() != null ? Path.of(h.identity().replaceFirst("^~(?=/)",
                            System.getProperty("user.home"))) : remote.identity,
                    h.become() != null ? h.become() : remote.sudo,
                    h.configDirectory() != null ? h.configDirectory() : remote.configDir);
            ConnectionSettings settings;
            try {
                settings = options.settings(cmd);
            } catch (CommandLine.ParameterException e) {
                throw new CommandLine.ParameterException(cmd, "--hosts: " + hostsFile + " line " + h.line() + " ("
                        + h.name() + "): " + e.getMessage());
            }
            targets.add(new DriftCheck.Target(h.name(), () -> settings, options.deployOptions()));
        }
        List<DriftCheck.Result> results = check.checkAll(targets, profile, parallel);
        print(cmd, results, true);
        return results.stream().allMatch(r -> r.status() == DriftCheck.Status.IN_SYNC) ? ExitCodes.OK
                : ExitCodes.PROBLEMS;
    }

    private void print(CommandLine cmd, List<DriftCheck.Result> results, boolean many) {
        var out = cmd.getOut();
        if (format == OutputFormat.json) {
            List<Map<String, Object>> docs = results.stream().map(DriftCommand::json).toList();
            if (many) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("hosts", docs);
                for (DriftCheck.Status status : DriftCheck.Status.values()) {
                    doc.put(status.name().toLowerCase(Locale.ROOT).replace('_', '-'),
                            results.stream().filter(r -> r.status() == status).count());
                }
                out.println(Json.write(doc));
            } else {
                out.println(Json.write(docs.get(0)));
            }
        } else if (many) {
            int width = results.stream().mapToInt(r -> r.name().length()).max().orElse(4);
            for (DriftCheck.Result r : results) {
                out.println(String.format("%-" + width + "s  %s", r.name(), r.status().text())
                        + (r.status() == DriftCheck.Status.IN_SYNC ? "" : ": " + UntrustedText.line(r.message())));
            }
        } else {
            DriftCheck.Result r = results.get(0);
            if (!r.diff().isEmpty()) {
                out.print(r.diff());
            }
            out.println(r.name() + ": " + r.status().text() + (r.status() == DriftCheck.Status.IN_SYNC ? ""
                    : ": " + UntrustedText.line(r.message())));
        }
        out.flush();
    }

    private static Map<String, Object> json(DriftCheck.Result r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("host", r.name());
        doc.put("status", r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        doc.put("message", r.message());
        doc.put("planSha256", r.planSha256());
        doc.put("diff", r.diff());
        return doc;
    }
}
