package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The small ⓘ beside an option: opens its section of Postfix's own documentation (postconf(5), TLS_README,
 * master(5)) in the browser, so a trainer or an admin reads the source, not the wizard's summary of it.
 */
public final class DocLink {

    private static volatile Consumer<String> opener = url -> { };

    private DocLink() {
    }

    /** How links are opened: the application's HostServices; tests record the URL instead. */
    public static void useOpener(Consumer<String> browser) {
        opener = browser;
    }

    /** The ⓘ button for {@code key} (a parameter name or a topic of {@link PostfixDocs}). */
    static Button to(String key) {
        PostfixDocs.Section section = PostfixDocs.of(key);
        Button link = new Button("", new FontIcon(Material2OutlinedAL.INFO));
        link.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, "doc-link");
        link.setId("doc-" + key.replace(':', '-').replace('.', '-'));
        link.setUserData(section.url());
        link.setAccessibleText("Open " + section.label() + " on postfix.org");
        link.setTooltip(new Tooltip(section.label() + " — opens postfix.org"));
        link.setFocusTraversable(true);
        link.setOnAction(e -> opener.accept(section.url()));
        return link;
    }

    /** {@code control} with its ⓘ right after it, on one line. */
    static HBox beside(Node control, String key) {
        HBox row = new HBox(4, control, to(key));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** A form label with its ⓘ (the label never shrinks to "…"). */
    static HBox label(String text, String key) {
        Label label = new Label(text);
        label.setMinWidth(Label.USE_PREF_SIZE);
        return beside(label, key);
    }
}
