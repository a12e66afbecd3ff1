package org.postfixtls.wizard.app.verify;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a verification run is made of, chosen once by the composition root: the SMTP prober, the DNS resolver (when
 * the system has one), the MTA-STS policy fetcher and the clock. Tests hand in fakes.
 */
public record VerificationTools(PortProber prober, Supplier<Optional<DnsResolver>> dns,
        Supplier<PolicyFetcher> policies, Clock clock) {

    /** An engine for one run; DNS, and with it MTA-STS, only when a mail domain is to be checked. */
    public VerificationEngine engine(boolean checkDns, Optional<ServerInspector> server) {
        Optional<DnsResolver> resolver = checkDns ? dns.get() : Optional.empty();
        return new VerificationEngine(prober, resolver, resolver.map(r -> policies.get()), server, clock);
    }
}
