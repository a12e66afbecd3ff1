package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** The common shape of a step page: heading, one paragraph of purpose, then the step's own controls. */
final class PageScaffold {

    private PageScaffold() {
    }

    static VBox page(String id, String title, String intro) {
        VBox page = new VBox(14);
        page.setPadding(new Insets(24, 32, 24, 32));
        page.setId("page-" + id);
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.TITLE_2);
        Label purpose = new Label(intro);
        purpose.setWrapText(true);
        page.getChildren().addAll(heading, purpose);
        return page;
    }

    static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    static Label muted(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    static Label note(String text, Ikon icon, String styleClass) {
        Label label = new Label(text, new FontIcon(icon));
        label.setWrapText(true);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    /** Indents the explanation under a radio button or check box so the pair reads as one option. */
    static VBox option(Node control, String explanation, String consequence) {
        VBox box = new VBox(2, control);
        Label what = muted(explanation);
        what.setPadding(new Insets(0, 0, 0, 26));
        box.getChildren().add(what);
        if (consequence != null) {
            Label then = new Label(consequence);
            then.setWrapText(true);
            then.getStyleClass().addAll(Styles.TEXT_SMALL, "consequence");
            then.setPadding(new Insets(0, 0, 0, 26));
            box.getChildren().add(then);
        }
        return box;
    }

    /** Stores what a choice made of the profile; an edit that changes nothing leaves the model alone. */
    static void store(WizardModel model, Profile edited) {
        if (!edited.equals(model.getProfile())) {
            model.setProfile(edited);
        }
    }
}
