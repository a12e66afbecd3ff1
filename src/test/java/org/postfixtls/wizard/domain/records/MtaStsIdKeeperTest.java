package org.postfixtls.wizard.domain.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class MtaStsIdKeeperTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final MtaStsIdKeeper ids = new MtaStsIdKeeper(clock);

    @Test
    void theIdStaysWhileThePolicyTextIsTheSame() {
        String first = ids.recordFor("example.org", "version: STSv1\nmode: testing\n").id();
        now.set(now.get().plusSeconds(90));

        assertEquals(first, ids.recordFor("example.org", "version: STSv1\nmode: testing\n").id());
    }

    @Test
    void aChangedPolicyGetsANewId() {
        String first = ids.recordFor("example.org", "version: STSv1\nmode: testing\n").id();
        now.set(now.get().plusSeconds(90));

        String second = ids.recordFor("example.org", "version: STSv1\nmode: enforce\n").id();

        assertNotEquals(first, second);
        assertEquals(second, ids.recordFor("example.org", "version: STSv1\nmode: enforce\n").id());
    }

    @Test
    void anotherDomainGetsItsOwnRecord() {
        ids.recordFor("example.org", "version: STSv1\nmode: testing\n");
        now.set(now.get().plusSeconds(90));

        MtaStsTxtRecord other = ids.recordFor("example.net", "version: STSv1\nmode: testing\n");

        assertEquals("example.net", other.domain());
    }
}
