package org.postfixtls.wizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Postfix + Dovecot + OpenSSH test bed started by {@code .ci/testbed/up} (docs/testbed.md).
 * Tests call {@link #require()}: when the test bed is absent they are skipped with the reason, unless the
 * full test command runs ({@code -Ptestbed} sets {@code pftw.testbed.required=true}), where absence fails them.
 */
public final class Testbed {

    public static final String DEFAULT_PROPERTIES = "/var/lib/pftw-testbed/testbed.properties";

    private final Properties properties;

    private Testbed(Properties properties) {
        this.properties = properties;
    }

    public static Path propertiesFile() {
        String fromEnv = System.getenv("PFTW_TESTBED");
        return Path.of(fromEnv == null || fromEnv.isBlank() ? DEFAULT_PROPERTIES : fromEnv);
    }

    public static boolean required() {
        return Boolean.getBoolean("pftw.testbed.required");
    }

    public static Testbed require() {
        Path file = propertiesFile();
        if (!Files.isReadable(file)) {
            unavailable("the test bed is not running (" + file + " missing); start it with: sudo bash .ci/testbed/up");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            unavailable("the test bed's properties are unreadable: " + e.getMessage());
        }
        Testbed testbed = new Testbed(properties);
        // properties survive a reboot, the daemons do not
        for (String portKey : new String[] {"smtp.port", "ssh.port"}) {
            if (!answers(testbed.host(), testbed.port(portKey))) {
                unavailable("the test bed is down (nothing answers on " + testbed.host() + ":" + testbed.port(portKey)
                        + "); start it with: sudo bash .ci/testbed/up");
            }
        }
        return testbed;
    }

    private static boolean answers(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** For tests that need a real tool from the test bed's packages (postconf, openssl, swaks, ...). */
    public static Path requireCommand(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String candidate : new String[] {dir, "/usr/sbin", "/sbin"}) {
                Path path = Path.of(candidate, command);
                if (Files.isExecutable(path)) {
                    return path;
                }
            }
        }
        unavailable("the command '" + command + "' is not installed; sudo bash .ci/testbed/up installs it");
        return null;
    }

    private static void unavailable(String reason) {
        if (required()) {
            fail("Test bed required (-Ptestbed) but " + reason);
        }
        Assumptions.abort("Skipped: " + reason);
    }

    public String get(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            fail("The test bed's properties have no '" + key + "' (" + propertiesFile() + ")");
        }
        return value;
    }

    public int port(String key) {
        return Integer.parseInt(get(key));
    }

    public String host() {
        return get("host");
    }
}
