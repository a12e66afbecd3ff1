package org.postfixtls.wizard.domain.readiness;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time at the start of a log line: classic syslog ({@code Dec  2 05:17:58}, no year, also maillog_file's
 * format), RFC 3339 ({@code 2026-12-02T05:17:58.123456+00:00}, rsyslog's high-precision format) or journalctl's
 * short-iso ({@code 2026-12-02T05:17:58+0000}). A classic stamp gets the year that puts it not after {@code now}.
 */
public final class LogTimestamp {

    private static final Pattern CLASSIC = Pattern.compile(
            "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\\d{1,2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d+)? ");
    private static final Pattern ISO = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?)(Z|[+-]\\d{2}:?\\d{2}) ");

    private final Instant now;
    private final ZoneId zone;

    /** @param zone the server's zone, for classic stamps that carry none */
    public LogTimestamp(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    /** The stamp and the length of the prefix it took (including the space after it). */
    public record Stamp(Instant instant, int length) {
    }

    /** Whether the line starts with a stamp of a known format; cheaper than {@link #parse} (no date arithmetic). */
    public boolean startsWithStamp(CharSequence line) {
        return CLASSIC.matcher(line).lookingAt() || ISO.matcher(line).lookingAt();
    }

    public Optional<Stamp> parse(CharSequence line) {
        Matcher classic = CLASSIC.matcher(line);
        if (classic.lookingAt()) {
            return classic(classic);
        }
        Matcher iso = ISO.matcher(line);
        if (iso.lookingAt()) {
            String offset = iso.group(2);
            if (!offset.equals("Z") && offset.indexOf(':') < 0) {
                offset = offset.substring(0, 3) + ":" + offset.substring(3);
            }
            try {
                return Optional.of(new Stamp(OffsetDateTime.parse(iso.group(1) + offset).toInstant(), iso.end()));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private Optional<Stamp> classic(Matcher m) {
        int month = monthNumber(m.group(1));
        int day = Integer.parseInt(m.group(2));
        int hour = Integer.parseInt(m.group(3));
        int minute = Integer.parseInt(m.group(4));
        int second = Integer.parseInt(m.group(5));
        if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
            return Optional.empty();
        }
        int year = LocalDateTime.ofInstant(now, zone).getYear();
        try {
            Instant instant = LocalDateTime.of(year, month, day, hour, minute, Math.min(second, 59))
                    .atZone(zone).toInstant();
            // A stamp after "now" (more than a day, for clock skew) belongs to last year: logs span New Year.
            if (instant.isAfter(now.plusSeconds(86_400))) {
                instant = LocalDateTime.of(year - 1, month, day, hour, minute, Math.min(second, 59))
                        .atZone(zone).toInstant();
            }
            return Optional.of(new Stamp(instant, m.end()));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // Feb 30 and the like
        }
    }

    private static int monthNumber(String name) {
        for (Month month : Month.values()) {
            if (month.name().regionMatches(true, 0, name, 0, 3)) {
                return month.getValue();
            }
        }
        throw new IllegalArgumentException(name);
    }
}
