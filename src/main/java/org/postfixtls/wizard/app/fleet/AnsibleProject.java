package org.postfixtls.wizard.app.fleet;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.remote.Scripts;

/**
 * The self-contained Ansible project {@code postfix-tls-wizard ansible} writes (decision 0066): site.yml, the
 * postfix_tls role (discovery script, install.sh via the plan step, rollback helper), ansible.cfg, an inventory and
 * the profile. Nothing generated turns Ansible's host key checking off.
 */
public final class AnsibleProject {

    /** What must never appear in a generated file: any way of switching host key checking off. */
    public static final Pattern HOST_KEY_CHECKING_OFF = Pattern.compile(
            "(?i)(host_key_checking\\s*[=:]\\s*(false|no|0|off))|StrictHostKeyChecking\\s*=?\\s*(no|off|accept-new)"
                    + "|ANSIBLE_HOST_KEY_CHECKING");

    private static final String BASE = "ansible/";
    private static final List<String> TEMPLATES = List.of("site.yml", "ansible.cfg",
            "roles/postfix_tls/defaults/main.yml", "roles/postfix_tls/meta/main.yml",
            "roles/postfix_tls/tasks/main.yml", "roles/postfix_tls/tasks/apply.yml",
            "roles/postfix_tls/files/rollback.sh");

    private AnsibleProject() {
    }

    /**
     * @param profileJson the profile as saved by the wizard (already validated)
     * @param inventory   the consultant's inventory (already checked with {@link FleetInventory}), or null for
     *                    the example
     */
    public static Map<String, byte[]> files(String profileJson, String inventory) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : TEMPLATES) {
            files.put(name, Scripts.load(AnsibleProject.class, BASE + name));
        }
        files.put("roles/postfix_tls/files/discover.sh", Discovery.script());
        files.put("inventory.ini", inventory != null ? inventory.getBytes(StandardCharsets.UTF_8)
                : Scripts.load(AnsibleProject.class, BASE + "inventory.ini"));
        files.put("profile.json", profileJson.getBytes(StandardCharsets.UTF_8));
        files.put("README.txt", readme().getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            if (HOST_KEY_CHECKING_OFF.matcher(new String(file.getValue(), StandardCharsets.ISO_8859_1)).find()) {
                throw new IllegalStateException(file.getKey() + " would turn host key checking off");
            }
        }
        return files;
    }

    private static String readme() {
        return """
                Postfix TLS Wizard: Ansible project for profile.json.

                  1. List your servers in inventory.ini (one line each; see the example and docs/fleet.md).
                     Their SSH host keys must be in ~/.ssh/known_hosts: Ansible's host key checking stays on.
                  2. ansible-playbook site.yml --check --diff      what would change, per host (nothing is changed)
                  3. ansible-playbook site.yml                     apply, verify, report

                Per host the role discovers Postfix (version, config directory, database type), plans on this
                machine with postfix-tls-wizard fleet-plan (it must be on the PATH, or set
                postfix_tls_wizard_command), applies the plan with the wizard's transaction (lock, backup,
                validation with the server's own Postfix, atomic swap, postmap, postfix check, reload, health
                check, automatic rollback: the install.sh of the offline bundle) and verifies the live ports with postfix-tls-wizard verify.
                A host reports "changed" only when its files changed.
                """;
    }
}
