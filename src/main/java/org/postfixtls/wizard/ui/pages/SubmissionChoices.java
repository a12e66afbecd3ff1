package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;

/**
 * The decisions of the Submission ports step, without the view: what the two services' boxes and port fields
 * write into the profile, which keystrokes a port field takes, and when a port can be edited.
 */
final class SubmissionChoices {

    private SubmissionChoices() {
    }

    /**
     * A port field takes digits only, at most five, so every text parses; whether the number is a usable port
     * (1-65535, not 25, not the other service's) is the profile's check, which names the field.
     */
    static boolean acceptsPortText(String text) {
        return text.matches("[0-9]{0,5}");
    }

    /** An empty field is port 0, which the profile's check names as "allowed: 1-65535". */
    static int parsePort(String text) {
        return text == null || text.isBlank() ? 0 : Integer.parseInt(text);
    }

    /** Both services as the boxes and fields show them, written as a whole. */
    static Profile edit(Profile profile, boolean starttls, String starttlsPort, boolean implicitTls,
            String implicitTlsPort) {
        Profile.Submission wanted = new Profile.Submission(
                new Profile.Listener(starttls, parsePort(starttlsPort)),
                new Profile.Listener(implicitTls, parsePort(implicitTlsPort)));
        return wanted.equals(profile.submission()) ? profile : ProfileEdits.withSubmission(profile, wanted);
    }

    /** A disabled service keeps its port in the profile, but the field is not editable until it is enabled again. */
    static boolean portEditable(Profile.Listener service) {
        return service.enabled();
    }
}
