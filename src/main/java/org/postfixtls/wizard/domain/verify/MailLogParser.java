package org.postfixtls.wizard.domain.verify;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Postfix's log lines (syslog file, maillog_file or journal, all share the message part). TLS lines are counted
 * per connection; a delivery by smtp(8) whose process had no TLS connection to that relay counts as plaintext.
 */
public final class MailLogParser {

    private static final Pattern TLS_LINE = Pattern.compile(
            "postfix(?:-[\\w.-]+)?/(?:[\\w.-]+/)*(smtpd?|[\\w.-]+)\\[(\\d+)]: (Verified|Trusted|Untrusted|Anonymous) TLS connection"
                    + " (?:established|reused) (to|from) ([^\\s\\[]+)\\[([^\\]]*)](?::\\d+)?: (TLSv[\\d.]+|SSLv3)");
    private static final Pattern DELIVERY = Pattern.compile(
            "postfix(?:-[\\w.-]+)?/(?:[\\w.-]+/)*(smtp|lmtp)\\[(\\d+)]: \\w+: to=<[^>]*>,.* relay=([^\\s\\[,]+)\\[([^\\]]*)](?::\\d+)?,");

    private MailLogParser() {
    }

    public static MailLogSummary parse(String log) {
        Map<String, Integer> inbound = new TreeMap<>();
        Map<String, Integer> outbound = new TreeMap<>();
        Map<String, Map<TlsTrust, Integer>> destinations = new TreeMap<>();
        Map<String, String> tlsPeerByProcess = new HashMap<>();
        int lines = 0;
        for (String line : log.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            lines++;
            Matcher tls = TLS_LINE.matcher(line);
            if (tls.find()) {
                String version = tls.group(7);
                if (tls.group(4).equals("from")) {
                    inbound.merge(version, 1, Integer::sum);
                } else {
                    outbound.merge(version, 1, Integer::sum);
                    String host = tls.group(5).toLowerCase(java.util.Locale.ROOT);
                    TlsTrust trust = TlsTrust.fromLogWord(tls.group(3)).orElseThrow();
                    destinations.computeIfAbsent(host, h -> new EnumMap<>(TlsTrust.class)).merge(trust, 1, Integer::sum);
                    tlsPeerByProcess.put(tls.group(2), host + "[" + tls.group(6) + "]");
                }
                continue;
            }
            Matcher delivery = DELIVERY.matcher(line);
            if (delivery.find()) {
                String host = delivery.group(3).toLowerCase(java.util.Locale.ROOT);
                if (host.equals("none")) {
                    continue; // never connected: neither TLS nor plaintext
                }
                String peer = host + "[" + delivery.group(4) + "]";
                if (!peer.equals(tlsPeerByProcess.get(delivery.group(2)))) {
                    destinations.computeIfAbsent(host, h -> new EnumMap<>(TlsTrust.class))
                            .merge(TlsTrust.PLAINTEXT, 1, Integer::sum);
                }
            }
        }
        return new MailLogSummary(lines, inbound, outbound, destinations);
    }
}
