package org.postfixtls.wizard.domain.verify;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the probes saw on one port: the main dialog, each TLS version and weak cipher class tried on its own
 * connection, the STARTTLS injection test (STARTTLS ports only), with RSA and ECDSA certificates side by side one
 * handshake per {@link SignatureFamily}, and the post-quantum key-exchange probes (empty: not probed).
 */
public record PortObservation(
        PortTarget target,
        SessionObservation session,
        Map<TlsVersion, ProbeOutcome> protocols,
        Map<WeakCipherClass, ProbeOutcome> weakCiphers,
        Optional<ProbeOutcome> starttlsInjection,
        Map<SignatureFamily, CertificateProbe> certificateProbes,
        Map<KeyExchangeOffer, ProbeOutcome> keyExchange) {

    public PortObservation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(session, "session");
        protocols = Map.copyOf(protocols);
        weakCiphers = Map.copyOf(weakCiphers);
        Objects.requireNonNull(starttlsInjection, "starttlsInjection");
        certificateProbes = Map.copyOf(certificateProbes);
        keyExchange = Map.copyOf(keyExchange);
    }

    /** Without per-algorithm certificate probes and post-quantum probes ("not checked"). */
    public PortObservation(PortTarget target, SessionObservation session, Map<TlsVersion, ProbeOutcome> protocols,
            Map<WeakCipherClass, ProbeOutcome> weakCiphers, Optional<ProbeOutcome> starttlsInjection) {
        this(target, session, protocols, weakCiphers, starttlsInjection, Map.of(), Map.of());
    }

    public PortObservation withCertificateProbes(Map<SignatureFamily, CertificateProbe> probes) {
        return new PortObservation(target, session, protocols, weakCiphers, starttlsInjection, probes, keyExchange);
    }

    public PortObservation withKeyExchange(Map<KeyExchangeOffer, ProbeOutcome> outcomes) {
        return new PortObservation(target, session, protocols, weakCiphers, starttlsInjection, certificateProbes,
                outcomes);
    }
}
