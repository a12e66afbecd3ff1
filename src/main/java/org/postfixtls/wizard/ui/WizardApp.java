package org.postfixtls.wizard.ui;

import javafx.application.Application;
import javafx.application.Platform;
import java.io.InputStream;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.Image;
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

    /** The rendered sizes of icons/postfix-tls-wizard.svg in the jar; the window manager picks the best fit. */
    static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    /** Diagnostic for the packaging startup measurement: prints the epoch millisecond the window was shown. */
    private static final String SHOWN_PROPERTY = "pftw.diag.windowShown";

    private Theme initialTheme = Theme.LIGHT;

    @Override
    public void init() {
        // init() runs off the FX thread, so asking the desktop for its colour scheme costs no frame.
        initialTheme = ThemeManager.detectSystemTheme();
    }

    @Override
    public void start(Stage stage) {
        ThemeManager themes = new ThemeManager(initialTheme);
        org.postfixtls.wizard.ui.pages.DocLink.useOpener(getHostServices()::showDocument);
        WizardModel model = new WizardModel();
        WizardNavigator navigator = new WizardNavigator(WizardSteps.standard(), model, Platform::runLater);
        MainWindow window = new MainWindow(navigator, model, themes);

        Scene scene = new Scene(window, 1100, 720);
        stage.setTitle(WINDOW_TITLE);
        stage.setMinWidth(820);
        stage.setMinHeight(560);
        stage.getIcons().setAll(icons());
        stage.setScene(scene);
        themes.apply();
        stage.show();
        if (Boolean.getBoolean(SHOWN_PROPERTY)) {
            System.out.println("pftw.windowShown=" + System.currentTimeMillis());
        }
    }

    static List<Image> icons() {
        return ICON_SIZES.stream().map(WizardApp::icon).toList();
    }

    private static Image icon(int size) {
        String name = "icons/icon-" + size + ".png";
        try (InputStream in = WizardApp.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The application icon " + name + " is missing from the build");
            }
            return new Image(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("The application icon " + name + " is unreadable", e);
        }
    }
}
