package org.postfixtls.wizard.domain.verify;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the probes saw on one port: the main dialog, each TLS version and weak cipher class tried on its own
 * connection, the STARTTLS injection test (STARTTLS ports only) and the post-quantum key-exchange probes (empty:
 * not probed).
 */
public record PortObservation(
        PortTarget target,
        SessionObservation session,
        Map<TlsVersion, ProbeOutcome> protocols,
        Map<WeakCipherClass, ProbeOutcome> weakCiphers,
        Optional<ProbeOutcome> starttlsInjection,
        Map<KeyExchangeOffer, ProbeOutcome> keyExchange) {

    public PortObservation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(session, "session");
        protocols = Map.copyOf(protocols);
        weakCiphers = Map.copyOf(weakCiphers);
        Objects.requireNonNull(starttlsInjection, "starttlsInjection");
        keyExchange = Map.copyOf(keyExchange);
    }

    /** Without the post-quantum probes (key-exchange groups "not checked"). */
    public PortObservation(PortTarget target, SessionObservation session, Map<TlsVersion, ProbeOutcome> protocols,
            Map<WeakCipherClass, ProbeOutcome> weakCiphers, Optional<ProbeOutcome> starttlsInjection) {
        this(target, session, protocols, weakCiphers, starttlsInjection, Map.of());
    }

    public PortObservation withKeyExchange(Map<KeyExchangeOffer, ProbeOutcome> outcomes) {
        return new PortObservation(target, session, protocols, weakCiphers, starttlsInjection, outcomes);
    }
}
