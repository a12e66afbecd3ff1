package org.postfixtls.wizard.app.workspace;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.PrivateKeyMaterial;
import org.postfixtls.wizard.app.remote.RemoteShell;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.FileMetadata;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.cert.KeyEvidence;

/**
 * Turns what discovery found into the wizard's {@link ServerFiles}, fetching the candidate certificates (public) and,
 * for the key Postfix would use, only its public half derived on the server: private key material never leaves it.
 */
public final class RemoteWorkspace {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    /**
     * Prints only the PEM CERTIFICATE blocks of the file named by $1 (its first $2 bytes): certificate files
     * may hold the private key too (combined files, smtpd_tls_chain_files), and the key must stay on the server.
     * Same extraction as discover.sh and apply.sh.
     */
    static final String CERTIFICATES_ONLY = """
            out=$(head -c "$2" -- "$1" | awk '
              /^-----BEGIN CERTIFICATE-----/ { inside = 1; block = "" }
              inside && /^-----/ && !/^-----(BEGIN|END) CERTIFICATE-----/ { inside = 0; block = ""; next }
              inside { block = block $0 "\\n" }
              inside && /^-----END CERTIFICATE-----/ { printf "%s", block; inside = 0 }') || exit 1
            case "$out" in *"PRIVATE KEY"*) exit 1 ;; esac
            [ -z "$out" ] || printf '%s\\n' "$out"
            """;

    private RemoteWorkspace() {
    }

    public static ServerFiles from(ServerFacts facts, RemoteShell shell) {
        List<CertificateCandidate> candidates = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String configuredCert = facts.parameters().getOrDefault("smtpd_tls_cert_file", "").trim();
        String configuredKey = facts.parameters().getOrDefault("smtpd_tls_key_file", "").trim();
        if (!configuredCert.isEmpty()) {
            fetch(shell, configuredCert, configuredKey.isEmpty() ? configuredCert : configuredKey, "configured in main.cf")
                    .ifPresent(candidates::add);
            seen.add(configuredCert);
        }
        for (ServerFacts.CertificateCandidate found : facts.certificates()) {
            if (found.error() != null || !seen.add(found.path())) {
                continue;
            }
            fetch(shell, found.path(), keyBeside(found.path()), found.source()).ifPresent(candidates::add);
        }
        return new ServerFiles(facts.target() + " (Postfix " + facts.postfixVersion() + ", " + facts.configDirectory() + ")",
                facts.mainCf(), facts.masterCf(), facts.tlsPolicy(), facts.version(), facts.defaultDatabaseType(),
                facts.configDirectory(), candidates, facts.stackMarkers(), facts.stackFiles(), facts.runtime());
    }

    /** Let's Encrypt keeps privkey.pem next to fullchain.pem; elsewhere the key's place is unknown. */
    static String keyBeside(String chainPath) {
        if (chainPath.startsWith("/etc/letsencrypt/live/") && chainPath.endsWith("/fullchain.pem")) {
            return chainPath.substring(0, chainPath.length() - "fullchain.pem".length()) + "privkey.pem";
        }
        return null;
    }

    private static Optional<CertificateCandidate> fetch(RemoteShell shell, String chainPath, String keyPath, String origin) {
        CommandResult chain = shell.run(List.of("sh", "-c", CERTIFICATES_ONLY, "sh", chainPath,
                Integer.toString(InputLimits.MAX_PEM_BYTES)), new byte[0], COMMAND_TIMEOUT);
        if (!chain.succeeded() || !chain.stdoutText().contains("BEGIN CERTIFICATE")
                || PrivateKeyMaterial.isIn(chain.stdout())) {
            return Optional.empty();
        }
        Optional<KeyEvidence> key = keyPath == null ? Optional.empty() : publicKeyOf(shell, keyPath);
        return Optional.of(new CertificateCandidate(chainPath, keyPath,
                new FileContent(chainPath, chain.stdout(), metadata(shell, chainPath)), key, origin));
    }

    private static Optional<KeyEvidence> publicKeyOf(RemoteShell shell, String keyPath) {
        Optional<FileMetadata> metadata = metadata(shell, keyPath);
        if (metadata.isEmpty()) {
            return Optional.empty();
        }
        // -passin pass: makes an encrypted key fail at once instead of waiting for a passphrase on a terminal
        CommandResult pub = shell.run(List.of("openssl", "pkey", "-in", keyPath, "-pubout", "-passin", "pass:"),
                new byte[0], COMMAND_TIMEOUT);
        if (!pub.succeeded() || !pub.stdoutText().contains("BEGIN PUBLIC KEY")) {
            return Optional.empty();
        }
        return Optional.of(KeyEvidence.fromServer(FileContent.of("public key of " + keyPath,
                pub.stdoutText().getBytes(StandardCharsets.US_ASCII)), keyPath, metadata.get()));
    }

    private static Optional<FileMetadata> metadata(RemoteShell shell, String path) {
        CommandResult stat = shell.run(List.of("stat", "-L", "-c", "%U %G %a", "--", path), new byte[0], COMMAND_TIMEOUT);
        if (!stat.succeeded()) {
            return Optional.empty();
        }
        String[] parts = stat.stdoutText().trim().split(" ");
        if (parts.length != 3 || !parts[2].matches("[0-7]{1,4}")) {
            return Optional.empty();
        }
        return Optional.of(new FileMetadata(parts[0], parts[1], Integer.parseInt(parts[2], 8)));
    }
}
