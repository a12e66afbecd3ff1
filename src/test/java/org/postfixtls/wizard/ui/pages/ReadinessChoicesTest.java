package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.readiness.Suggestion;

class ReadinessChoicesTest {

    @Test
    void shownForEncryptAndStricterOnly() {
        assertFalse(ReadinessChoices.shown(TlsLevel.NONE));
        assertFalse(ReadinessChoices.shown(TlsLevel.MAY));
        for (TlsLevel level : List.of(TlsLevel.ENCRYPT, TlsLevel.DANE, TlsLevel.DANE_ONLY, TlsLevel.VERIFY,
                TlsLevel.SECURE)) {
            assertTrue(ReadinessChoices.shown(level), level.postfixName());
        }
    }

    @Test
    void beforeASourceIsChosenThePanelSaysSoInsteadOfFailing() {
        assertTrue(ReadinessChoices.sourceText(null).startsWith("Connect to a server"));
    }

    @Test
    void acceptedSuggestionsReplaceAnEntryForTheSameDestinationOrAreAppended() {
        Profile start = ProfileEdits.withPolicies(Preset.RUNBOOK.baseline(), List.of(
                new Profile.Policy("legacy.example", TlsLevel.VERIFY, List.of("hostname"), null, null, null),
                new Profile.Policy("bank.example", TlsLevel.SECURE, List.of(), null, null, null)));
        Profile result = ReadinessChoices.withSuggestions(start, List.of(
                new Suggestion("legacy.example", TlsLevel.ENCRYPT, Suggestion.Kind.KEEPS_MAIL_FLOWING, "e"),
                new Suggestion("supplier.example", TlsLevel.MAY, Suggestion.Kind.KEEPS_MAIL_FLOWING, "e")));
        assertEquals(List.of(
                new Profile.Policy("legacy.example", TlsLevel.ENCRYPT, List.of(), null, null, null),
                new Profile.Policy("bank.example", TlsLevel.SECURE, List.of(), null, null, null),
                new Profile.Policy("supplier.example", TlsLevel.MAY, List.of(), null, null, null)), result.policies());
        assertTrue(ReadinessChoices.tickedAtFirst(new Suggestion("a", TlsLevel.MAY,
                Suggestion.Kind.KEEPS_MAIL_FLOWING, "")));
        assertFalse(ReadinessChoices.tickedAtFirst(new Suggestion("a", TlsLevel.VERIFY, Suggestion.Kind.STRONGER, "")));
    }

    @org.junit.jupiter.api.Test
    void theDomainPoliciesStepOffersTheCheckOnlyForStrictEntries() {
        Profile profile = ProfileEdits.withPolicies(Preset.RUNBOOK.baseline(), java.util.List.of());
        org.junit.jupiter.api.Assertions.assertFalse(ReadinessChoices.hasStrictPolicy(profile));
        var may = new org.postfixtls.wizard.domain.profile.Profile.Policy("old.example",
                org.postfixtls.wizard.domain.profile.TlsLevel.MAY, java.util.List.of(), null, null, null);
        org.junit.jupiter.api.Assertions.assertFalse(ReadinessChoices.hasStrictPolicy(
                ProfileEdits.withPolicies(profile, java.util.List.of(may))));
        var verify = new org.postfixtls.wizard.domain.profile.Profile.Policy("bank.example",
                org.postfixtls.wizard.domain.profile.TlsLevel.VERIFY, java.util.List.of(), null, null, null);
        org.junit.jupiter.api.Assertions.assertTrue(ReadinessChoices.hasStrictPolicy(
                ProfileEdits.withPolicies(profile, java.util.List.of(may, verify))));
    }
}
