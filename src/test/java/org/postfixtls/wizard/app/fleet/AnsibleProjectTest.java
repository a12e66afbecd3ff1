package org.postfixtls.wizard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.adapter.local.ExportFolder;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.testsupport.Testbed;

class AnsibleProjectTest {

    private static final String PROFILE = "{ \"schema\": 1, \"hardening\": { \"preset\": \"recommended\" } }\n";

    @TempDir
    Path dir;

    @Test
    void theProjectIsSelfContained() {
        Map<String, byte[]> files = AnsibleProject.files(PROFILE, null);
        assertTrue(files.keySet().containsAll(List.of("site.yml", "ansible.cfg", "inventory.ini", "profile.json",
                "roles/postfix_tls/tasks/main.yml", "roles/postfix_tls/tasks/apply.yml",
                "roles/postfix_tls/defaults/main.yml", "roles/postfix_tls/files/discover.sh",
                "roles/postfix_tls/files/rollback.sh")), files.keySet().toString());
        assertArrayEquals(Discovery.script(), files.get("roles/postfix_tls/files/discover.sh"));
        assertEquals(PROFILE, text(files, "profile.json"));
        String defaults = text(files, "roles/postfix_tls/defaults/main.yml");
        for (String variable : List.of("postfix_tls_smtp_port: 25", "postfix_tls_submission_port: 587",
                "postfix_tls_submissions_port: 465", "postfix_tls_ca_file:", "postfix_tls_rollback_on_verify_failure:",
                "postfix_tls_config_dir:", "postfix_tls_wizard_command:")) {
            assertTrue(defaults.contains(variable), variable);
        }
        String apply = text(files, "roles/postfix_tls/tasks/apply.yml");
        assertTrue(apply.contains("install.sh") && apply.contains("rollback.sh") && apply.contains("'verify'"), apply);
    }

    @Test
    void nothingGeneratedTurnsHostKeyCheckingOff() {
        AnsibleProject.files(PROFILE, null).forEach((name, content) -> {
            String text = new String(content, StandardCharsets.ISO_8859_1);
            assertFalse(AnsibleProject.HOST_KEY_CHECKING_OFF.matcher(text).find(), name);
            assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains("host_key_checking"), name);
        });
        assertTrue(AnsibleProject.HOST_KEY_CHECKING_OFF.matcher("[defaults]\nhost_key_checking = False\n").find());
        assertTrue(AnsibleProject.HOST_KEY_CHECKING_OFF.matcher("x ansible_ssh_common_args='-o StrictHostKeyChecking=no'").find());
    }

    @Test
    void anInventoryGivenReplacesTheExample() {
        String inventory = "[mail]\nmx1.example.org ansible_user=ops\n";
        assertEquals(inventory, text(AnsibleProject.files(PROFILE, inventory), "inventory.ini"));
        assertTrue(text(AnsibleProject.files(PROFILE, null), "inventory.ini").contains("mail1.example.com"));
    }

    @Test
    void ansiblePlaybookAcceptsTheGeneratedProjectAndRejectsABrokenOne() throws Exception {
        Path playbook = Testbed.requireCommand("ansible-playbook");
        Path project = ExportFolder.writeAll(dir.resolve("fleet"), AnsibleProject.files(PROFILE, null));
        Output ok = syntaxCheck(playbook, project);
        assertEquals(0, ok.exit, ok.text);
        assertTrue(ok.text.contains("playbook: site.yml"), ok.text);

        Path tasks = project.resolve("roles/postfix_tls/tasks/apply.yml");
        Files.writeString(tasks, Files.readString(tasks).replace("ansible.builtin.command:", "ansible.builtin.command"));
        Output broken = syntaxCheck(playbook, project);
        assertNotEquals(0, broken.exit, broken.text);
    }

    private record Output(int exit, String text) {
    }

    private static Output syntaxCheck(Path playbook, Path project) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(playbook.toString(), "--syntax-check", "site.yml")
                .directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("ANSIBLE_NOCOLOR", "1");
        Process process = builder.start();
        process.getOutputStream().close();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        return new Output(process.exitValue(), text);
    }

    private static String text(Map<String, byte[]> files, String name) {
        return new String(files.get(name), StandardCharsets.UTF_8);
    }
}
