package org.postfixtls.wizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileError;
import org.postfixtls.wizard.domain.profile.ProfileValidator;

class ScreenFieldNamesTest {

    @Test
    void policyRowsAreNamedByRowAndColumn() {
        assertEquals("Domain policies, row 1, Destination: 'partner example' is not a domain name",
                ScreenFieldNames.describe(new ProfileError("policies[0].destination",
                        "'partner example' is not a domain name")));
        assertEquals("Domain policies, row 3, Match", ScreenFieldNames.label("policies[2].match[1]"));
    }

    @Test
    void pathsInsideTheMessageAreTranslatedToo() {
        String text = ScreenFieldNames.describe(new ProfileError("submission.implicitTls.port",
                "is the same port as submission.starttls.port; use two ports"));

        assertEquals("Submission ports, port of submissions with implicit TLS: is the same port as \u201cSubmission"
                + " ports, port of submission with STARTTLS\u201d; use two ports", text);
    }

    @Test
    void dnsFieldsUseTheirOnScreenLabels() {
        assertEquals("DNS records, TLS-RPT reports to", ScreenFieldNames.label("mtaSts.reportAddress"));
        assertEquals("DNS records, MX host names, entry 2", ScreenFieldNames.label("mtaSts.mx[1]"));
    }

    @Test
    void noProblemTheValidatorCanReportShowsAJsonPathOnScreen() {
        Profile broken = org.postfixtls.wizard.domain.profile.ProfileEdits.withPolicies(Preset.RECOMMENDED.baseline(),
                List.of(new Profile.Policy("bad destination!", org.postfixtls.wizard.domain.profile.TlsLevel.VERIFY,
                        List.of("nexthop"), "TLSv9", "ultra", "???")));
        List<ProfileError> errors = ProfileValidator.validate(broken);
        assertFalse(errors.isEmpty());
        for (ProfileError error : errors) {
            String shown = ScreenFieldNames.describe(error);
            assertFalse(shown.matches("(?s).*\\b[a-z]+[A-Z]?[a-zA-Z]*(\\[\\d+])?\\.[a-z][a-zA-Z]+\\b.*")
                    && shown.contains("policies["), shown);
            assertTrue(shown.startsWith("Domain policies, row 1"), shown);
        }
    }

    @Test
    void aVetoedPathLeadsToTheControlThatEditsIt() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("submission-starttls-port"),
                ScreenFieldNames.controlId("submission.starttls.port"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("dns-mx"), ScreenFieldNames.controlId("mtaSts.mx[1]"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of("policies-table"),
                ScreenFieldNames.controlId("policies[0].destination"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(), ScreenFieldNames.controlId("$"));
    }
}
