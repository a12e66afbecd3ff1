package org.postfixtls.wizard.ui.wizard;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.Node;
import org.kordamp.ikonli.Ikon;

/**
 * One step of the wizard, declared as data: the navigator walks an ordered list of these.
 *
 * @param id          stable identifier (tests, screenshots, saved positions)
 * @param title       the name in the step list
 * @param icon        the icon in the step list
 * @param includedWhen whether the step is part of the walk for the current model
 * @param page        builds the step's page; called once, on the FX thread
 * @param validator   may veto leaving the step forward
 */
public record WizardStep(
        String id,
        String title,
        Ikon icon,
        Predicate<WizardModel> includedWhen,
        Function<WizardModel, Node> page,
        StepValidator validator) {

    public WizardStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(includedWhen, "includedWhen");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(validator, "validator");
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    @Override
    public String toString() {
        return title;
    }

    /** Keeps the step table in {@link WizardSteps} readable. */
    public static final class Builder {
        private final String id;
        private final String title;
        private Ikon icon;
        private Predicate<WizardModel> includedWhen = model -> true;
        private Function<WizardModel, Node> page;
        private StepValidator validator = StepValidator.alwaysPasses();

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder icon(Ikon value) {
            this.icon = value;
            return this;
        }

        public Builder includedWhen(Predicate<WizardModel> value) {
            this.includedWhen = value;
            return this;
        }

        public Builder page(Function<WizardModel, Node> value) {
            this.page = value;
            return this;
        }

        public Builder validator(StepValidator value) {
            this.validator = value;
            return this;
        }

        public WizardStep build() {
            return new WizardStep(id, title, icon, includedWhen, page, validator);
        }
    }
}
