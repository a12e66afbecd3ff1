package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.adapter.local.LocalMailLog;
import org.postfixtls.wizard.adapter.ssh.SshConnector;
import org.postfixtls.wizard.app.readiness.DestinationProber;
import org.postfixtls.wizard.app.readiness.LogSource;
import org.postfixtls.wizard.app.readiness.MailLogLocation;
import org.postfixtls.wizard.app.readiness.PosttlsFingerProber;
import org.postfixtls.wizard.app.readiness.ReadinessCheck;
import org.postfixtls.wizard.app.readiness.ReadinessException;
import org.postfixtls.wizard.app.readiness.RemoteMailLog;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.profile.InvalidProfileException;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileError;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.readiness.LogTimestamp;
import org.postfixtls.wizard.domain.readiness.Proposal;
import org.postfixtls.wizard.domain.readiness.ReadinessReport;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "readiness", mixinStandardHelpOptions = true,
        description = "Before making outbound TLS mandatory: which destinations would lose mail? Reads the mail log"
                + " (over SSH, or --log-file), judges every destination at --level and the profile's policy table,"
                + " confirms the busiest ones live with posttls-finger from the server, and suggests policy entries."
                + " Exit 0: nothing would fail; 1: something would (or the check failed); 2: bad input.")
public final class ReadinessCommand implements Callable<Integer> {

    static final List<TlsLevel> LEVELS = List.of(TlsLevel.ENCRYPT, TlsLevel.DANE, TlsLevel.DANE_ONLY, TlsLevel.VERIFY,
            TlsLevel.SECURE);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @ArgGroup(exclusive = false, heading = "Connection (not needed with --log-file and --no-probe):%n")
    RemoteOptions remote;

    @Option(names = "--level", required = true, paramLabel = "LEVEL",
            description = "The proposed outbound level: encrypt, dane, dane-only, verify or secure.")
    String level;

    @Option(names = "--profile", paramLabel = "P.json", description = "Its TLS policy table applies per destination.")
    Path profile;

    @Option(names = "--days", defaultValue = "30", paramLabel = "N", description = "Log window in days (default: 30).")
    int days;

    @Option(names = "--top", defaultValue = "20", paramLabel = "K",
            description = "Probe the K busiest destinations live (default: 20; 0 = none).")
    int top;

    @Option(names = "--no-probe", description = "Judge from the log only.")
    boolean noProbe;

    @Option(names = "--log-file", paramLabel = "PATH", description = "A mail log on this machine instead of the"
            + " server's (a copy, or the local files mode).")
    Path logFile;

    @Option(names = "--max-log-mb", defaultValue = "256", paramLabel = "MB",
            description = "Read at most the newest MB of the log (default: 256; the journal: at most 48).")
    int maxLogMb;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json (default: text).")
    OutputFormat format;

    private final Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() {
        CommandLine cmd = spec.commandLine();
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        TlsLevel proposed = TlsLevel.parse(level).filter(LEVELS::contains).orElseThrow(() -> bad(cmd, "--level: '"
                + level + "' is not allowed; use encrypt, dane, dane-only, verify or secure"));
        if (days < 1 || days > 3650) {
            throw bad(cmd, "--days: " + days + " is not allowed; use 1-3650");
        }
        if (top < 0 || top > 200) {
            throw bad(cmd, "--top: " + top + " is not allowed; use 0-200");
        }
        if (maxLogMb < 1 || maxLogMb > 102_400) {
            throw bad(cmd, "--max-log-mb: " + maxLogMb + " is not allowed; use 1-102400");
        }
        if (remote == null && logFile == null) {
            throw bad(cmd, "give the connection options (--host, --user, …) to read the server's log, or --log-file");
        }
        if (logFile != null && !Files.isRegularFile(logFile)) {
            throw bad(cmd, "--log-file: " + logFile + " does not exist or is not a file");
        }
        List<Profile.Policy> policies = profile == null ? List.of() : loadPolicies(cmd);
        Instant now = clock.instant();
        ReadinessCheck.Request request = new ReadinessCheck.Request(new Proposal(proposed, policies),
                now.minus(Duration.ofDays(days)), new LogTimestamp(now, clock.getZone()), noProbe ? 0 : top);
        long maxBytes = maxLogMb * 1024L * 1024L;
        Progress progress = new Progress(err, format == OutputFormat.text);
        try {
            ReadinessReport report;
            if (remote == null) {
                progress.accept("No server given: destinations are judged from the log alone, without probes.");
                report = new ReadinessCheck().run(new LocalMailLog(logFile, maxBytes), request, Optional.empty(),
                        progress, () -> false);
            } else {
                var settings = remote.settings(cmd);
                try (RemoteSession session = new SshConnector().connect(settings)) {
                    Optional<String> configDir = Optional.ofNullable(remote.configDir);
                    LogSource log = logFile != null ? new LocalMailLog(logFile, maxBytes)
                            : new RemoteMailLog(session, MailLogLocation.find(session, configDir), maxBytes, days);
                    Optional<DestinationProber> prober = noProbe || top == 0 ? Optional.empty()
                            : Optional.of(new PosttlsFingerProber(session, configDir,
                                    PosttlsFingerProber.clientSettings(session, configDir)));
                    report = new ReadinessCheck().run(log, request, prober, progress, () -> false);
                }
            }
            if (format == OutputFormat.json) {
                out.println(Json.write(ReadinessDocument.json(report)));
            } else {
                ReadinessDocument.text(report, out);
            }
            out.flush();
            return report.anythingWouldFail() ? ExitCodes.PROBLEMS : ExitCodes.OK;
        } catch (CommandLine.ParameterException e) {
            throw e;
        } catch (ReadinessException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            return ExitCodes.PROBLEMS;
        } catch (RuntimeException e) {
            if ("1".equals(System.getenv("PFTW_DEBUG"))) {
                e.printStackTrace(err);
            }
            return RemoteFailures.report(err, spec.qualifiedName(), e);
        }
    }

    private List<Profile.Policy> loadPolicies(CommandLine cmd) {
        String json = ConfigFiles.readProfile(cmd, "--profile", profile);
        try {
            return ProfileJson.read(new String(json.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
                    .policies();
        } catch (InvalidProfileException e) {
            StringBuilder message = new StringBuilder("--profile: " + profile + " is not a valid profile:");
            for (ProfileError error : e.errors()) {
                message.append(System.lineSeparator()).append("  ").append(error.path()).append(": ")
                        .append(error.message());
            }
            throw bad(cmd, message.toString());
        }
    }

    private static CommandLine.ParameterException bad(CommandLine cmd, String message) {
        return new CommandLine.ParameterException(cmd, message);
    }

    /** Progress goes to stderr, so stdout stays the report (and valid JSON). */
    private record Progress(PrintWriter err, boolean show) implements java.util.function.Consumer<String> {
        @Override
        public void accept(String message) {
            if (show) {
                err.println(message);
                err.flush();
            }
        }
    }
}
