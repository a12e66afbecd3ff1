package org.postfixtls.wizard.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.postfixtls.wizard.adapter.dns.DnsjavaResolver;
import org.postfixtls.wizard.adapter.local.AtomicFiles;
import org.postfixtls.wizard.adapter.local.LocalFiles;
import org.postfixtls.wizard.adapter.local.SystemTrust;
import org.postfixtls.wizard.adapter.local.LocalServerCommands;
import org.postfixtls.wizard.adapter.net.HttpsPolicyFetcher;
import org.postfixtls.wizard.adapter.net.SmtpProber;
import org.postfixtls.wizard.app.verify.CommandMailLog;
import org.postfixtls.wizard.app.verify.DnsResolver;
import org.postfixtls.wizard.app.verify.MailLogReader;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.app.verify.ReportDocument;
import org.postfixtls.wizard.app.verify.ReportHtml;
import org.postfixtls.wizard.app.verify.ReportText;
import org.postfixtls.wizard.app.verify.ServerInspector;
import org.postfixtls.wizard.app.verify.ServerSideRequest;
import org.postfixtls.wizard.app.verify.VerificationEngine;
import org.postfixtls.wizard.app.verify.VerificationRequest;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.cert.TrustAnchors;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.verify.ExpectedCertificate;
import org.postfixtls.wizard.domain.verify.ExpectedCertificates;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code verify}: prove the deployed TLS from outside (and, with --local-server, from the server itself). */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Probe a mail server's SMTP ports (STARTTLS, TLS required, protocol versions, weak ciphers,"
                + " certificate, AUTH only over TLS, the key-exchange group and post-quantum X25519MLKEM768), its DNS (MX, TLSA, MTA-STS, TLS-RPT) and optionally the server"
                + " itself, and map the results to the runbook's \"Done\" checklist.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no check failed", "1:at least one check failed", "2:bad input"})
final class VerifyCommand implements Callable<Integer> {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-]{1,253}");
    private static final Pattern DOMAIN = Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}\\.?");
    private static final Pattern DESTINATION = Pattern.compile("\\[?[A-Za-z0-9._:\\-]{1,253}]?(:\\d{1,5})?");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "H", description = "the mail server (name or address)")
    String host;

    @Option(names = "--smtp-port", defaultValue = "25", paramLabel = "PORT", description = "SMTP (STARTTLS) port; 0 skips it (default ${DEFAULT-VALUE})")
    int smtpPort;

    @Option(names = "--submission-port", defaultValue = "587", paramLabel = "PORT", description = "submission (STARTTLS, TLS required) port; 0 skips it (default ${DEFAULT-VALUE})")
    int submissionPort;

    @Option(names = "--submissions-port", defaultValue = "465", paramLabel = "PORT", description = "submissions (implicit TLS) port; 0 skips it (default ${DEFAULT-VALUE})")
    int submissionsPort;

    @Option(names = "--expect-cert", paramLabel = "FILE", description = "the certificate chosen in the wizard (PEM): the served one must be it;"
            + " give it twice (one RSA, one ECDSA) to prove both are served, each to clients supporting only its algorithm")
    List<Path> expectCerts = new ArrayList<>();

    @Option(names = "--expect-pq", description = "the profile chose post-quantum key exchange"
            + " (hardening.pqKeyExchange): a port that does not accept X25519MLKEM768 fails pq-key-exchange;"
            + " without it the check only informs")
    boolean expectPq;

    @Option(names = "--domain", paramLabel = "D", description = "mail domain for the DNS checks (MX, TLSA, MTA-STS, TLS-RPT); without it DNS is skipped")
    String domain;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|md|html", description = "output format: ${COMPLETION-CANDIDATES}")
    VerifyFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report to FILE (replaced atomically) instead of standard output")
    Path out;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "CA bundle the served chain must chain to (default: the system bundle)")
    Path caFile;

    @Option(names = "--hostname", paramLabel = "NAME", description = "a name the served certificate must cover; repeatable (default: --host, or the name in the 220 greeting when --host is an address)")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--dns-server", paramLabel = "HOST[:PORT]", description = "resolver to ask (default: the system's first resolver); use a validating one for the AD bit")
    String dnsServer;

    @Option(names = "--timeout", defaultValue = "10", paramLabel = "SECONDS", description = "per-reply timeout; connecting gets half, each connection at most twice (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--local-server", description = "the server is this machine: also check its configuration, key permissions and mail log")
    boolean localServer;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "with --local-server: Postfix config directory (postconf -c DIR)")
    String configDir;

    @Option(names = "--log-file", paramLabel = "FILE", description = "with --local-server: the mail log to summarize, or 'journal' (default /var/log/mail.log)")
    String logFile;

    @Option(names = "--outbound-level", defaultValue = "may", paramLabel = "LEVEL", description = "the outbound TLS level chosen (default ${DEFAULT-VALUE}); also posttls-finger's level")
    String outboundLevel;

    @Option(names = "--outbound-test", paramLabel = "DESTINATION", description = "with --local-server: run posttls-finger against this destination (domain or [host]:port)")
    String outboundTest;

    @Override
    public Integer call() throws Exception {
        try {
            VerificationRequest request = request();
            Optional<DnsResolver> dns = dnsResolver();
            VerificationEngine engine = new VerificationEngine(new SmtpProber(), dns,
                    dns.map(d -> HttpsPolicyFetcher.standard()),
                    localServer ? Optional.of(serverInspector()) : Optional.empty(), Clock.systemUTC());
            VerificationReport report = engine.verify(request);
            String rendered = switch (format) {
                case text -> ReportText.text(report);
                case json -> Json.write(ReportDocument.of(report)) + "\n";
                case md -> ReportText.markdown(report);
                case html -> ReportHtml.of(report);
            };
            if (out != null) {
                writeAtomically(out, rendered);
                spec.commandLine().getOut().println("report written to " + out + " (" + report.status().json() + ")");
            } else {
                spec.commandLine().getOut().print(rendered);
            }
            spec.commandLine().getOut().flush();
            return report.anyFailed() ? ExitCodes.PROBLEMS : ExitCodes.OK;
        } catch (BadInputException e) {
            return BadInput.report(spec, e);
        }
    }

    private VerificationRequest request() {
        if (!HOST.matcher(host).matches()) {
            throw new BadInputException("--host: '" + host + "' is not a host name or address (letters, digits, '.', '-', ':')");
        }
        List<PortTarget> ports = new ArrayList<>();
        addPort(ports, "--smtp-port", smtpPort, PortRole.SMTP);
        addPort(ports, "--submission-port", submissionPort, PortRole.SUBMISSION);
        addPort(ports, "--submissions-port", submissionsPort, PortRole.SUBMISSIONS);
        if (ports.isEmpty()) {
            throw new BadInputException("--smtp-port, --submission-port, --submissions-port: all are 0; at least one port must be probed");
        }
        if (domain != null && !DOMAIN.matcher(domain).matches()) {
            throw new BadInputException("--domain: '" + domain + "' is not a domain name (e.g. example.com)");
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 300) {
            throw new BadInputException("--timeout: " + timeoutSeconds + " is out of range; allowed 1..300 seconds");
        }
        if (TlsLevel.parse(outboundLevel).filter(TlsLevel.OUTBOUND_DEFAULTS::contains).isEmpty()) {
            throw new BadInputException("--outbound-level: '" + outboundLevel
                    + "' is not a Postfix TLS level for all destinations; allowed: " + TlsLevel.names(TlsLevel.OUTBOUND_DEFAULTS));
        }
        if (outboundTest != null && (!DESTINATION.matcher(outboundTest).matches() || outboundTest.startsWith("-"))) {
            throw new BadInputException("--outbound-test: '" + outboundTest + "' is not a destination (example.org or [mx.example.org]:25)");
        }
        ServerPathOption.problem("--config-dir", configDir).ifPresent(problem -> {
            throw new BadInputException(problem);
        });
        if (!localServer && (configDir != null || logFile != null || outboundTest != null)) {
            throw new BadInputException("--config-dir, --log-file and --outbound-test need --local-server (the server is this machine)");
        }
        if (dnsServer != null) {
            parseDnsServer(dnsServer);
        }
        for (String name : hostnames) {
            if (!DOMAIN.matcher(name).matches()) {
                throw new BadInputException("--hostname: '" + name + "' is not a host name (e.g. mail.example.com)");
            }
        }
        List<ExpectedCertificate> chosen = ExpectedCertificates.of(expectCerts.stream().map(path -> LocalFiles.read(
                path, InputLimits.MAX_PEM_BYTES, "a PEM certificate (the one chosen in the wizard)")).toList());
        Optional<String> expected = chosen.size() == 1 ? Optional.of(chosen.get(0).sha256()) : Optional.empty();
        PortExpectations expectations = new PortExpectations(trustAnchors(), expected, hostnames,
                org.postfixtls.wizard.domain.cert.InspectionRequest.DEFAULT_EXPIRY_WINDOW,
                chosen.size() == 2 ? chosen : List.of()).withPostQuantum(expectPq);
        Duration reply = Duration.ofSeconds(timeoutSeconds);
        ProbeTimeouts timeouts = new ProbeTimeouts(reply.dividedBy(2).isZero() ? reply : reply.dividedBy(2), reply,
                reply.multipliedBy(2));
        Optional<ServerSideRequest> serverSide = localServer
                ? Optional.of(new ServerSideRequest(Optional.ofNullable(configDir), outboundLevel,
                Optional.ofNullable(outboundTest), Optional.ofNullable(caFile).map(Path::toString)))
                : Optional.empty();
        return new VerificationRequest(host, ports, expectations, Optional.ofNullable(domain), serverSide, timeouts);
    }

    private void addPort(List<PortTarget> ports, String option, int port, PortRole role) {
        if (port < 0 || port > 65535) {
            throw new BadInputException(option + ": " + port + " is not a port; allowed 1..65535, or 0 to skip it");
        }
        if (port > 0) {
            ports.add(new PortTarget(host, port, role));
        }
    }

    private Optional<TrustAnchors> trustAnchors() {
        return caFile != null ? Optional.of(SystemTrust.bundle(caFile)) : SystemTrust.anchors();
    }

    private Optional<DnsResolver> dnsResolver() {
        if (domain == null) {
            return Optional.empty();
        }
        Optional<InetSocketAddress> server = dnsServer != null ? Optional.of(parseDnsServer(dnsServer))
                : DnsjavaResolver.systemResolver();
        return server.map(address -> new DnsjavaResolver(address, Duration.ofSeconds(Math.min(timeoutSeconds, 5))));
    }

    private static InetSocketAddress parseDnsServer(String value) {
        String hostPart = value;
        int port = 53;
        int colon = value.lastIndexOf(':');
        if (colon > 0 && value.indexOf(':') == colon) {
            hostPart = value.substring(0, colon);
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
        }
        if (port < 1 || port > 65535 || !HOST.matcher(hostPart).matches()) {
            throw new BadInputException("--dns-server: '" + value + "' is not HOST or HOST:PORT (e.g. 127.0.0.1:53)");
        }
        return new InetSocketAddress(hostPart, port);
    }

    private ServerInspector serverInspector() {
        LocalServerCommands commands = new LocalServerCommands();
        MailLogReader log = new CommandMailLog(commands, logFile != null ? logFile : "/var/log/mail.log");
        return new ServerInspector(commands, Optional.of(log));
    }

    private static void writeAtomically(Path target, String content) {
        try {
            AtomicFiles.replace(target, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BadInputException("--out: " + target + " cannot be written (" + e.getMessage() + ")");
        }
    }

    enum VerifyFormat {
        text, json, md, html
    }
}
