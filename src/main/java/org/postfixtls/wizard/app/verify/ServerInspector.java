package org.postfixtls.wizard.app.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.domain.kernel.FileMetadata;
import org.postfixtls.wizard.domain.verify.MailLogParser;
import org.postfixtls.wizard.domain.verify.MailLogSummary;
import org.postfixtls.wizard.domain.verify.OutboundProbe;
import org.postfixtls.wizard.domain.verify.ServerObservation;

/**
 * Gathers the server-side evidence with plain commands: {@code postconf} (configuration hash, outbound level, key
 * file), {@code stat} of the key, {@code posttls-finger} against a destination, and the mail log.
 */
public final class ServerInspector {

    /** Enough for several days of a small server's TLS lines. */
    public static final int MAIL_LOG_BYTES = 8 * 1024 * 1024;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(15);

    private final ServerCommands commands;
    private final Optional<MailLogReader> mailLog;

    public ServerInspector(ServerCommands commands, Optional<MailLogReader> mailLog) {
        this.commands = commands;
        this.mailLog = mailLog;
    }

    public ServerObservation inspect(ServerSideRequest request) {
        List<String> problems = new ArrayList<>();
        Optional<String> hash = Optional.empty();
        Optional<String> level = Optional.empty();
        Optional<String> keyFile = Optional.empty();
        Optional<FileMetadata> keyMetadata = Optional.empty();
        try {
            CommandResult nonDefault = postconf(request, "-n");
            CommandResult services = postconf(request, "-M");
            hash = Optional.of(sha256(nonDefault.stdout() + "\n--- master.cf\n" + services.stdout()));
            level = Optional.of(postconf(request, "-h", "smtp_tls_security_level").stdout().strip());
            String key = postconf(request, "-h", "smtpd_tls_key_file").stdout().strip();
            if (key.isEmpty()) {
                key = postconf(request, "-h", "smtpd_tls_cert_file").stdout().strip(); // key may share the cert file
            }
            if (!key.isEmpty()) {
                keyFile = Optional.of(key);
                CommandResult stat = commands.run(List.of("stat", "-L", "-c", "%U %G %a", key), COMMAND_TIMEOUT);
                if (stat.succeeded()) {
                    String[] parts = stat.stdout().strip().split(" ");
                    keyMetadata = Optional.of(new FileMetadata(parts[0], parts[1], Integer.parseInt(parts[2], 8)));
                } else {
                    problems.add("cannot stat " + key + ": " + stat.stderr().strip());
                }
            }
        } catch (ServerCommandException e) {
            problems.add(e.getMessage());
        }
        Optional<OutboundProbe> probe = request.outboundDestination().flatMap(destination -> {
            try {
                return Optional.of(outboundProbe(request, destination));
            } catch (ServerCommandException e) {
                problems.add(e.getMessage());
                return Optional.empty();
            }
        });
        Optional<MailLogSummary> summary = mailLog.flatMap(reader -> {
            try {
                return Optional.of(MailLogParser.parse(reader.tail(MAIL_LOG_BYTES)));
            } catch (ServerCommandException e) {
                problems.add(e.getMessage());
                return Optional.empty();
            }
        });
        return new ServerObservation(hash, level, keyFile, keyMetadata, probe, summary, problems);
    }

    /**
     * {@code posttls-finger -c -l LEVEL [-F CAfile] DESTINATION}: "test this domain before enforcing". The level is
     * the one the TLS policy map would use for it; posttls-finger uses the instance's main.cf (MAIL_CONFIG).
     */
    public OutboundProbe outboundProbe(ServerSideRequest request, String destination) throws ServerCommandException {
        List<String> argv = new ArrayList<>();
        request.configDir().ifPresent(dir -> {
            argv.add("env");
            argv.add("MAIL_CONFIG=" + dir);
        });
        argv.addAll(List.of("posttls-finger", "-c", "-l", request.outboundLevel()));
        request.caFile().ifPresent(ca -> {
            argv.add("-F");
            argv.add(ca);
        });
        argv.add("--");
        argv.add(destination);
        CommandResult result = commands.run(argv, Duration.ofSeconds(60));
        return OutboundProbe.parse(destination, request.outboundLevel(), result.stdout() + "\n" + result.stderr());
    }

    private CommandResult postconf(ServerSideRequest request, String... args) throws ServerCommandException {
        List<String> argv = new ArrayList<>(List.of("postconf"));
        request.configDir().ifPresent(dir -> {
            argv.add("-c");
            argv.add(dir);
        });
        argv.addAll(List.of(args));
        CommandResult result = commands.run(argv, COMMAND_TIMEOUT);
        if (!result.succeeded()) {
            throw new ServerCommandException("postconf " + String.join(" ", args) + " failed: " + result.stderr().strip());
        }
        return result;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
