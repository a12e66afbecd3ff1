package org.postfixtls.wizard.domain.readiness;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * The proposed outbound level and policy table (a profile's), and which of them would apply to a destination.
 *
 * <p>Postfix looks its TLS policy table up by the next-hop destination (postconf(5) smtp_tls_policy_maps): the
 * recipient domain and then its parents as {@code .parent}, or {@code [host]:port} and {@code [host]} when a
 * transport or relayhost names the server. The log shows the recipient domain and the server used, not the
 * transport's nexthop, so both are tried, domain forms first.
 */
public record Proposal(TlsLevel defaultLevel, List<Profile.Policy> policies) {

    public Proposal {
        policies = List.copyOf(policies);
    }

    public record Applied(TlsLevel level, Optional<Profile.Policy> entry) {
    }

    public Applied levelFor(String domain, String relayHost, int relayPort) {
        Optional<Profile.Policy> hit = find(domain);
        String parent = domain;
        while (hit.isEmpty() && parent.indexOf('.') > 0) {
            parent = parent.substring(parent.indexOf('.') + 1);
            hit = find("." + parent);
        }
        if (hit.isEmpty() && relayHost != null) {
            hit = find("[" + relayHost + "]:" + relayPort);
            if (hit.isEmpty() && relayPort == 25) {
                hit = find("[" + relayHost + "]");
            }
        }
        return hit.map(p -> new Applied(p.level(), Optional.of(p))).orElse(new Applied(defaultLevel, Optional.empty()));
    }

    private Optional<Profile.Policy> find(String key) {
        return policies.stream().filter(p -> p.destination().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }
}
