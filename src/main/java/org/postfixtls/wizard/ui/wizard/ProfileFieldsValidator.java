package org.postfixtls.wizard.ui.wizard;

import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.domain.profile.ProfileError;
import org.postfixtls.wizard.domain.profile.ProfileValidator;

/**
 * Vetoes Next while the profile has a problem in the fields this step edits, with the profile's own message
 * (the field's name and what is allowed), so the GUI says exactly what the CLI would.
 */
public final class ProfileFieldsValidator {

    private ProfileFieldsValidator() {
    }

    public static StepValidator forFields(String... prefixes) {
        return StepValidator.immediate(model -> check(model, prefixes));
    }

    public static Validation check(WizardModel model, String... prefixes) {
        return firstProblem(model, List.of(prefixes))
                .map(error -> Validation.veto(ScreenFieldNames.describe(error),
                        ScreenFieldNames.controlId(error.path()).orElse(null)))
                .orElse(Validation.ok());
    }

    static Optional<ProfileError> firstProblem(WizardModel model, List<String> prefixes) {
        return ProfileValidator.validate(model.getProfile()).stream()
                .filter(error -> prefixes.stream().anyMatch(error.path()::startsWith))
                .findFirst();
    }
}
