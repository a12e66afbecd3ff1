package org.postfixtls.wizard.domain.config.mastercf;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The fields of a master.cf service line (master(5)). {@code commented} services are Debian-style
 * {@code #submission inet ...} blocks that Postfix ignores.
 */
public record MasterService(String name, String type, String privateField, String unprivileged, String chroot,
        String wakeup, String maxproc, String command, Map<String, String> options, boolean commented) {

    private static final Map<String, Integer> WELL_KNOWN_PORTS =
            Map.of("smtp", 25, "submission", 587, "submissions", 465, "smtps", 465);

    /** The service name for a profile port: 587 → submission, 465 → submissions, other ports → the number. */
    public static String serviceNameForPort(int port) {
        return switch (port) {
            case 587 -> "submission";
            case 465 -> "submissions";
            case 25 -> "smtp";
            default -> Integer.toString(port);
        };
    }

    /** The TCP port an inet service listens on, when the name says it ({@code [host:]port}). */
    public OptionalInt port() {
        if (!"inet".equals(type)) {
            return OptionalInt.empty();
        }
        String portPart = name.substring(name.lastIndexOf(':') + 1).toLowerCase(Locale.ROOT);
        if (portPart.matches("[0-9]{1,5}")) {
            return OptionalInt.of(Integer.parseInt(portPart));
        }
        Integer known = WELL_KNOWN_PORTS.get(portPart);
        return known == null ? OptionalInt.empty() : OptionalInt.of(known);
    }

    /** True for {@code host:port} names, which listen on one address only. */
    public boolean boundToHost() {
        return name.lastIndexOf(':') > 0;
    }

    public String option(String optionName) {
        return options.get(optionName);
    }
}
