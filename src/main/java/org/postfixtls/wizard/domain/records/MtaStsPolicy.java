package org.postfixtls.wizard.domain.records;

import java.util.List;
import org.postfixtls.wizard.domain.kernel.BadInputException;

/**
 * The policy file served at {@code https://mta-sts.<domain>/.well-known/mta-sts.txt} (RFC 8461 section 3.2).
 *
 * @param maxAgeSeconds how long senders cache the policy; RFC 8461 caps it at 31557600 (one year)
 */
public record MtaStsPolicy(String domain, MtaStsMode mode, List<String> mxPatterns, long maxAgeSeconds) {

    public static final long MAX_MAX_AGE = 31_557_600L;
    /** One week, the value of the guide; long enough to protect, short enough to recover from a mistake. */
    public static final long DEFAULT_MAX_AGE = 604_800L;

    public MtaStsPolicy {
        domain = DomainNames.require(domain, "mail domain");
        if (mxPatterns.isEmpty()) {
            throw new BadInputException("an MTA-STS policy needs at least one MX name (--mx)");
        }
        mxPatterns = mxPatterns.stream().map(MtaStsPolicy::pattern).toList();
        // RFC 8461 3.2: a non-negative integer; 0 (with mode none) is how a domain withdraws its policy
        if (maxAgeSeconds < 0 || maxAgeSeconds > MAX_MAX_AGE) {
            throw new BadInputException("max_age " + maxAgeSeconds + " is out of range; expected 0 to " + MAX_MAX_AGE
                    + " seconds (RFC 8461)");
        }
    }

    private static String pattern(String mx) {
        // A leading "*." is allowed by RFC 8461 and matches exactly one label.
        return mx.strip().startsWith("*.") ? "*." + DomainNames.require(mx.strip().substring(2), "MX pattern")
                : DomainNames.require(mx, "MX host name");
    }

    /** The file content; RFC 8461 separates the lines with CRLF. */
    public String text() {
        StringBuilder text = new StringBuilder("version: STSv1\r\n");
        text.append("mode: ").append(mode.keyword()).append("\r\n");
        mxPatterns.forEach(mx -> text.append("mx: ").append(mx).append("\r\n"));
        text.append("max_age: ").append(maxAgeSeconds).append("\r\n");
        return text.toString();
    }

    public String url() {
        return "https://mta-sts." + domain + "/.well-known/mta-sts.txt";
    }
}
