package org.postfixtls.wizard.domain.config.policy;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lookup keys Postfix's TLS policy tables use (postconf(5) smtp_tls_policy_maps): {@code domain},
 * {@code .domain} (its subdomains), {@code [host]} and {@code [host]:port}. A {@code *} key is never looked up
 * there; only transport tables have that wildcard.
 */
public final class PolicyDestination {

    public static final String WILDCARD = "*";

    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final String DOMAIN = LABEL + "(?:\\." + LABEL + ")*";
    private static final String IPV4 = "(?:[0-9]{1,3}\\.){3}[0-9]{1,3}";
    private static final String IPV6 = "ipv6:[0-9A-Fa-f:.]+";
    private static final Pattern DOMAIN_KEY = Pattern.compile("\\.?" + DOMAIN);
    private static final Pattern HOST_KEY = Pattern.compile("\\[(" + DOMAIN + "|" + IPV4 + "|" + IPV6 + ")\\](?::([0-9]{1,5}))?");

    private PolicyDestination() {
    }

    /** Why the destination is not a valid policy key, or empty when it is. */
    public static Optional<String> problem(String destination) {
        if (destination == null || destination.isEmpty()) {
            return Optional.of("is empty; allowed: domain, .domain, [host] or [host]:port");
        }
        if (WILDCARD.equals(destination)) {
            return Optional.of("'*' is never looked up in a TLS policy table (only transport tables have that"
                    + " wildcard); set the global default with outbound.level instead");
        }
        if (destination.length() > 255) {
            return Optional.of("is longer than 255 characters");
        }
        if (DOMAIN_KEY.matcher(destination).matches()) {
            return Optional.empty();
        }
        var host = HOST_KEY.matcher(destination);
        if (host.matches()) {
            if (host.group(2) != null) {
                int port = Integer.parseInt(host.group(2));
                if (port < 1 || port > 65535) {
                    return Optional.of("has port " + port + "; allowed ports are 1-65535");
                }
            }
            return Optional.empty();
        }
        return Optional.of("'" + destination + "' is not a policy key; allowed: example.com, .example.com"
                + " (subdomains), [mx.example.com] or [mx.example.com]:587");
    }

    /** The domain a key is about, for comparing with the server's own domains. */
    public static String domainOf(String destination) {
        String d = destination;
        if (d.startsWith("[")) {
            d = d.substring(1, Math.max(1, d.indexOf(']')));
        }
        if (d.startsWith(".")) {
            d = d.substring(1);
        }
        return d.toLowerCase(java.util.Locale.ROOT);
    }
}
