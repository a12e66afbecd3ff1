package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;

class HardeningChoicesTest {

    private static final String DEFAULT = HardeningChoices.POSTFIX_DEFAULT;
    private static final Profile RECOMMENDED = Preset.RECOMMENDED.baseline();

    /** A profile with what belongs to this server: certificate paths, a domain policy and MTA-STS data. */
    private static Profile serversOwn(Profile profile) {
        Profile p = ProfileEdits.withCertificate(profile,
                new Profile.Certificate("/etc/letsencrypt/live/mx/fullchain.pem", "/etc/letsencrypt/live/mx/privkey.pem",
                        "/etc/ssl/own-ca.pem"));
        p = ProfileEdits.withPolicies(p, List.of(new Profile.Policy("bank.example", TlsLevel.VERIFY, List.of(), null,
                null, null)));
        return ProfileEdits.withMtaSts(p, new Profile.MtaSts("example.com", List.of("mail.example.com"), "testing",
                86400, null));
    }

    @Test
    void aPresetButtonSetsEveryTlsChoiceButKeepsTheServersOwn() {
        Profile mine = serversOwn(RECOMMENDED);
        Profile mandatory = HardeningChoices.applyPreset(mine, Preset.MANDATORY);
        Profile baseline = Preset.MANDATORY.baseline();
        assertEquals(Preset.MANDATORY, mandatory.preset());
        assertEquals(baseline.outbound(), mandatory.outbound());
        assertEquals(baseline.inbound(), mandatory.inbound());
        assertEquals(baseline.submission(), mandatory.submission());
        assertEquals(baseline.hardening(), mandatory.hardening());
        assertEquals(baseline.sessionCache(), mandatory.sessionCache());
        assertEquals(baseline.logging(), mandatory.logging());
        assertEquals(mine.certificate(), mandatory.certificate());
        assertEquals(mine.policies(), mandatory.policies());
        assertEquals(mine.mtaSts(), mandatory.mtaSts());
    }

    @Test
    void aPresetButtonKeepsThePostQuantumOptInWhichNoPresetMakes() {
        Profile ticked = ProfileEdits.withHardening(RECOMMENDED, RECOMMENDED.hardening().withPqKeyExchange(true));
        Profile runbook = HardeningChoices.applyPreset(ticked, Preset.RUNBOOK);
        assertTrue(runbook.hardening().pqKeyExchange());
        assertEquals(Preset.RUNBOOK.baseline().hardening().withPqKeyExchange(true), runbook.hardening(),
                "everything else is the preset's");
        assertEquals("Current: Runbook preset, with your changes", HardeningChoices.presetLabel(runbook));
        assertFalse(HardeningChoices.applyPreset(RECOMMENDED, Preset.MANDATORY).hardening().pqKeyExchange());
    }

    @Test
    void theLabelSaysWhetherTheProfileStillIsThePreset() {
        assertEquals("Current: Recommended preset", HardeningChoices.presetLabel(RECOMMENDED));
        assertEquals("Current: Recommended preset", HardeningChoices.presetLabel(serversOwn(RECOMMENDED)),
                "certificate, policies and MTA-STS are not changes to a preset");
        Profile edited = OutboundChoices.pickLevel(RECOMMENDED, TlsLevel.DANE);
        assertEquals("Current: Recommended preset, with your changes", HardeningChoices.presetLabel(edited));
        assertEquals("Current: Runbook preset",
                HardeningChoices.presetLabel(HardeningChoices.applyPreset(edited, Preset.RUNBOOK)));
    }

    @Test
    void presetTitles() {
        assertEquals("Runbook", HardeningChoices.title(Preset.RUNBOOK));
        assertEquals("Mandatory", HardeningChoices.title(Preset.MANDATORY));
        assertEquals("Recommended", HardeningChoices.title(Preset.RECOMMENDED));
    }

    @Test
    void theControlsShowPostfixDefaultForNull() {
        assertEquals(new HardeningChoices.Form("TLSv1.2", false, "high", DEFAULT, "aNULL", DEFAULT, true),
                HardeningChoices.Form.of(RECOMMENDED));
        // the runbook's protocol floor is explicit (decision 0047); its opportunistic ciphers stay Postfix's default
        assertEquals(new HardeningChoices.Form("TLSv1.2", false, "high", DEFAULT,
                "aNULL, MD5, DES, 3DES, RC4, EXPORT, eNULL", "strong", false),
                HardeningChoices.Form.of(Preset.RUNBOOK.baseline()));
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void showingAndStoringAPresetChangesNothing(Preset preset) {
        Profile baseline = preset.baseline();
        assertSame(baseline, HardeningChoices.edit(baseline, HardeningChoices.Form.of(baseline)));
    }

    @Test
    void whatTheControlsWrite() {
        Profile runbook = Preset.RUNBOOK.baseline();
        Profile edited = HardeningChoices.edit(runbook,
                new HardeningChoices.Form("TLSv1.3", true, DEFAULT, "medium", "RC4,3DES  aNULL, ", DEFAULT, true));
        Profile.Hardening h = edited.hardening();
        assertEquals("TLSv1.3", h.protocolFloor());
        assertTrue(h.floorOnOpportunistic());
        assertNull(h.mandatoryCiphers(), "Postfix default is stored as null");
        assertEquals("medium", h.opportunisticCiphers());
        assertEquals(List.of("RC4", "3DES", "aNULL"), h.excludeCiphers());
        assertNull(h.eecdhGrade());
        assertEquals(runbook.hardening().clientSide(), h.clientSide(), "not on this page: kept");
        assertEquals(Boolean.TRUE, h.preferServerCiphers(), "not on this page: kept");
        assertEquals(new Profile.SessionCache(true, 3600), edited.sessionCache());
        assertEquals(runbook.outbound(), edited.outbound());
    }

    @Test
    void withoutAFloorThePort25FloorIsDropped() {
        Profile mandatory = Preset.MANDATORY.baseline();
        assertTrue(HardeningChoices.floorOnPort25Applies(mandatory.hardening()));
        HardeningChoices.Form shown = HardeningChoices.Form.of(mandatory);
        Profile noFloor = HardeningChoices.edit(mandatory, new HardeningChoices.Form(DEFAULT, true,
                shown.mandatoryCiphers(), shown.opportunisticCiphers(), shown.exclude(), shown.eecdh(),
                shown.sessionCache()));
        assertNull(noFloor.hardening().protocolFloor());
        assertFalse(noFloor.hardening().floorOnOpportunistic());
        assertFalse(HardeningChoices.floorOnPort25Applies(noFloor.hardening()), "the box is disabled without a floor");
    }

    @Test
    void theFloorWarningShowsWhileTheFloorAppliesToPort25() {
        assertTrue(HardeningChoices.floorWarningShown(Preset.MANDATORY.baseline().hardening()));
        assertFalse(HardeningChoices.floorWarningShown(RECOMMENDED.hardening()), "floor on submission only");
        assertFalse(HardeningChoices.floorWarningShown(Preset.RUNBOOK.baseline().hardening()), "no floor");
    }

    @Test
    void turningTheSessionCacheOffKeepsItsTimeout() {
        HardeningChoices.Form shown = HardeningChoices.Form.of(RECOMMENDED);
        Profile off = HardeningChoices.edit(RECOMMENDED, new HardeningChoices.Form(shown.floor(), shown.floorOnPort25(),
                shown.mandatoryCiphers(), shown.opportunisticCiphers(), shown.exclude(), shown.eecdh(), false));
        assertEquals(new Profile.SessionCache(false, 3600), off.sessionCache());
        assertEquals(RECOMMENDED.hardening(), off.hardening());
    }

    @Test
    void theEecdhGradeAppliesBeforePostfix36Only() {
        HardeningChoices.Eecdh old = HardeningChoices.eecdh(new PostfixVersion(3, 5));
        assertTrue(old.enabled());
        assertEquals("Postfix before 3.6 only.", old.reason());
        HardeningChoices.Eecdh modern = HardeningChoices.eecdh(new PostfixVersion(3, 7));
        assertFalse(modern.enabled());
        assertEquals("Not used by Postfix 3.7 (3.6 and later choose curves themselves); the wizard removes it.",
                modern.reason());
        assertFalse(HardeningChoices.eecdh(PostfixVersion.MODERN_TLS).enabled());
        assertTrue(HardeningChoices.eecdh(null).enabled(), "no server yet: nothing to rule it out");
    }

    /** RELEASE_NOTES-3.8: default settings exclude SEED, IDEA, 3DES, RC2, RC4, RC5, MD5, DH/ECDH key exchange, DSS. */
    @Test
    void theExclusionsLineSaysWhichPostfixExcludesWhatByItself() {
        assertTrue(HardeningChoices.exclusionsNote(PostfixVersion.V3_8).startsWith("Postfix 3.8 excludes SEED"));
        assertTrue(HardeningChoices.exclusionsNote(new PostfixVersion(3, 7)).startsWith("Needs listing on Postfix 3.7;"));
        assertTrue(HardeningChoices.exclusionsNote(null).startsWith("Postfix 3.8 and later exclude"));
    }

    @Test
    void exclusionsAreSplitOnCommasAndSpace() {
        assertEquals(List.of("aNULL", "RC4", "3DES"), HardeningChoices.excludeList(" aNULL,RC4   3DES ,"));
        assertEquals(List.of(), HardeningChoices.excludeList(null));
        assertEquals("aNULL, RC4, 3DES", HardeningChoices.normalise("aNULL RC4,3DES"));
    }

    @Test
    void theBoxesOfferPostfixDefaultFirst() {
        assertEquals(List.of(DEFAULT, "TLSv1.2", "TLSv1.3"), HardeningChoices.FLOORS);
        assertEquals(DEFAULT, HardeningChoices.CIPHER_GRADES.get(0));
        assertEquals(DEFAULT, HardeningChoices.EECDH_GRADES.get(0));
    }

    @Test
    void thePostQuantumBoxEditsOnlyItsFlagAndNeedsAServerToKnowTheVersions() {
        Profile base = Preset.RECOMMENDED.baseline();
        HardeningChoices.Form form = HardeningChoices.Form.of(base);
        HardeningChoices.Form ticked = new HardeningChoices.Form(form.floor(), form.floorOnPort25(),
                form.mandatoryCiphers(), form.opportunisticCiphers(), form.exclude(), form.eecdh(), form.sessionCache(),
                true);
        Profile edited = HardeningChoices.edit(base, ticked);
        assertTrue(edited.hardening().pqKeyExchange());
        assertEquals(base.hardening().withPqKeyExchange(true), edited.hardening(), "nothing else changes");
        assertTrue(HardeningChoices.presetLabel(edited).endsWith("with your changes"));

        HardeningChoices.PostQuantumChoice none = HardeningChoices.postQuantum(null);
        assertFalse(none.enabled());
        assertTrue(none.reason().startsWith("Needs Postfix 3.10 or later with OpenSSL 3.5 or later"), none.reason());
    }
}
