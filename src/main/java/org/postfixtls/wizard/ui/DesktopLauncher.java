package org.postfixtls.wizard.ui;

import java.util.logging.Logger;
import javafx.application.Application;
import org.postfixtls.wizard.cli.ExitCodes;

/** Opens the wizard window; reports a missing display as a sentence instead of a toolkit stack trace. */
public final class DesktopLauncher {

    /*
     * JavaFX warns on every start that it runs from the class path, which this project does on purpose
     * (docs/decisions/0002). Users launching from a terminal should not read that as a fault; every other
     * JavaFX message still gets through. Held in a field because java.util.logging keeps loggers weakly.
     */
    private static final Logger JAVAFX_LOGGER = Logger.getLogger("javafx");

    private DesktopLauncher() {
    }

    public static int launch() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean needsX11OrWayland = !os.contains("win") && !os.contains("mac");
        if (needsX11OrWayland && isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"))
                && !"Monocle".equals(System.getProperty("glass.platform"))) {
            System.err.println("postfix-tls-wizard: no graphical display (DISPLAY is not set). "
                    + "Run it on a desktop, or use a subcommand, e.g. postfix-tls-wizard --help.");
            return ExitCodes.BAD_INPUT;
        }
        JAVAFX_LOGGER.setFilter(record -> record.getMessage() == null
                || !record.getMessage().startsWith("Unsupported JavaFX configuration"));
        SoftwareRendering.chooseBeforeToolkitStarts();
        try {
            Application.launch(WizardApp.class);
            return ExitCodes.OK;
        } catch (RuntimeException | LinkageError e) {
            System.err.println("postfix-tls-wizard: the window could not be opened: " + LaunchFailure.describe(e));
            return ExitCodes.PROBLEMS;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
