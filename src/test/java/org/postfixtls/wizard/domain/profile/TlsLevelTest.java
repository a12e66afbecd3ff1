package org.postfixtls.wizard.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The level rules every side asks: which levels each setting takes and what a level needs from the server. */
class TlsLevelTest {

    @Test
    void theOutboundDefaultIsEveryLevelButFingerprintRecommendedFirst() {
        assertEquals(EnumSet.complementOf(EnumSet.of(TlsLevel.FINGERPRINT)), EnumSet.copyOf(TlsLevel.OUTBOUND_DEFAULTS));
        assertEquals(TlsLevel.values().length - 1, TlsLevel.OUTBOUND_DEFAULTS.size(), "no level twice");
        assertEquals(TlsLevel.MAY, TlsLevel.OUTBOUND_DEFAULTS.get(0));
    }

    @Test
    void inboundTakesWhatSmtpdTakes() {
        assertEquals(List.of(TlsLevel.MAY, TlsLevel.ENCRYPT, TlsLevel.NONE), TlsLevel.INBOUND);
    }

    @Test
    void aDomainPolicyTakesEveryLevel() {
        assertEquals(Arrays.asList(TlsLevel.values()), TlsLevel.POLICY);
    }

    @Test
    void exactlyTheDaneLevelsNeedDnssec() {
        assertEquals(EnumSet.of(TlsLevel.DANE, TlsLevel.DANE_ONLY),
                EnumSet.copyOf(Arrays.stream(TlsLevel.values()).filter(TlsLevel::needsDnssec).toList()));
    }
}
