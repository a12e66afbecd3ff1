package org.postfixtls.wizard.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;

/**
 * The real Postfix + Dovecot + OpenSSH test bed started by {@code .ci/testbed/up} (docs/testbed.md).
 * Tests call {@link #require()}: when the test bed is absent they are skipped with the reason, unless the
 * full test command runs ({@code -Ptestbed} sets {@code pftw.testbed.required=true}), where absence fails them.
 *
 * <p>Beside it run the matrix beds of {@code .ci/testbed/matrix} ({@link #require(String)}: "3.5", "3.10"), each
 * a Debian chroot with its own Postfix. Their server paths ({@code postfix.*}, {@code tls.*}) are the server's view;
 * {@link #hostPath(String)} finds the file on this machine and {@link #onServer(String...)} runs the bed's own
 * programs (its postconf, its openssl).
 */
public final class Testbed {

    public static final String DEFAULT_PROPERTIES = "/var/lib/pftw-testbed/testbed.properties";
    public static final String DEFAULT_MATRIX_DIR = "/var/lib/pftw-testbed-matrix";
    /** The bed of {@code .ci/testbed/up}. */
    public static final String MAIN_BED = "3.7";
    /** Every bed, oldest Postfix first. */
    public static final List<String> BEDS = List.of("3.5", MAIN_BED, "3.10");

    private final Properties properties;
    private final Path file;

    private Testbed(Properties properties, Path file) {
        this.properties = properties;
        this.file = file;
    }

    public static Path propertiesFile() {
        String fromEnv = System.getenv("PFTW_TESTBED");
        return Path.of(fromEnv == null || fromEnv.isBlank() ? DEFAULT_PROPERTIES : fromEnv);
    }

    public static boolean required() {
        return Boolean.getBoolean("pftw.testbed.required");
    }

    public static Testbed require() {
        return load(propertiesFile(), "sudo bash .ci/testbed/up");
    }

    /**
     * The beds a matrix test runs against: all of them, or for a quick local run the ones listed in the system
     * property {@code pftw.testbed.beds} (e.g. {@code -Dpftw.testbed.beds=3.5,3.10}).
     */
    public static List<String> selectedBeds() {
        String wanted = System.getProperty("pftw.testbed.beds", "").strip();
        if (wanted.isEmpty()) {
            return BEDS;
        }
        List<String> beds = List.of(wanted.split("\\s*,\\s*"));
        for (String bed : beds) {
            if (!BEDS.contains(bed)) {
                throw new IllegalArgumentException("pftw.testbed.beds: no test bed '" + bed + "'; known: " + BEDS);
            }
        }
        return beds;
    }

    /** The bed with this Postfix series ("3.5", "3.7", "3.10"); 3.7 is {@link #require()}. */
    public static Testbed require(String bed) {
        if (bed.equals(MAIN_BED)) {
            return require();
        }
        if (!BEDS.contains(bed)) {
            throw new IllegalArgumentException("no test bed '" + bed + "'; known: " + BEDS);
        }
        String dir = System.getenv().getOrDefault("PFTW_MATRIX_DIR", DEFAULT_MATRIX_DIR);
        return load(Path.of(dir, bed, "testbed.properties"), "sudo bash .ci/testbed/matrix up " + bed);
    }

    private static Testbed load(Path file, String startCommand) {
        if (!Files.isReadable(file)) {
            unavailable("the test bed is not running (" + file + " missing); start it with: " + startCommand);
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            unavailable("the test bed's properties are unreadable: " + e.getMessage());
        }
        Testbed testbed = new Testbed(properties, file);
        // properties survive a reboot, the daemons do not
        for (String portKey : new String[] {"smtp.port", "ssh.port"}) {
            if (!answers(testbed.host(), testbed.port(portKey))) {
                unavailable("the test bed is down (nothing answers on " + testbed.host() + ":" + testbed.port(portKey)
                        + "); start it with: " + startCommand);
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
            fail("The test bed's properties have no '" + key + "' (" + file + ")");
        }
        return value;
    }

    /** A key only newer beds write (e.g. tls.ecdsaKey); null on a bed started before it existed. */
    public String getOrNull(String key) {
        return properties.getProperty(key);
    }

    public int port(String key) {
        return Integer.parseInt(get(key));
    }

    public String host() {
        return get("host");
    }

    /** "3.5", "3.7" or "3.10". */
    public String bed() {
        return properties.getProperty("bed", MAIN_BED);
    }

    /** A file of the server (a path in the properties, or one the product writes) as seen from this machine. */
    public Path hostPath(String serverPath) {
        if (!serverPath.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute server path: " + serverPath);
        }
        String root = properties.getProperty("root.dir", "");
        return Path.of(root + serverPath);
    }

    /** A command line that runs a program of the bed itself (inside a matrix bed's chroot, as root). */
    public List<String> onServer(String... command) {
        List<String> line = new ArrayList<>();
        String root = properties.getProperty("root.dir");
        if (root != null) {
            line.addAll(List.of("chroot", root, "/usr/bin/env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin",
                    "LANG=C.UTF-8"));
        }
        line.addAll(List.of(command));
        return line;
    }
}
