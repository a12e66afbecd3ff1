package org.postfixtls.wizard.ui;

import javafx.application.Application;
import org.postfixtls.wizard.cli.ExitCodes;

/** Opens the wizard window; reports a missing display as a sentence instead of a toolkit stack trace. */
public final class DesktopLauncher {

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
        try {
            Application.launch(WizardApp.class);
            return ExitCodes.OK;
        } catch (RuntimeException e) {
            System.err.println("postfix-tls-wizard: the window could not be opened: " + e.getMessage());
            return ExitCodes.PROBLEMS;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
