package org.postfixtls.wizard.domain.readiness;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What posttls-finger should connect to for a destination: the domain itself (its MX records, as Postfix does)
 * when the log shows delivery on port 25, otherwise the server and port the log shows ({@code [host]:port}):
 * a transport or relayhost sent it there, and an MX lookup would test a different server. Only names and
 * addresses of a strict alphabet are returned, so a hostile log cannot smuggle an option or a shell word.
 */
public final class ProbeTargets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9.-]{0,251}[a-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(?:\\d{1,3}\\.){3}\\d{1,3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]{2,45}");

    private ProbeTargets() {
    }

    public static Optional<String> target(DestinationEvidence evidence) {
        if (evidence.relayPort() == 25 && NAME.matcher(evidence.destination()).matches()) {
            return Optional.of(evidence.destination());
        }
        String host = evidence.relayHost();
        if (host == null) {
            return Optional.empty();
        }
        String port = evidence.relayPort() == 25 ? "" : ":" + evidence.relayPort();
        if (IPV4.matcher(host).matches() || NAME.matcher(host).matches()) {
            return Optional.of("[" + host + "]" + port);
        }
        if (host.contains(":") && IPV6.matcher(host).matches()) {
            return Optional.of("[ipv6:" + host + "]" + port);
        }
        return Optional.empty();
    }
}
