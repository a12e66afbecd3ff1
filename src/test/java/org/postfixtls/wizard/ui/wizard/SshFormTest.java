package org.postfixtls.wizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postfixtls.wizard.app.workspace.RecentHost;

/** What the Connect step's SSH form refuses before connecting, and what of it may be remembered. */
class SshFormTest {

    private static final String HOST = "Host: enter a host name or IP address (letters, digits, dots and dashes).";
    private static final String PORT = "Port: enter a number from 1 to 65535 (SSH usually listens on 22).";
    private static final String USER = "User: enter the login name on the server (letters, digits, _ . -).";

    private final SshForm form = complete();

    private static SshForm complete() {
        SshForm form = new SshForm();
        form.host.set("mail.example.com");
        form.keyFile.set("/home/admin/.ssh/id_ed25519");
        return form;
    }

    @Test
    void aCompleteFormHasNoProblem() {
        assertNull(form.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mail.example.com", "mx-1.example.org", "localhost", "192.0.2.10", "[2001:db8::25]",
            "2001:db8::25", "  mail.example.com  "})
    void hostNamesAndAddressesAreAccepted(String host) {
        form.host.set(host);
        assertNull(form.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "-mail.example.com", "mail example.com", "mail.example.com;reboot",
            "admin@mail.example.com", "$(reboot)"})
    void aHostThatIsNotANameOrAddressIsNamed(String host) {
        form.host.set(host);
        assertEquals(HOST, form.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "65536", "22a", "-22"})
    void aPortOutsideTheRangeIsNamedWithTheRange(String port) {
        form.port.set(port);
        assertEquals(PORT, form.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "22", "2222", "65535", " 22 "})
    void portsInTheRangeAreAccepted(String port) {
        form.port.set(port);
        assertNull(form.problem());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1admin", "ad min", "root;reboot", "a23456789012345678901234567890123"})
    void aUserThatIsNoLoginNameIsNamed(String user) {
        form.user.set(user);
        assertEquals(USER, form.problem());
    }

    @Test
    void keyLoginNeedsAKeyFileButAgentLoginDoesNot() {
        form.keyFile.set(" ");
        assertEquals("Key file: choose the private key to log in with.", form.problem());
        form.auth.set(SshForm.Auth.AGENT);
        assertNull(form.problem());
    }

    @Test
    void passwordLoginNeedsAPassword() {
        form.auth.set(SshForm.Auth.PASSWORD);
        form.keyFile.set("");
        assertEquals("Password: enter the login password (it is kept in memory only).", form.problem());
        form.password.set("s3cret");
        assertNull(form.problem());
    }

    @Test
    void theConfigDirectoryIsEmptyOrAnAbsolutePath() {
        form.configDir.set("/etc/postfix-out");
        assertNull(form.problem());
        form.configDir.set("etc/postfix");
        assertEquals("Postfix config directory: an absolute path such as /etc/postfix-out, or empty for the default.",
                form.problem());
        form.configDir.set("/etc/postfix; reboot");
        assertEquals("Postfix config directory: an absolute path such as /etc/postfix-out, or empty for the default.",
                form.problem());
    }

    @Test
    void problemsAreReportedInTheOrderOfTheFields() {
        form.host.set("");
        form.port.set("0");
        form.user.set("");
        assertEquals(HOST, form.problem());
        form.host.set("mail.example.com");
        assertEquals(PORT, form.problem());
        form.port.set("22");
        assertEquals(USER, form.problem());
    }

    @Test
    void theRecentHostCarriesNoSecret() {
        for (SshForm.Auth auth : SshForm.Auth.values()) {
            form.auth.set(auth);
            form.password.set("pw-SECRET-1");
            form.passphrase.set("pp-SECRET-2");
            form.sudo.set(true);
            form.sudoPassword.set("sudo-SECRET-3");
            RecentHost recent = form.toRecentHost();
            for (RecordComponent component : RecentHost.class.getRecordComponents()) {
                String value;
                try {
                    value = String.valueOf(component.getAccessor().invoke(recent));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
                assertFalse(value.contains("SECRET"), component.getName() + " holds a secret for " + auth);
            }
            assertFalse(recent.toString().contains("SECRET"));
            assertEquals(auth.id(), recent.auth(), "which method, not the secret");
        }
    }

    @Test
    void theRecentHostIsTrimmedAndKeepsTheKeyPathOnlyForKeyLogin() {
        form.host.set(" mail.example.com ");
        form.port.set("2222");
        form.user.set(" admin ");
        form.sudo.set(true);
        form.configDir.set(" /etc/postfix-out ");
        assertEquals(new RecentHost("mail.example.com", 2222, "admin", "key", "/home/admin/.ssh/id_ed25519", true,
                "/etc/postfix-out"), form.toRecentHost());
        form.auth.set(SshForm.Auth.AGENT);
        form.configDir.set("");
        assertEquals(new RecentHost("mail.example.com", 2222, "admin", "agent", null, true, null), form.toRecentHost());
    }

    @Test
    void fillingFromARecentHostClearsTheSecretsOfTheLastServer() {
        form.password.set("old password");
        form.passphrase.set("old passphrase");
        form.sudoPassword.set("old sudo password");
        form.fillFrom(new RecentHost("other.example.com", 22, "root", "password", null, false, null));
        assertEquals("other.example.com", form.host.get());
        assertEquals(SshForm.Auth.PASSWORD, form.auth.get());
        assertEquals("", form.password.get());
        assertEquals("", form.passphrase.get());
        assertEquals("", form.sudoPassword.get());
        assertTrue(form.problem().startsWith("Password:"), "the password must be typed again");
    }
}
