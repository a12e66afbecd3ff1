package org.postfixtls.wizard.app.workspace;

import java.util.Objects;
import java.util.Optional;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.cert.KeyEvidence;

/**
 * A certificate the server could present: where Postfix would read it, its content (certificates are public),
 * and what is known about its private key — never the private key of a remote server itself.
 *
 * @param origin why it is a candidate ("configured in main.cf", "Let's Encrypt live", "generated test certificate")
 */
public record CertificateCandidate(String chainPath, String keyPath, FileContent chain, Optional<KeyEvidence> key,
        String origin) {

    public CertificateCandidate {
        Objects.requireNonNull(chainPath, "chainPath");
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(origin, "origin");
    }

    /** Let's Encrypt paths get the certbot renewal hook offered. */
    public boolean isLetsEncrypt() {
        return chainPath.startsWith("/etc/letsencrypt/");
    }
}
