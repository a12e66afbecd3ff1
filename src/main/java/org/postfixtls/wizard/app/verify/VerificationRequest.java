package org.postfixtls.wizard.app.verify;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortTarget;

/**
 * What to verify.
 *
 * @param host       the server as probed (name or address)
 * @param ports      the ports, each with its role (smtp, submission, submissions)
 * @param domain     mail domain for the DNS checks; empty skips DNS
 * @param serverSide what to check on the server itself; empty when the engine has no access to it
 * @param tlsRptAddress where the admin wants TLS reports (the DNS records step); the fix for a missing TLS-RPT
 *                   record names it instead of a made-up address
 */
public record VerificationRequest(String host, List<PortTarget> ports, PortExpectations expectations,
                                  Optional<String> domain, Optional<ServerSideRequest> serverSide,
                                  ProbeTimeouts timeouts, Optional<String> tlsRptAddress) {

    public VerificationRequest(String host, List<PortTarget> ports, PortExpectations expectations,
            Optional<String> domain, Optional<ServerSideRequest> serverSide, ProbeTimeouts timeouts) {
        this(host, ports, expectations, domain, serverSide, timeouts, Optional.empty());
    }

    public VerificationRequest {
        Objects.requireNonNull(host, "host");
        ports = List.copyOf(ports);
        Objects.requireNonNull(expectations, "expectations");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(serverSide, "serverSide");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(tlsRptAddress, "tlsRptAddress");
    }
}
