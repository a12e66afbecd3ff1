package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;

class OutboundChoicesTest {

    private static final Profile RECOMMENDED = Preset.RECOMMENDED.baseline();

    private static ServerFacts facts(String dnssecStatus, String detail) {
        return ServerFacts.builder("mail.example.com")
                .dnssec(new ServerFacts.Dnssec(dnssecStatus, "127.0.0.1", detail)).build();
    }

    @ParameterizedTest
    @EnumSource(value = TlsLevel.class, names = {"DANE", "DANE_ONLY"})
    void aDaneLevelSwitchesDnssecOnAndLocksTheBox(TlsLevel level) {
        Profile picked = OutboundChoices.pickLevel(RECOMMENDED, level);
        assertEquals(new Profile.Outbound(level, true), picked.outbound());
        assertTrue(OutboundChoices.dnssecLocked(level));
        assertEquals(RECOMMENDED.inbound(), picked.inbound(), "only the outbound part changes");
        assertEquals(RECOMMENDED.hardening(), picked.hardening());
    }

    @ParameterizedTest
    @EnumSource(value = TlsLevel.class, names = {"MAY", "ENCRYPT", "VERIFY", "SECURE", "NONE"})
    void otherLevelsLeaveTheBoxFreeAndAsItWas(TlsLevel level) {
        assertFalse(OutboundChoices.dnssecLocked(level));
        assertEquals(new Profile.Outbound(level, false), OutboundChoices.pickLevel(RECOMMENDED, level).outbound());
        Profile withDnssec = OutboundChoices.setDnssec(RECOMMENDED, true);
        assertEquals(new Profile.Outbound(level, true), OutboundChoices.pickLevel(withDnssec, level).outbound());
    }

    @Test
    void leavingDaneKeepsDnssecOn() {
        Profile dane = OutboundChoices.pickLevel(RECOMMENDED, TlsLevel.DANE);
        assertEquals(new Profile.Outbound(TlsLevel.MAY, true), OutboundChoices.pickLevel(dane, TlsLevel.MAY).outbound());
    }

    @Test
    void theDnssecBoxChangesOnlyDnssec() {
        Profile encrypt = OutboundChoices.pickLevel(RECOMMENDED, TlsLevel.ENCRYPT);
        assertEquals(new Profile.Outbound(TlsLevel.ENCRYPT, true), OutboundChoices.setDnssec(encrypt, true).outbound());
        assertEquals(new Profile.Outbound(TlsLevel.ENCRYPT, false),
                OutboundChoices.setDnssec(OutboundChoices.setDnssec(encrypt, true), false).outbound());
    }

    @Test
    void choosingWhatIsAlreadyChosenReturnsTheSameProfile() {
        assertSame(RECOMMENDED, OutboundChoices.pickLevel(RECOMMENDED, RECOMMENDED.outbound().level()));
        assertSame(RECOMMENDED, OutboundChoices.setDnssec(RECOMMENDED, RECOMMENDED.outbound().dnssec()));
    }

    @Test
    void withoutSshTheResolverWasNotCheckedAndOnlyDaneWarns() {
        OutboundChoices.ResolverStatus may = OutboundChoices.resolverStatus(TlsLevel.MAY, null);
        assertEquals("DNSSEC on the server was not checked (no SSH connection).", may.text());
        assertFalse(may.warn());
        assertTrue(OutboundChoices.resolverStatus(TlsLevel.DANE, null).warn());
        assertTrue(OutboundChoices.resolverStatus(TlsLevel.DANE_ONLY, null).warn());
    }

    @Test
    void aValidatingResolverLetsDaneWork() {
        OutboundChoices.ResolverStatus status = OutboundChoices.resolverStatus(TlsLevel.DANE, facts("validating", "ad flag"));
        assertEquals("The server's resolver validates DNSSEC: DANE can work.", status.text());
        assertFalse(status.warn());
    }

    @Test
    void aNonValidatingResolverWarnsAgainstDaneWithTheDetail() {
        ServerFacts facts = facts("not-validating", "no AD flag from 8.8.8.8");
        OutboundChoices.ResolverStatus dane = OutboundChoices.resolverStatus(TlsLevel.DANE, facts);
        assertEquals("The server's resolver does NOT validate DNSSEC (no AD flag from 8.8.8.8). Install a validating "
                + "resolver (e.g. unbound) before choosing dane.", dane.text());
        assertTrue(dane.warn());
        assertFalse(OutboundChoices.resolverStatus(TlsLevel.MAY, facts).warn(), "may does not need DNSSEC");
    }

    @Test
    void anUnknownResolverSaysSoAndWarnsForDane() {
        OutboundChoices.ResolverStatus status = OutboundChoices.resolverStatus(TlsLevel.DANE_ONLY,
                facts("unknown", "dig not installed"));
        assertEquals("Whether the server's resolver validates DNSSEC could not be determined (dig not installed).",
                status.text());
        assertTrue(status.warn());
    }

    @org.junit.jupiter.api.Test
    void aDaneProfileLoadedWithoutDnssecShowsTheBoxTickedAsThePlannerWritesIt() {
        org.junit.jupiter.api.Assertions.assertTrue(OutboundChoices.dnssecTicked(
                new org.postfixtls.wizard.domain.profile.Profile.Outbound(TlsLevel.DANE, false)));
        org.junit.jupiter.api.Assertions.assertFalse(OutboundChoices.dnssecTicked(
                new org.postfixtls.wizard.domain.profile.Profile.Outbound(TlsLevel.MAY, false)));
    }
}
