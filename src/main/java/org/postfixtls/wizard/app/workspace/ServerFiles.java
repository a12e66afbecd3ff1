package org.postfixtls.wizard.app.workspace;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * What the wizard knows about the configuration it is changing, wherever it came from (SSH discovery, a local
 * folder, the built-in demo server): the current files, the Postfix version and the certificate candidates.
 *
 * @param source       what the user connected to, for headings ("mail.example.com over SSH", a folder path)
 * @param policyMap    the current TLS policy table source, or null when there is none
 * @param stackMarkers mail-stack marker files discovery found on the server (empty for local files and the demo)
 * @param stackFiles   the mail stacks' override files found (extra.cf, postfix-main.cf, ...), which the plan edits
 * @param runtime      the server's OpenSSL and Postfix build as discovery saw them (unknown for local files)
 */
public record ServerFiles(String source, String mainCf, String masterCf, String policyMap, PostfixVersion version,
        String defaultDatabaseType, String configDirectory, List<CertificateCandidate> certificates,
        List<String> stackMarkers, List<OverrideFile> stackFiles, TlsRuntime runtime) {

    public ServerFiles {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(mainCf, "mainCf");
        Objects.requireNonNull(masterCf, "masterCf");
        Objects.requireNonNull(version, "version");
        certificates = List.copyOf(certificates);
        stackMarkers = stackMarkers == null ? List.of() : List.copyOf(stackMarkers);
        stackFiles = stackFiles == null ? List.of() : List.copyOf(stackFiles);
        runtime = runtime == null ? TlsRuntime.UNKNOWN : runtime;
    }

    public ServerFiles(String source, String mainCf, String masterCf, String policyMap, PostfixVersion version,
            String defaultDatabaseType, String configDirectory, List<CertificateCandidate> certificates,
            List<String> stackMarkers) {
        this(source, mainCf, masterCf, policyMap, version, defaultDatabaseType, configDirectory, certificates,
                stackMarkers, List.of(), TlsRuntime.UNKNOWN);
    }

    public ServerFiles(String source, String mainCf, String masterCf, String policyMap, PostfixVersion version,
            String defaultDatabaseType, String configDirectory, List<CertificateCandidate> certificates) {
        this(source, mainCf, masterCf, policyMap, version, defaultDatabaseType, configDirectory, certificates,
                List.of());
    }

    public PlanRequest planRequest(Profile profile) {
        return PlanRequest.of(mainCf, masterCf, profile, version).withPolicyMap(policyMap)
                .withDefaultDatabaseType(defaultDatabaseType).withConfigDirectory(configDirectory)
                .withStackMarkers(stackMarkers).withStackFiles(stackFiles).withRuntime(runtime);
    }

    /** {@code myhostname} as main.cf sets it (Postfix would otherwise use the machine's name, unknown here). */
    public Optional<String> myhostname() {
        return MainCf.parse(mainCf).get("myhostname").map(String::trim).filter(s -> !s.isEmpty() && !s.contains("$"));
    }

    /** {@code mydomain}, or the part of {@code myhostname} after its first dot, as Postfix derives it. */
    public Optional<String> mydomain() {
        Optional<String> explicit = MainCf.parse(mainCf).get("mydomain").map(String::trim)
                .filter(s -> !s.isEmpty() && !s.contains("$"));
        if (explicit.isPresent()) {
            return explicit;
        }
        return myhostname().filter(h -> h.indexOf('.') > 0).map(h -> h.substring(h.indexOf('.') + 1));
    }

    /** The same files with what is known of the server's OpenSSL and Postfix build (stated, for local files). */
    public ServerFiles withRuntime(TlsRuntime known) {
        return new ServerFiles(source, mainCf, masterCf, policyMap, version, defaultDatabaseType, configDirectory,
                certificates, stackMarkers, stackFiles, known);
    }

    public ServerFiles withCertificates(List<CertificateCandidate> candidates) {
        return new ServerFiles(source, mainCf, masterCf, policyMap, version, defaultDatabaseType, configDirectory,
                candidates, stackMarkers, stackFiles, runtime);
    }
}
