package org.postfixtls.wizard.app.readiness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteShell;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.readiness.ProbeFinding;
import org.postfixtls.wizard.domain.verify.OutboundProbe;

/**
 * {@code posttls-finger} on the server, the way the server's own smtp(8) would connect: the instance's CA file and
 * directory ({@code -F}/{@code -P}, which posttls-finger does not take from main.cf) and its host lookup
 * ({@code -h}), connect and command timeouts of {@value #TIMEOUT_SECONDS} s ({@code -t}/{@code -T}). Every value
 * is one argument of the argument vector; the target is validated and comes after {@code --}.
 */
public final class PosttlsFingerProber implements DestinationProber {

    static final int TIMEOUT_SECONDS = 10;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(6L * TIMEOUT_SECONDS);
    private static final Pattern TARGET = Pattern.compile(
            "[a-z0-9][a-z0-9.-]*|\\[(?:[a-z0-9][a-z0-9.-]*|ipv6:[0-9a-f:.]+)](?::\\d{1,5})?");
    private static final Pattern LOOKUP = Pattern.compile("[a-z, ]{1,40}");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9._/+@,=-]+");

    private final RemoteShell shell;
    private final Optional<String> configDir;
    private final ClientSettings client;

    /** What the server's smtp client uses; read with {@link #clientSettings}. */
    public record ClientSettings(Optional<String> caFile, Optional<String> caPath, Optional<String> hostLookup) {
    }

    public PosttlsFingerProber(RemoteShell shell, Optional<String> configDir, ClientSettings client) {
        this.shell = shell;
        this.configDir = configDir;
        this.client = client;
    }

    /** {@code postconf -xh smtp_tls_CAfile smtp_tls_CApath smtp_host_lookup}; unusable values are left out. */
    public static ClientSettings clientSettings(RemoteShell shell, Optional<String> configDir) {
        List<String> argv = new ArrayList<>(List.of("postconf"));
        configDir.ifPresent(dir -> argv.addAll(List.of("-c", dir)));
        argv.addAll(List.of("-xh", "smtp_tls_CAfile", "smtp_tls_CApath", "smtp_host_lookup"));
        CommandResult result = shell.run(argv, Duration.ofSeconds(20));
        if (!result.succeeded()) {
            throw new ReadinessException("postconf on " + shell.target() + " failed: " + result.firstErrorLine());
        }
        List<String> values = result.stdoutText().lines().map(String::strip).toList();
        return new ClientSettings(value(values, 0, PATH), value(values, 1, PATH), value(values, 2, LOOKUP));
    }

    private static Optional<String> value(List<String> values, int index, Pattern allowed) {
        return index < values.size() && allowed.matcher(values.get(index)).matches()
                ? Optional.of(values.get(index)) : Optional.empty();
    }

    @Override
    public ProbeFinding probe(String target, TlsLevel level) {
        if (!TARGET.matcher(target).matches()) {
            return ProbeFinding.error(target, level.postfixName(), "not a destination posttls-finger can be given");
        }
        List<String> argv = new ArrayList<>();
        configDir.ifPresent(dir -> argv.addAll(List.of("env", "MAIL_CONFIG=" + dir)));
        argv.addAll(List.of("posttls-finger", "-c", "-l", level.postfixName(), "-t", Integer.toString(TIMEOUT_SECONDS),
                "-T", Integer.toString(TIMEOUT_SECONDS)));
        client.hostLookup().ifPresent(h -> argv.addAll(List.of("-h", h.replace(" ", ""))));
        client.caFile().ifPresent(f -> argv.addAll(List.of("-F", f)));
        client.caPath().ifPresent(p -> argv.addAll(List.of("-P", p)));
        argv.add("--");
        argv.add(target);
        try {
            CommandResult result = shell.run(argv, COMMAND_TIMEOUT);
            String output = result.stdoutText() + "\n" + result.stderrText();
            if (output.contains("command not found") || result.exitCode() == 127) {
                return ProbeFinding.error(target, level.postfixName(), "posttls-finger is not installed on the server");
            }
            return ProbeFinding.from(OutboundProbe.parse(target, level.postfixName(), output));
        } catch (RemoteException e) {
            return ProbeFinding.error(target, level.postfixName(), e.getMessage());
        }
    }
}
