package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileError;
import org.postfixtls.wizard.domain.profile.ProfileValidator;

class SubmissionChoicesTest {

    private static final Profile RECOMMENDED = Preset.RECOMMENDED.baseline();

    @ParameterizedTest
    @ValueSource(strings = {"", "5", "587", "65535", "99999"})
    void aPortFieldTakesUpToFiveDigits(String text) {
        assertTrue(SubmissionChoices.acceptsPortText(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000", "58a", "-1", " 587", "5.8", "587;"})
    void aPortFieldRefusesAnythingElse(String text) {
        assertFalse(SubmissionChoices.acceptsPortText(text));
    }

    @Test
    void anEmptyFieldIsPortZero() {
        assertEquals(0, SubmissionChoices.parsePort(""));
        assertEquals(0, SubmissionChoices.parsePort(null));
        assertEquals(2525, SubmissionChoices.parsePort("2525"));
    }

    @Test
    void theBoxesAndFieldsAreWrittenAsTheyStand() {
        Profile edited = SubmissionChoices.edit(RECOMMENDED, true, "2587", false, "465");
        assertEquals(new Profile.Submission(new Profile.Listener(true, 2587), new Profile.Listener(false, 465)),
                edited.submission());
        assertEquals(RECOMMENDED.inbound(), edited.inbound(), "only the submission part changes");
    }

    @Test
    void anEmptyFieldReachesTheProfilesCheckWhichNamesTheField() {
        Profile edited = SubmissionChoices.edit(RECOMMENDED, true, "", true, "465");
        assertEquals(List.of(new ProfileError("submission.starttls.port", "is 0; allowed: 1-65535")),
                ProfileValidator.validate(edited));
    }

    @Test
    void unchangedFormReturnsTheSameProfile() {
        assertSame(RECOMMENDED, SubmissionChoices.edit(RECOMMENDED, true, "587", true, "465"));
    }

    @Test
    void aPortCanBeEditedOnlyWhileItsServiceIsOn() {
        assertTrue(SubmissionChoices.portEditable(new Profile.Listener(true, 587)));
        assertFalse(SubmissionChoices.portEditable(new Profile.Listener(false, 587)));
        Profile off = SubmissionChoices.edit(RECOMMENDED, false, "587", true, "465");
        assertEquals(587, off.submission().starttls().port(), "switching a service off keeps its port");
    }
}
