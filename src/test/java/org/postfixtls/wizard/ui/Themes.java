package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;

/** The light theme, applied as the application does, so the pages' stylesheet finds the theme's colours. */
final class Themes {

    private Themes() {
    }

    static ThemeManager applied() {
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        themes.apply();
        return themes;
    }
}
