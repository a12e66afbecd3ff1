package org.postfixtls.wizard.domain.verify;

import java.util.Objects;
import java.util.Optional;

/**
 * A handshake offering only one {@link SignatureFamily}'s signature algorithms: accepted with the chain the server
 * chose for it, refused (no certificate of that family), or unknown (the probe could not run).
 */
public record CertificateProbe(ProbeOutcome outcome, Optional<HandshakeFacts> handshake) {

    public CertificateProbe {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(handshake, "handshake");
    }

    public static CertificateProbe served(HandshakeFacts facts) {
        return new CertificateProbe(ProbeOutcome.accepted("negotiated " + facts.protocol() + " with "
                + facts.cipher()), Optional.of(facts));
    }

    public static CertificateProbe refused(String detail) {
        return new CertificateProbe(ProbeOutcome.refused(detail), Optional.empty());
    }

    public static CertificateProbe unknown(String detail) {
        return new CertificateProbe(ProbeOutcome.unknown(detail), Optional.empty());
    }
}
