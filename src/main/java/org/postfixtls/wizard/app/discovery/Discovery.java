package org.postfixtls.wizard.app.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.PrivateKeyMaterial;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteShell;
import org.postfixtls.wizard.app.remote.Scripts;
import org.postfixtls.wizard.app.remote.TaggedOutput;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.cert.CertificateDetails;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.InspectionRequest;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;

/**
 * Reads everything the wizard needs to know about a Postfix host with one read-only remote command (a script
 * on stdin of {@code bash -s}), and inspects the candidate certificates locally with the certificate domain.
 */
public final class Discovery {

    /** Absolute path, the characters Postfix installations use; keeps odd input out of messages and scripts. */
    public static final Pattern CONFIG_DIR = Pattern.compile("/[A-Za-z0-9._/+@,=-]*");

    private static final byte[] SCRIPT = Scripts.load(Discovery.class, "discover.sh");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final CertificateInspector inspector;

    public Discovery(CertificateInspector inspector) {
        this.inspector = inspector;
    }

    public Discovery() {
        this(new CertificateInspector());
    }

    /**
     * @param configDirectory the instance to look at ({@code postconf -c}); null for the default instance
     * @param checkDnssec     also ask the resolver whether it validates (can take a few seconds offline)
     */
    public ServerFacts discover(RemoteShell shell, String configDirectory, boolean checkDnssec) {
        if (configDirectory != null && !CONFIG_DIR.matcher(configDirectory).matches()) {
            throw new IllegalArgumentException("config directory must be an absolute path of the characters"
                    + " A-Z a-z 0-9 . _ / + @ , = -, not '" + configDirectory + "'");
        }
        CommandResult result = shell.run(List.of("bash", "-s", "--", configDirectory == null ? "" : configDirectory,
                checkDnssec ? "dnssec" : ""), SCRIPT, TIMEOUT);
        return facts(shell.target(), result);
    }

    /**
     * The instance's configuration directory without a discovery: the given one (checked like {@link #discover}),
     * or the default instance's from one {@code postconf -h config_directory}. For a rollback or the history, which
     * need the instance's state directory and nothing else the discovery reads.
     */
    public String configDirectory(RemoteShell shell, String configDirectory) {
        if (configDirectory != null) {
            if (!CONFIG_DIR.matcher(configDirectory).matches()) {
                throw new IllegalArgumentException("config directory must be an absolute path of the characters"
                        + " A-Z a-z 0-9 . _ / + @ , = -, not '" + configDirectory + "'");
            }
            return configDirectory;
        }
        CommandResult result = shell.run(List.of("postconf", "-h", "config_directory"), TIMEOUT);
        String directory = result.stdoutText().strip();
        if (!result.succeeded() || !CONFIG_DIR.matcher(directory).matches()) {
            throw new RemoteException("cannot read Postfix's config_directory on " + shell.target() + ": "
                    + (result.succeeded() ? "'" + directory + "'" : result.firstErrorLine()));
        }
        return directory;
    }

    /** The discovery script itself, for an engine that runs it on its own (the Ansible role ships it). */
    public static byte[] script() {
        return SCRIPT.clone();
    }

    /**
     * The facts in what the discovery script printed when something else ran it (the Ansible role, as root on the
     * host); {@code target} names the host in messages.
     */
    public ServerFacts fromScriptOutput(String target, String stdout) {
        return facts(target, new CommandResult(0, stdout.getBytes(StandardCharsets.UTF_8), new byte[0]));
    }

    private ServerFacts facts(String target, CommandResult result) {
        TaggedOutput out = TaggedOutput.parse(result.stdoutText());
        Optional<String> error = out.text("error");
        if (error.isPresent()) {
            throw new DiscoveryException(target + ": " + error.get());
        }
        if (!result.succeeded() || out.text("config_directory").isEmpty()) {
            throw new RemoteException("discovery failed on " + target + ": " + result.firstErrorLine());
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (TaggedOutput.Entry entry : out.entries()) {
            if (entry.key().startsWith("param.")) {
                parameters.put(entry.key().substring("param.".length()), entry.text());
            }
        }
        String mailVersion = out.textOr("mail_version", "");
        PostfixVersion version = PostfixVersion.parse(mailVersion).orElseThrow(() -> new DiscoveryException(
                target + ": cannot read the Postfix version ('" + mailVersion + "')"));
        String type = parameters.getOrDefault("smtpd_sasl_type", "");
        String socketExists = out.text("sasl.socket_exists").orElse(null);
        ServerFacts.Sasl sasl = new ServerFacts.Sasl(type, parameters.getOrDefault("smtpd_sasl_path", ""),
                out.text("sasl.socket").orElse(null),
                socketExists == null || socketExists.equals("unknown") ? null : socketExists.equals("yes"));
        ServerFacts.Dnssec dnssec = out.text("dnssec.status")
                .map(status -> new ServerFacts.Dnssec(status, out.text("dnssec.resolver").orElse(null),
                        out.text("dnssec.detail").orElse(null)))
                .orElse(ServerFacts.Dnssec.NOT_CHECKED);
        String myhostname = parameters.getOrDefault("myhostname", "");
        return ServerFacts.builder(target)
                .configDirectory(out.textOr("config_directory", ""))
                .postfixVersion(mailVersion)
                .version(version)
                .opensslVersion(out.textOr("openssl_version", ""))
                .defaultDatabaseType(parameters.getOrDefault("default_database_type", "hash"))
                .myhostname(myhostname)
                .mydomain(parameters.getOrDefault("mydomain", ""))
                .parameters(parameters)
                .mainCf(out.text("main.cf", StandardCharsets.ISO_8859_1).orElse(""))
                .masterCf(out.text("master.cf", StandardCharsets.ISO_8859_1).orElse(""))
                .tlsPolicy(out.text("tls_policy", StandardCharsets.ISO_8859_1).orElse(null))
                .sasl(sasl)
                .masterRunning("yes".equals(out.textOr("master_running", "no")))
                .serviceManager(out.textOr("service_manager", "postfix"))
                .certificates(certificates(out, myhostname))
                .dnssec(dnssec)
                .stackMarkers(out.entries().stream()
                        .filter(e -> e.key().equals("stack.marker")).map(TaggedOutput.Entry::text).toList())
                .stackFiles(stackFiles(out))
                .runtime(RuntimeFacts.of(out.textOr("openssl_version", ""), out.textOr("libssl", ""),
                        out.text("tlsrpt").orElse(null), out.textOr("openssl_cnf", ""),
                        out.textOr("openssl_cnf_settings", ""), out.textOr("crypto_policy", "")))
                .build();
    }

    /** The mail stacks' override files that exist on the server: a {@code stack.file} path, then its content. */
    private static List<OverrideFile> stackFiles(TaggedOutput out) {
        List<OverrideFile> files = new ArrayList<>();
        String path = null;
        for (TaggedOutput.Entry entry : out.entries()) {
            if (entry.key().equals("stack.file")) {
                path = entry.text();
            } else if (entry.key().equals("stack.content") && path != null) {
                files.add(new OverrideFile(path.substring(path.lastIndexOf('/') + 1), path,
                        new String(entry.value(), StandardCharsets.ISO_8859_1)));
                path = null;
            }
        }
        return files;
    }

    private List<ServerFacts.CertificateCandidate> certificates(TaggedOutput out, String myhostname) {
        List<ServerFacts.CertificateCandidate> candidates = new ArrayList<>();
        String path = null;
        String source = null;
        String[] meta = new String[0];
        for (TaggedOutput.Entry entry : out.entries()) {
            switch (entry.key()) {
                case "cert.path" -> path = entry.text();
                case "cert.source" -> source = entry.text();
                case "cert.meta" -> meta = entry.text().split(" ");
                case "cert.pem" -> candidates.add(candidate(path, source, meta, entry.value(), myhostname));
                default -> {
                }
            }
        }
        return candidates;
    }

    private ServerFacts.CertificateCandidate candidate(String path, String source, String[] meta, byte[] pem,
            String myhostname) {
        String owner = meta.length > 0 ? meta[0] : null;
        String group = meta.length > 1 ? meta[1] : null;
        String mode = meta.length > 2 ? meta[2] : null;
        if (PrivateKeyMaterial.isIn(pem)) {
            return new ServerFacts.CertificateCandidate(path, source, owner, group, mode, null, List.of(), null, null,
                    0, false, List.of(), "the server sent private key material with this certificate; it was"
                    + " discarded (the private key must never leave the server)");
        }
        try {
            InspectionRequest request = InspectionRequest.of(FileContent.of(path, pem));
            if (!myhostname.isBlank()) {
                request = request.withHostnames(List.of(myhostname));
            }
            InspectionReport report = inspector.inspect(request);
            CertificateDetails leaf = report.leaf();
            return new ServerFacts.CertificateCandidate(path, source, owner, group, mode, leaf.subject(),
                    leaf.subjectAlternativeNames(), leaf.issuer(), leaf.notAfter(), leaf.daysLeft(), leaf.selfSigned(),
                    report.findings().stream().map(f -> f.id().id()).toList(), null);
        } catch (BadInputException e) {
            return new ServerFacts.CertificateCandidate(path, source, owner, group, mode, null, List.of(), null, null,
                    0, false, List.of(), e.getMessage());
        }
    }
}
