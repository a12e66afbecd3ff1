package org.postfixtls.wizard.ui.pages;

import javafx.animation.PauseTransition;
import javafx.scene.Node;
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * A short confirmation after an action that leaves nothing else to see (a file saved, text copied): the admin must
 * know it worked and where the file went. Shown in the window's ControlsFX {@link NotificationPane} and hidden after a
 * few seconds; no dialog to click away.
 */
public final class Confirmations {

    public static final String PANE_ID = "confirmations";
    private static final Duration VISIBLE_FOR = Duration.seconds(6);

    private Confirmations() {
    }

    /** The pane the main window puts around the current page. */
    public static NotificationPane pane(Node content) {
        NotificationPane pane = new NotificationPane(content);
        pane.setId(PANE_ID);
        pane.setShowFromTop(false);
        pane.getStyleClass().add(NotificationPane.STYLE_CLASS_DARK);
        return pane;
    }

    /** Shows the text in the window that holds {@code owner}; a page shown outside the main window has no pane. */
    public static void show(Node owner, String text) {
        if (owner.getScene() == null || !(owner.getScene().getRoot().lookup("#" + PANE_ID) instanceof NotificationPane pane)) {
            return;
        }
        pane.show(text, new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
        PauseTransition hide = new PauseTransition(VISIBLE_FOR);
        hide.setOnFinished(event -> {
            if (text.equals(pane.getText())) {
                pane.hide();
            }
        });
        hide.play();
    }
}
