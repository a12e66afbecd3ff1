package org.postfixtls.wizard.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.postfixtls.wizard.app.AppInfo;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;
import org.postfixtls.wizard.ui.wizard.WizardSteps;

/** The desktop application: one window, one wizard. */
public final class WizardApp extends Application {

    public static final String WINDOW_TITLE = AppInfo.NAME;

    private Theme initialTheme = Theme.LIGHT;

    @Override
    public void init() {
        // init() runs off the FX thread, so asking the desktop for its colour scheme costs no frame.
        initialTheme = ThemeManager.detectSystemTheme();
    }

    @Override
    public void start(Stage stage) {
        ThemeManager themes = new ThemeManager(initialTheme);
        WizardModel model = new WizardModel();
        WizardNavigator navigator = new WizardNavigator(WizardSteps.standard(), model, Platform::runLater);
        MainWindow window = new MainWindow(navigator, model, themes);

        Scene scene = new Scene(window, 1100, 720);
        stage.setTitle(WINDOW_TITLE);
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        stage.setScene(scene);
        themes.apply();
        stage.show();
    }
}
