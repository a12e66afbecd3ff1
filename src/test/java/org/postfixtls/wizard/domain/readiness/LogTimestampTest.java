package org.postfixtls.wizard.domain.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogTimestampTest {

    @Test
    void classicStampsGetTheYearThatIsNotInTheFuture() {
        LogTimestamp stamps = new LogTimestamp(Instant.parse("2027-01-03T08:00:00Z"), ZoneOffset.UTC);
        assertEquals(Instant.parse("2026-12-31T23:59:58Z"),
                stamps.parse("Dec 31 23:59:58 mail postfix/smtp[1]: x").orElseThrow().instant());
        assertEquals(Instant.parse("2027-01-02T01:02:03Z"),
                stamps.parse("Jan  2 01:02:03 mail postfix/smtp[1]: x").orElseThrow().instant());
    }

    @Test
    void rfc3339AndShortIsoCarryTheirOffset() {
        LogTimestamp stamps = new LogTimestamp(Instant.parse("2026-12-02T12:00:00Z"), ZoneId.of("Europe/Berlin"));
        assertEquals(Instant.parse("2026-12-02T04:17:58.123456Z"),
                stamps.parse("2026-12-02T05:17:58.123456+01:00 mail postfix/smtp[1]: x").orElseThrow().instant());
        assertEquals(Instant.parse("2026-12-02T05:17:58Z"),
                stamps.parse("2026-12-02T05:17:58+0000 mail postfix/smtp[1]: x").orElseThrow().instant());
        assertEquals(Instant.parse("2026-12-02T04:17:58Z"), stamps.parse("Dec 02 05:17:58 mail x").orElseThrow()
                .instant(), "a classic stamp is in the server's zone");
    }

    @Test
    void nonsenseIsNoStamp() {
        LogTimestamp stamps = new LogTimestamp(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);
        assertEquals(Optional.empty(), stamps.parse("Feb 30 10:00:00 mail x"));
        assertEquals(Optional.empty(), stamps.parse("Dec 02 25:00:00 mail x"));
        assertEquals(Optional.empty(), stamps.parse("2026-13-02T05:17:58Z mail x"));
        assertEquals(Optional.empty(), stamps.parse("postfix/smtp[1]: no stamp"));
    }
}
