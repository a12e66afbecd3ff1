package org.postfixtls.wizard.domain.verify;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code posttls-finger -c -l LEVEL DESTINATION}, run on the server, showed: the trust Postfix's own TLS client
 * reached, the protocol and cipher, and whether that satisfies the level the policy would use.
 */
public record OutboundProbe(String destination, String level, Optional<TlsTrust> trust, Optional<String> protocol,
                            Optional<String> cipher, List<String> output) {

    private static final Pattern ESTABLISHED = Pattern.compile(
            "(Verified|Trusted|Untrusted|Anonymous) TLS connection established to \\S+: (TLSv[\\d.]+) with cipher (\\S+)");

    public OutboundProbe {
        output = List.copyOf(output);
    }

    public static OutboundProbe parse(String destination, String level, String output) {
        List<String> lines = output.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(50).toList();
        for (String line : lines) {
            Matcher m = ESTABLISHED.matcher(line);
            if (m.find()) {
                return new OutboundProbe(destination, level, TlsTrust.fromLogWord(m.group(1)), Optional.of(m.group(2)),
                        Optional.of(m.group(3)), lines);
            }
        }
        boolean connected = lines.stream().noneMatch(l -> l.contains("Failed to establish session")
                || l.contains("fatal:"));
        return new OutboundProbe(destination, level, connected ? Optional.of(TlsTrust.PLAINTEXT) : Optional.empty(),
                Optional.empty(), Optional.empty(), lines);
    }

    /** Whether the outcome meets the level: may accepts anything, encrypt needs TLS, verify/secure/dane need Verified. */
    public boolean satisfiesLevel() {
        if (trust.isEmpty()) {
            return false;
        }
        return switch (level) {
            case "none", "may" -> true;
            case "encrypt" -> trust.get() != TlsTrust.PLAINTEXT;
            default -> trust.get() == TlsTrust.VERIFIED;
        };
    }
}
