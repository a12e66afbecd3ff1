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

    /**
     * Facts are built by name: twenty positional arguments are too easy to swap (most are Strings). A fact left out
     * is what discovery reports when the server says nothing about it, so a test names only the facts it is about.
     */
    public static Builder builder(String target) {
        return new Builder(target);
    }

    /** Collects the facts one by one; {@link #build()} gives the record (which copies the lists). */
    public static final class Builder {
        private final String target;
        private String configDirectory = "";
        private String postfixVersion = "";
        private PostfixVersion version; // unknown
        private String opensslVersion = "";
        private String defaultDatabaseType = "hash";
        private String myhostname = "";
        private String mydomain = "";
        private Map<String, String> parameters = Map.of();
        private String mainCf = "";
        private String masterCf = "";
        private String tlsPolicy; // no tls_policy file
        private Sasl sasl = Sasl.NONE;
        private boolean masterRunning;
        private String serviceManager = "postfix";
        private List<CertificateCandidate> certificates = List.of();
        private Dnssec dnssec = Dnssec.NOT_CHECKED;
        private List<String> stackMarkers = List.of();
        private List<OverrideFile> stackFiles = List.of();
        private TlsRuntime runtime = TlsRuntime.UNKNOWN;

        private Builder(String target) {
            this.target = target;
        }

        public Builder configDirectory(String value) {
            configDirectory = value;
            return this;
        }

        public Builder postfixVersion(String value) {
            postfixVersion = value;
            return this;
        }

        public Builder version(PostfixVersion value) {
            version = value;
            return this;
        }

        public Builder opensslVersion(String value) {
            opensslVersion = value;
            return this;
        }

        public Builder defaultDatabaseType(String value) {
            defaultDatabaseType = value;
            return this;
        }

        public Builder myhostname(String value) {
            myhostname = value;
            return this;
        }

        public Builder mydomain(String value) {
            mydomain = value;
            return this;
        }

        public Builder parameters(Map<String, String> value) {
            parameters = value;
            return this;
        }

        public Builder mainCf(String value) {
            mainCf = value;
            return this;
        }

        public Builder masterCf(String value) {
            masterCf = value;
            return this;
        }

        public Builder tlsPolicy(String value) {
            tlsPolicy = value;
            return this;
        }

        public Builder sasl(Sasl value) {
            sasl = value;
            return this;
        }

        public Builder masterRunning(boolean value) {
            masterRunning = value;
            return this;
        }

        public Builder serviceManager(String value) {
            serviceManager = value;
            return this;
        }

        public Builder certificates(List<CertificateCandidate> value) {
            certificates = value;
            return this;
        }

        public Builder dnssec(Dnssec value) {
            dnssec = value;
            return this;
        }

        public Builder stackMarkers(List<String> value) {
            stackMarkers = value;
            return this;
        }

        public Builder stackFiles(List<OverrideFile> value) {
            stackFiles = value;
            return this;
        }

        public Builder runtime(TlsRuntime value) {
            runtime = value;
            return this;
        }

        public ServerFacts build() {
            return new ServerFacts(target, configDirectory, postfixVersion, version, opensslVersion,
                    defaultDatabaseType, myhostname, mydomain, parameters, mainCf, masterCf, tlsPolicy, sasl,
                    masterRunning, serviceManager, certificates, dnssec, stackMarkers, stackFiles, runtime);
        }
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
        /** No SASL set in main.cf (neither {@code smtpd_sasl_type} nor {@code smtpd_sasl_path}). */
        public static final Sasl NONE = new Sasl("", "", null, null);
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
