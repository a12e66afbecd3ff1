package org.postfixtls.wizard.domain.verify;

import java.util.Map;

/**
 * The mail log made useful: TLS versions used inbound and outbound, and per outbound destination how many
 * connections were Verified / Trusted / Untrusted / Anonymous and how many deliveries went out in plaintext.
 *
 * @param perDestination relay host name → counts per {@link TlsTrust}
 */
public record MailLogSummary(int linesRead, Map<String, Integer> inboundVersions, Map<String, Integer> outboundVersions,
                             Map<String, Map<TlsTrust, Integer>> perDestination) {

    public MailLogSummary {
        inboundVersions = Map.copyOf(inboundVersions);
        outboundVersions = Map.copyOf(outboundVersions);
        perDestination = Map.copyOf(perDestination);
    }

    public int outbound(TlsTrust trust) {
        return perDestination.values().stream().mapToInt(m -> m.getOrDefault(trust, 0)).sum();
    }

    public int outboundTotal() {
        return perDestination.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }
}
