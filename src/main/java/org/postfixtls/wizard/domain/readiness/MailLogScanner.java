package org.postfixtls.wizard.domain.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Postfix's log one line at a time and joins, per smtp(8) process, the "TLS connection established to
 * HOST[IP]:PORT" line with the {@code status=} lines that follow it for the same server and queue id. A delivery
 * without such a line went out in clear. Lines of every format Postfix 3.x writes are accepted: syslog or
 * maillog_file prefixes, classic or RFC 3339 stamps, instance names ({@code postfix-out/smtp}) and service names
 * ({@code postfix/relay/smtp}).
 *
 * <p>Memory is bounded whatever the log's size: one entry per recent smtp process (at most
 * {@value #MAX_PROCESSES}) and one per destination (at most {@value #MAX_DESTINATIONS}; more are counted, not
 * kept). Lines that cannot be read (binary, cut off, no time stamp) are skipped and counted, never fatal.
 */
public final class MailLogScanner {

    static final int MAX_PROCESSES = 4096;
    static final int MAX_DESTINATIONS = 100_000;

    private static final Pattern SMTP_TAG = Pattern.compile("\\S+ postfix[\\w.-]*(?:/[\\w.-]+)*/smtp\\[(\\d+)]: ");
    private static final Pattern TLS = Pattern.compile("(Verified|Trusted|Untrusted|Anonymous) TLS connection"
            + " (?:established|reused) to ([^\\s\\[]+)\\[([^\\]\\s]+)](?::(\\d+))?: (\\S+) with cipher (\\S+)");
    private static final Pattern DELIVERY = Pattern.compile("([0-9A-Za-z]+): to=<([^>]*)>,(?: orig_to=<[^>]*>,)?"
            + " relay=([^\\s\\[,]+)(?:\\[([^\\]\\s]+)](?::(\\d+))?)?, .*?status=(sent|deferred|bounced)\\b");
    /** A failed delivery got past EHLO (where STARTTLS would have been) only when the server answered a later command. */
    private static final Pattern PAST_EHLO = Pattern.compile("\\(in reply to (?:MAIL FROM|RCPT TO|DATA|end of DATA) command\\)");

    private final LogTimestamp timestamps;
    private final Instant since;
    private final Map<String, Connection> connections = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Connection> eldest) {
            return size() > MAX_PROCESSES;
        }
    };
    private final Map<String, Tally> destinations = new HashMap<>();
    private long lines;
    private long malformed;
    private long outsideWindow;
    private long droppedDestinations;
    private long deliveries;

    /** @param since lines older than this are skipped (the {@code --days} window) */
    public MailLogScanner(LogTimestamp timestamps, Instant since) {
        this.timestamps = timestamps;
        this.since = since;
    }

    public void accept(String line) {
        if (line.isEmpty()) {
            return;
        }
        lines++;
        if (line.indexOf('\0') >= 0 || line.indexOf('\uFFFD') >= 0) {
            malformed++;
            return;
        }
        int smtp = line.indexOf("/smtp[");
        if (smtp < 0) {
            if (!timestamps.startsWithStamp(line)) {
                malformed++;
            }
            return; // another program's line: nothing to join
        }
        Optional<LogTimestamp.Stamp> stamp = timestamps.parse(line);
        if (stamp.isEmpty()) {
            malformed++;
            return;
        }
        Matcher tag = SMTP_TAG.matcher(line).region(stamp.get().length(), line.length());
        if (!tag.lookingAt()) {
            return;
        }
        if (stamp.get().instant().isBefore(since)) {
            outsideWindow++;
            return;
        }
        String pid = tag.group(1);
        int body = tag.end();
        if (line.startsWith("TLS connection", line.indexOf(' ', body) + 1)) {
            connection(line, body, pid);
        } else if (line.indexOf(": to=<", body) >= 0) {
            delivery(line, body, pid, stamp.get().instant());
        }
    }

    private void connection(String line, int body, String pid) {
        Matcher m = TLS.matcher(line).region(body, line.length());
        if (!m.lookingAt()) {
            malformed++;
            return;
        }
        connections.put(pid, new Connection(peer(m.group(2), m.group(3), m.group(4)),
                TlsGrade.fromLogWord(m.group(1)).orElseThrow(), m.group(5), m.group(6)));
    }

    private void delivery(String line, int body, String pid, Instant time) {
        Matcher m = DELIVERY.matcher(line).region(body, line.length());
        if (!m.lookingAt()) {
            malformed++;
            return;
        }
        String relayHost = m.group(3).toLowerCase(Locale.ROOT);
        if (relayHost.equals("none") || m.group(4) == null) {
            return; // never reached a server: says nothing about its TLS
        }
        String recipient = m.group(2);
        int at = recipient.lastIndexOf('@');
        if (at < 0 || at == recipient.length() - 1) {
            return; // a local recipient, not another server's domain
        }
        String domain = stripDot(recipient.substring(at + 1).toLowerCase(Locale.ROOT));
        String peer = peer(relayHost, m.group(4), m.group(5));
        Connection connection = connections.get(pid);
        boolean tls = connection != null && connection.peer.equals(peer) && connection.owns(m.group(1));
        boolean sessionSeen = tls || m.group(6).equals("sent") || PAST_EHLO.matcher(line).region(m.end(), line.length()).find();
        Tally tally = destinations.get(domain);
        if (tally == null) {
            if (destinations.size() >= MAX_DESTINATIONS) {
                droppedDestinations++;
                return;
            }
            tally = new Tally();
            destinations.put(domain, tally);
        }
        deliveries++;
        tally.record(m.group(1), peer, relayHost, m.group(5) == null ? 25 : Integer.parseInt(m.group(5)), time,
                tls ? connection : null, sessionSeen);
    }

    private static String peer(String host, String ip, String port) {
        return host.toLowerCase(Locale.ROOT) + "[" + ip + "]:" + (port == null ? "25" : port);
    }

    private static String stripDot(String domain) {
        return domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    }

    /** What has been read so far; the scanner can go on reading afterwards. */
    public ScanResult result() {
        List<DestinationEvidence> evidence = new ArrayList<>(destinations.size());
        destinations.forEach((domain, t) -> evidence.add(new DestinationEvidence(domain, t.nexthop, t.relayHost,
                t.relayPort, t.messages, t.lastSeen, t.grades, Optional.ofNullable(t.protocol),
                Optional.ofNullable(t.cipher))));
        return new ScanResult(evidence, lines, deliveries, malformed, outsideWindow, droppedDestinations);
    }

    /** One smtp(8) process's current TLS connection; it belongs to the first queue id delivered over it. */
    private static final class Connection {
        final String peer;
        final TlsGrade grade;
        final String protocol;
        final String cipher;
        String queueId;

        Connection(String peer, TlsGrade grade, String protocol, String cipher) {
            this.peer = peer;
            this.grade = grade;
            this.protocol = protocol;
            this.cipher = cipher;
        }

        /**
         * Several recipients of one message share the connection; a later message of the same process needs a
         * new TLS line (TLS connections are cached only with smtp_tls_connection_reuse, which logs "reused").
         */
        boolean owns(String id) {
            if (queueId == null) {
                queueId = id;
            }
            return queueId.equals(id);
        }
    }

    private static final class Tally {
        final EnumMap<TlsGrade, Long> grades = new EnumMap<>(TlsGrade.class);
        String nexthop;
        String relayHost;
        int relayPort;
        long messages;
        Instant lastSeen;
        String protocol;
        String cipher;
        String lastQueueId;

        /** @param sessionSeen whether the delivery got far enough to show TLS or its absence */
        void record(String queueId, String peer, String host, int port, Instant time, Connection tls,
                boolean sessionSeen) {
            if (queueId.equals(lastQueueId)) {
                return; // another recipient of the same message and attempt
            }
            lastQueueId = queueId;
            messages++;
            if (sessionSeen) {
                grades.merge(tls == null ? TlsGrade.NONE : tls.grade, 1L, Long::sum);
            }
            if (lastSeen == null || !time.isBefore(lastSeen)) {
                lastSeen = time;
                nexthop = peer;
                relayHost = host;
                relayPort = port;
                if (tls != null) {
                    protocol = tls.protocol;
                    cipher = tls.cipher;
                }
            }
        }
    }
}
