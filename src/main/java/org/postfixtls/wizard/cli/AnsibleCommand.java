package org.postfixtls.wizard.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.adapter.local.ExportFolder;
import org.postfixtls.wizard.app.fleet.AnsibleProject;
import org.postfixtls.wizard.app.fleet.FleetInventory;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ansible}: the profile as a self-contained Ansible project for a fleet (decision 0066). */
@Command(name = "ansible", mixinStandardHelpOptions = true,
        description = {"Write an Ansible project that applies the profile to every host of an inventory with this"
                + " tool's planner and transaction, then verifies each host: site.yml, roles/postfix_tls/,"
                + " ansible.cfg, inventory.ini, profile.json. Run it with: ansible-playbook site.yml",
            "Exit 0 written, 2 bad input (nothing written)."})
final class AnsibleCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--profile", required = true, paramLabel = "P.json", description = "The profile (schema 1).")
    Path profileFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "New directory for the project.")
    Path out;

    @Option(names = "--inventory", paramLabel = "FILE", description = "Your Ansible INI inventory, copied as"
            + " inventory.ini (default: an example to edit).")
    Path inventory;

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        ProfileOption.read(cmd, "--profile", profileFile);
        String profileJson = new String(ConfigFiles.readProfile(cmd, "--profile", profileFile)
                .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        String inventoryText = null;
        if (inventory != null) {
            inventoryText = new String(ConfigFiles.readRequired(cmd, "--inventory", inventory)
                    .getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            try {
                FleetInventory.parse(inventory.toString(), inventoryText);
            } catch (FleetInventory.InventoryException e) {
                throw new CommandLine.ParameterException(cmd, "--inventory: " + e.getMessage());
            }
            if (AnsibleProject.HOST_KEY_CHECKING_OFF.matcher(inventoryText).find()) {
                throw new CommandLine.ParameterException(cmd, "--inventory: " + inventory + " turns SSH host key"
                        + " checking off; the project keeps Ansible's checking on (add the hosts' keys to"
                        + " known_hosts instead)");
            }
        }
        try {
            ExportFolder.writeAll(out, AnsibleProject.files(profileJson, inventoryText));
        } catch (BadInputException e) {
            throw new CommandLine.ParameterException(cmd, "--out: " + e.getMessage());
        }
        cmd.getOut().println("Wrote the Ansible project to " + out + (inventory == null
                ? ". List your servers in " + out.resolve("inventory.ini") + ", then:" : ". Next:"));
        cmd.getOut().println("  cd " + out + " && ansible-playbook site.yml --check --diff   (what would change)");
        cmd.getOut().println("  cd " + out + " && ansible-playbook site.yml                  (apply and verify)");
        cmd.getOut().flush();
        return ExitCodes.OK;
    }
}
