package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;

class InboundChoicesTest {

    private static final Profile RECOMMENDED = Preset.RECOMMENDED.baseline();

    @Test
    void aLevelKeepsAuthOnlyAndTouchesNothingElse() {
        Profile encrypt = InboundChoices.pickLevel(RECOMMENDED, TlsLevel.ENCRYPT);
        assertEquals(new Profile.Inbound(TlsLevel.ENCRYPT, true), encrypt.inbound());
        assertEquals(RECOMMENDED.outbound(), encrypt.outbound());
        assertEquals(RECOMMENDED.submission(), encrypt.submission());
        Profile noAuthOnly = InboundChoices.setAuthOnly(RECOMMENDED, false);
        assertEquals(new Profile.Inbound(TlsLevel.NONE, false),
                InboundChoices.pickLevel(noAuthOnly, TlsLevel.NONE).inbound());
    }

    @Test
    void theAuthBoxKeepsTheLevel() {
        Profile encrypt = InboundChoices.pickLevel(RECOMMENDED, TlsLevel.ENCRYPT);
        assertEquals(new Profile.Inbound(TlsLevel.ENCRYPT, false), InboundChoices.setAuthOnly(encrypt, false).inbound());
    }

    @Test
    void choosingWhatIsAlreadyChosenReturnsTheSameProfile() {
        assertSame(RECOMMENDED, InboundChoices.pickLevel(RECOMMENDED, TlsLevel.MAY));
        assertSame(RECOMMENDED, InboundChoices.setAuthOnly(RECOMMENDED, true));
    }
}
