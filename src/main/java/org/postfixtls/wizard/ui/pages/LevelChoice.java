package org.postfixtls.wizard.ui.pages;

import java.util.function.Function;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/** A column of TLS levels as radio buttons, each with what it does and what follows from it; MAY is recommended. */
final class LevelChoice {

    final ToggleGroup group = new ToggleGroup();
    final VBox options = new VBox(10);

    LevelChoice(String idPrefix, java.util.List<TlsLevel> levels, Function<TlsLevel, String> explanation,
            Function<TlsLevel, String> consequence) {
        this(idPrefix, levels, explanation, consequence, null);
    }

    /** {@code docKey}: each level's section in Postfix's documentation ({@link PostfixDocs}), or null for none. */
    LevelChoice(String idPrefix, java.util.List<TlsLevel> levels, Function<TlsLevel, String> explanation,
            Function<TlsLevel, String> consequence, Function<TlsLevel, String> docKey) {
        for (TlsLevel level : levels) {
            RadioButton button = new RadioButton(level.postfixName() + (level == TlsLevel.MAY ? "  (recommended)" : ""));
            button.setId(idPrefix + level.postfixName());
            button.setUserData(level);
            button.setToggleGroup(group);
            options.getChildren().add(PageScaffold.option(docKey == null ? button : DocLink.beside(button,
                    docKey.apply(level)), explanation.apply(level), consequence.apply(level)));
        }
    }

    void show(TlsLevel level) {
        group.getToggles().stream().filter(t -> t.getUserData() == level).findFirst().ifPresent(t -> t.setSelected(true));
    }

    /** Calls back with the level the user picked (not when {@link #show} selects the same one again). */
    void onPick(java.util.function.Consumer<TlsLevel> action) {
        group.selectedToggleProperty().addListener((o, old, toggle) -> {
            if (toggle != null) {
                action.accept((TlsLevel) toggle.getUserData());
            }
        });
    }
}
