package org.postfixtls.wizard.app.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetInventoryTest {

    @Test
    void theShippedExampleReadsAsThreeServers() {
        String example = new String(AnsibleProject.files("{}", null).get("inventory.ini"), StandardCharsets.UTF_8);
        List<FleetInventory.Host> hosts = FleetInventory.parse("inventory.ini", example);
        assertEquals(List.of("mail1.example.com", "mail2.example.com", "mail3.example.com"),
                hosts.stream().map(FleetInventory.Host::name).toList());
        FleetInventory.Host third = hosts.get(2);
        assertEquals("192.0.2.25", third.address());
        assertEquals(2222, third.port());
        assertEquals("admin", third.user());
        assertEquals(Boolean.TRUE, third.become());
        assertEquals("/etc/postfix", hosts.get(1).configDirectory());
        assertNull(hosts.get(0).port());
        assertEquals("mail1.example.com", hosts.get(0).address());
    }

    @Test
    void groupVariablesApplyToChildrenAndTheHostLineWins() {
        String text = """
                [all:vars]
                ansible_user=ops
                ansible_port=22
                [eu]
                mx1 ansible_port=2200 ansible_ssh_private_key_file="/keys/my key"
                mx2
                [prod:children]
                eu
                [prod:vars]
                ansible_port=2201
                ansible_become = yes
                """;
        List<FleetInventory.Host> hosts = FleetInventory.parse("inv", text);
        assertEquals(2200, hosts.get(0).port());
        assertEquals("/keys/my key", hosts.get(0).identity());
        assertEquals(2201, hosts.get(1).port());
        assertEquals("ops", hosts.get(1).user());
        assertEquals(Boolean.TRUE, hosts.get(1).become());
    }

    @Test
    void aBadLineIsNamedWithItsNumberAndWhatIsAllowed() {
        assertBad("[m]\nmx1 ansible_port=twenty\n", "inv line 2: ansible_port: 'twenty' is not a port; use 1-65535");
        assertBad("[m]\nmx1 ansible_port=70000\n", "inv line 2: ansible_port: '70000' is not a port");
        assertBad("[m]\n\nmx1 ansible_user\n", "inv line 3: 'ansible_user' is not a variable; write key=value");
        assertBad("[m]\nmx1 ansible_ssh_common_args=\"-o X\n", "inv line 2: the value of ansible_ssh_common_args"
                + " opens a quote");
        assertBad("[m]\nweb[01:10]\n", "inv line 2: host ranges");
        assertBad("[m\nmx1\n", "inv line 1: a section header is");
        assertBad("[m:weird]\nmx1\n", "inv line 1: a section header is");
        assertBad("[m]\nmx1 ansible_become=maybe\n", "inv line 2: ansible_become: 'maybe' is not true or false");
        assertBad("[m]\nmx1 postfix_tls_config_dir=etc/postfix\n", "inv line 2: postfix_tls_config_dir:");
        assertBad("[m]\nmx1 ansible_become_method=su\n", "only sudo");
        assertBad("# nothing\n", "inv: no hosts");
    }

    private static void assertBad(String text, String expected) {
        FleetInventory.InventoryException e = assertThrows(FleetInventory.InventoryException.class,
                () -> FleetInventory.parse("inv", text));
        assertTrue(e.getMessage().startsWith(expected) || e.getMessage().contains(expected), e.getMessage());
    }
}
