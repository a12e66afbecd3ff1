package org.postfixtls.wizard.domain.verify;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.postfixtls.wizard.domain.cert.InspectionReport;

/**
 * One port, judged: the raw observation, the inspection of the certificate it served and the checks. A UI tile
 * renders this directly (status = {@link #status()}, facts from the accessors).
 */
public record PortResult(PortObservation observation, Optional<InspectionReport> certificate, List<Check> checks) {

    public PortResult {
        checks = List.copyOf(checks);
    }

    public PortTarget target() {
        return observation.target();
    }

    public boolean reachable() {
        return observation.session().connected();
    }

    public boolean tls() {
        return observation.session().tls();
    }

    /** Per version: true accepted, false refused; versions whose probe could not run are absent. */
    public Map<TlsVersion, Boolean> protocols() {
        Map<TlsVersion, Boolean> map = new TreeMap<>();
        observation.protocols().forEach((version, outcome) -> {
            if (outcome.result() != ProbeOutcome.Result.UNKNOWN) {
                map.put(version, outcome.accepted());
            }
        });
        return map;
    }

    public Optional<String> protocol() {
        return observation.session().handshake().map(HandshakeFacts::protocol);
    }

    public Optional<String> cipher() {
        return observation.session().handshake().map(HandshakeFacts::cipher);
    }

    public Optional<String> group() {
        return observation.session().handshake().flatMap(HandshakeFacts::group);
    }

    public Optional<Boolean> authBeforeTls() {
        return observation.session().authBeforeTls();
    }

    public Optional<Boolean> authAfterTls() {
        return observation.session().authAfterTls();
    }

    public Optional<String> certificateSha256() {
        return certificate.map(report -> report.leaf().sha256Fingerprint());
    }

    public CheckStatus status() {
        return Verdicts.worst(checks);
    }
}
