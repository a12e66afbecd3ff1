package org.postfixtls.wizard.app.discovery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.domain.config.stack.DetectedStack;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.config.stack.StackDetector;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * What discovery found on the server, in one object. Configuration files are ISO-8859-1 strings (every byte
 * survives; see docs/config-engine.md); {@code tlsPolicy} is null when {@code CONFIG_DIR/tls_policy} does not
 * exist. {@code stackFiles} are the mail stacks' override files found on the server (mailcow's extra.cf next to
 * main.cf, docker-mailserver's and Mailu's in their containers' config folders).
 */
public record ServerFacts(
        String target,
        String configDirectory,
        String postfixVersion,
        PostfixVersion version,
        String opensslVersion,
        String defaultDatabaseType,
        String myhostname,
        String mydomain,
        Map<String, String> parameters,
        String mainCf,
        String masterCf,
        String tlsPolicy,
        Sasl sasl,
        boolean masterRunning,
        String serviceManager,
        List<CertificateCandidate> certificates,
        Dnssec dnssec,
        List<String> stackMarkers,
        List<OverrideFile> stackFiles,
        TlsRuntime runtime) {

    public ServerFacts {
        parameters = Map.copyOf(parameters);
        certificates = List.copyOf(certificates);
        stackMarkers = List.copyOf(stackMarkers);
        stackFiles = stackFiles == null ? List.of() : List.copyOf(stackFiles);
        runtime = runtime == null ? TlsRuntime.UNKNOWN : runtime;
    }

    /** Facts without what the OpenSSL/build probes found (tests, older callers). */
    public ServerFacts(String target, String configDirectory, String postfixVersion, PostfixVersion version,
            String opensslVersion, String defaultDatabaseType, String myhostname, String mydomain,
            Map<String, String> parameters, String mainCf, String masterCf, String tlsPolicy, Sasl sasl,
            boolean masterRunning, String serviceManager, List<CertificateCandidate> certificates, Dnssec dnssec,
            List<String> stackMarkers, List<OverrideFile> stackFiles) {
        this(target, configDirectory, postfixVersion, version, opensslVersion, defaultDatabaseType, myhostname,
                mydomain, parameters, mainCf, masterCf, tlsPolicy, sasl, masterRunning, serviceManager, certificates,
                dnssec, stackMarkers, stackFiles, TlsRuntime.UNKNOWN);
    }

    /** Facts without the stacks' override files. */
    public ServerFacts(String target, String configDirectory, String postfixVersion, PostfixVersion version,
            String opensslVersion, String defaultDatabaseType, String myhostname, String mydomain,
            Map<String, String> parameters, String mainCf, String masterCf, String tlsPolicy, Sasl sasl,
            boolean masterRunning, String serviceManager, List<CertificateCandidate> certificates, Dnssec dnssec,
            List<String> stackMarkers, TlsRuntime runtime) {
        this(target, configDirectory, postfixVersion, version, opensslVersion, defaultDatabaseType, myhostname,
                mydomain, parameters, mainCf, masterCf, tlsPolicy, sasl, masterRunning, serviceManager, certificates,
                dnssec, stackMarkers, List.of(), runtime);
    }

    /** Facts without the stacks' override files nor the OpenSSL/build probes (tests, older callers). */
    public ServerFacts(String target, String configDirectory, String postfixVersion, PostfixVersion version,
            String opensslVersion, String defaultDatabaseType, String myhostname, String mydomain,
            Map<String, String> parameters, String mainCf, String masterCf, String tlsPolicy, Sasl sasl,
            boolean masterRunning, String serviceManager, List<CertificateCandidate> certificates, Dnssec dnssec,
            List<String> stackMarkers) {
        this(target, configDirectory, postfixVersion, version, opensslVersion, defaultDatabaseType, myhostname,
                mydomain, parameters, mainCf, masterCf, tlsPolicy, sasl, masterRunning, serviceManager, certificates,
                dnssec, stackMarkers, List.of(), TlsRuntime.UNKNOWN);
    }

    /** Facts without stack marker files (local files, demo server, tests). */
    public ServerFacts(String target, String configDirectory, String postfixVersion, PostfixVersion version,
            String opensslVersion, String defaultDatabaseType, String myhostname, String mydomain,
            Map<String, String> parameters, String mainCf, String masterCf, String tlsPolicy, Sasl sasl,
            boolean masterRunning, String serviceManager, List<CertificateCandidate> certificates, Dnssec dnssec) {
        this(target, configDirectory, postfixVersion, version, opensslVersion, defaultDatabaseType, myhostname,
                mydomain, parameters, mainCf, masterCf, tlsPolicy, sasl, masterRunning, serviceManager, certificates,
                dnssec, List.of(), List.of(), TlsRuntime.UNKNOWN);
    }

    /** What the planner needs from these facts: deploy, fleet plans and drift plan the same request. */
    public PlanRequest planRequest(Profile profile) {
        return PlanRequest.of(mainCf, masterCf, profile, version).withPolicyMap(tlsPolicy)
                .withDefaultDatabaseType(defaultDatabaseType).withConfigDirectory(configDirectory)
                .withStackMarkers(stackMarkers).withStackFiles(stackFiles).withRuntime(runtime);
    }

    /** The mail stack that owns this Postfix's files, from the files and the marker files found. */
    public Optional<DetectedStack> stack() {
        return StackDetector.detect(mainCf, masterCf, stackMarkers);
    }

    /** {@code socketExists} is null when it cannot be known (inet: socket, or not Dovecot). */
    public record Sasl(String type, String path, String socket, Boolean socketExists) {
    }

    /**
     * A certificate found on the server. {@code error} is set (and the certificate fields null) when the file
     * could not be read as a certificate.
     */
    public record CertificateCandidate(String path, String source, String owner, String group, String mode,
            String subject, List<String> subjectAlternativeNames, String issuer, Instant notAfter, long daysLeft,
            boolean selfSigned, List<String> findings, String error) {
        public CertificateCandidate {
            subjectAlternativeNames = subjectAlternativeNames == null ? List.of() : List.copyOf(subjectAlternativeNames);
            findings = findings == null ? List.of() : List.copyOf(findings);
        }
    }

    /** Whether the resolver validates DNSSEC (needed for DANE): validating, not-validating, unknown, not-checked. */
    public record Dnssec(String status, String resolver, String detail) {
        public static final Dnssec NOT_CHECKED = new Dnssec("not-checked", null, "not checked");
    }
}
