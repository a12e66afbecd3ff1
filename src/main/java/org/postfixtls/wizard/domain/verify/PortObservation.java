package org.postfixtls.wizard.domain.verify;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the probes saw on one port: the main dialog, each TLS version and weak cipher class tried on its own
 * connection, and the STARTTLS injection test (STARTTLS ports only).
 */
public record PortObservation(
        PortTarget target,
        SessionObservation session,
        Map<TlsVersion, ProbeOutcome> protocols,
        Map<WeakCipherClass, ProbeOutcome> weakCiphers,
        Optional<ProbeOutcome> starttlsInjection) {

    public PortObservation {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(session, "session");
        protocols = Map.copyOf(protocols);
        weakCiphers = Map.copyOf(weakCiphers);
        Objects.requireNonNull(starttlsInjection, "starttlsInjection");
    }
}
