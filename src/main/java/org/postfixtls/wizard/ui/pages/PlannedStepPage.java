package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.postfixtls.wizard.ui.wizard.StepDescriptions.StepDescription;

/**
 * The page of a step whose controls are not built yet. It says plainly what the step will configure
 * and offers no control that would pretend to do it.
 */
public final class PlannedStepPage extends VBox {

    public PlannedStepPage(StepDescription description) {
        setSpacing(14);
        setPadding(new Insets(24, 32, 24, 32));
        setId("page-" + description.id());

        Label heading = new Label(description.title());
        heading.getStyleClass().add(Styles.TITLE_2);

        Label purpose = new Label(description.purpose());
        purpose.setWrapText(true);

        Label settingsHeading = new Label("What this step will configure");
        settingsHeading.getStyleClass().add(Styles.TITLE_4);

        VBox settings = new VBox(6);
        for (String setting : description.settings()) {
            Label line = new Label(setting, new FontIcon(Material2OutlinedAL.ARROW_FORWARD));
            line.setWrapText(true);
            line.getStyleClass().add("setting-line");
            settings.getChildren().add(line);
        }

        Label notYet = new Label("The controls for this step are not in this build yet. Next moves on without changing anything.",
                new FontIcon(Material2OutlinedAL.INFO));
        notYet.setWrapText(true);
        notYet.getStyleClass().addAll(Styles.TEXT_MUTED, "not-yet-note");

        getChildren().addAll(heading, purpose, settingsHeading, settings, notYet);
    }
}
