package org.postfixtls.wizard.ui.wizard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Decides whether the wizard may leave a step. Asynchronous, so a step can test an SSH connection
 * or inspect a certificate before Next takes effect; it is called on the FX thread and must hand
 * slow work to a background executor.
 */
@FunctionalInterface
public interface StepValidator {

    CompletionStage<Validation> validate(WizardModel model);

    static StepValidator alwaysPasses() {
        return model -> CompletableFuture.completedFuture(Validation.ok());
    }

    /** A check that only reads the model and answers at once. */
    static StepValidator immediate(Function<WizardModel, Validation> check) {
        return model -> CompletableFuture.completedFuture(check.apply(model));
    }
}
