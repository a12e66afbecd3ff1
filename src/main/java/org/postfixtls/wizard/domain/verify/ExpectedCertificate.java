package org.postfixtls.wizard.domain.verify;

import java.util.Objects;

/** A certificate chosen in the wizard (or given with --expect-cert): its algorithm and leaf fingerprint. */
public record ExpectedCertificate(SignatureFamily family, String sha256) {

    public ExpectedCertificate {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(sha256, "sha256");
    }
}
