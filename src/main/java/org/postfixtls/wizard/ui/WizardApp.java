package org.postfixtls.wizard.ui;

import javafx.application.Application;
import javafx.application.Platform;
import java.io.InputStream;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import java.time.Clock;
import java.time.Duration;
import javafx.stage.Window;
import org.postfixtls.wizard.adapter.dns.DnsjavaResolver;
import org.postfixtls.wizard.adapter.local.LocalWorkstation;
import org.postfixtls.wizard.adapter.local.RecentHostsFile;
import org.postfixtls.wizard.adapter.local.SystemTrust;
import org.postfixtls.wizard.adapter.net.HttpsPolicyFetcher;
import org.postfixtls.wizard.adapter.net.SmtpProber;
import org.postfixtls.wizard.adapter.ssh.SshConnector;
import org.postfixtls.wizard.app.AppInfo;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.RunPinnedHostKeys;
import org.postfixtls.wizard.app.verify.VerificationTools;
import org.postfixtls.wizard.ui.pages.HostKeyDialog;
import org.postfixtls.wizard.ui.pages.WizardSteps;
import org.postfixtls.wizard.ui.tasks.TaskExecutor;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;
import org.postfixtls.wizard.ui.wizard.SshJobs;
import org.postfixtls.wizard.ui.wizard.VerificationSetup;
import org.postfixtls.wizard.ui.wizard.WizardServices;

/** The desktop application: one window, one wizard. */
public final class WizardApp extends Application {

    public static final String WINDOW_TITLE = AppInfo.NAME;

    /** The rendered sizes of icons/postfix-tls-wizard.svg in the jar; the window manager picks the best fit. */
    static final List<Integer> ICON_SIZES = List.of(16, 24, 32, 48, 64, 128, 256);

    /** Diagnostic for the packaging startup measurement: prints the epoch millisecond the window was shown. */
    private static final String SHOWN_PROPERTY = "pftw.diag.windowShown";

    /** How long the wizard's verification waits for one DNS answer. */
    private static final Duration DNS_TIMEOUT = Duration.ofSeconds(5);

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
        WizardServices services = standardServices();
        WizardNavigator navigator = new WizardNavigator(WizardSteps.standard(services), model, Platform::runLater);
        MainWindow window = new MainWindow(navigator, model, services, themes);

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

    /**
     * The composition root: the one place that chooses the adapters (JSch, the SMTP prober, dnsjava, the local
     * files) and builds the engines the pages share. Host keys are confirmed in a dialog; a key accepted "this time"
     * holds for every later job of this run, and only that key does.
     */
    public static WizardServices standardServices() {
        SshJobs sshJobs = new SshJobs(new SshConnector(),
                new RunPinnedHostKeys(new HostKeyDialog(WizardApp::focusedWindow)), ConnectionSettings.defaultKnownHosts());
        VerificationTools verification = new VerificationTools(new SmtpProber(),
                () -> DnsjavaResolver.systemResolver().map(address -> new DnsjavaResolver(address, DNS_TIMEOUT)),
                HttpsPolicyFetcher::standard, Clock.systemUTC());
        return new WizardServices(sshJobs, new Discovery(), new DeployEngine(), verification,
                VerificationSetup.overSsh(sshJobs), SystemTrust.store(), RecentHostsFile.inUserConfig(),
                new LocalWorkstation(), TaskExecutor.background());
    }

    private static Window focusedWindow() {
        return Window.getWindows().stream().filter(Window::isFocused).findFirst()
                .orElse(Window.getWindows().isEmpty() ? null : Window.getWindows().get(0));
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
