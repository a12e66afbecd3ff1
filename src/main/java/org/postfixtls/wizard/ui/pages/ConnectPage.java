package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** First step: how the wizard reaches the configuration. The choice decides which later steps exist. */
public final class ConnectPage extends VBox {

    public ConnectPage(WizardModel model) {
        setSpacing(14);
        setPadding(new Insets(24, 32, 24, 32));
        setId("page-connect");

        Label heading = new Label("Connect");
        heading.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("Where is the Postfix configuration you want to secure? The answer decides how the "
                + "wizard ends: a transactional deploy and a live verification for a server, an export bundle for files.");
        intro.setWrapText(true);

        ToggleGroup modes = new ToggleGroup();
        VBox choices = new VBox(12);
        for (ConnectionMode mode : ConnectionMode.values()) {
            RadioButton button = new RadioButton(mode.label());
            button.setId("mode-" + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setUserData(mode);
            button.setToggleGroup(modes);
            button.setSelected(mode == model.getConnectionMode());
            button.setAccessibleHelp(mode.explanation());
            Label explanation = new Label(mode.explanation());
            explanation.setWrapText(true);
            explanation.getStyleClass().add(Styles.TEXT_MUTED);
            explanation.setPadding(new Insets(0, 0, 0, 26));
            choices.getChildren().add(new VBox(2, button, explanation));
        }
        modes.selectedToggleProperty().addListener((observable, old, selected) -> model.setConnectionMode(modeOf(selected)));
        model.connectionModeProperty().addListener((observable, old, mode) -> selectMode(modes, mode));

        getChildren().addAll(heading, intro, choices);
    }

    private static ConnectionMode modeOf(Toggle toggle) {
        return toggle == null ? null : (ConnectionMode) toggle.getUserData();
    }

    private static void selectMode(ToggleGroup modes, ConnectionMode mode) {
        for (Toggle toggle : modes.getToggles()) {
            if (toggle.getUserData() == mode && !toggle.isSelected()) {
                toggle.setSelected(true);
            }
        }
    }
}
