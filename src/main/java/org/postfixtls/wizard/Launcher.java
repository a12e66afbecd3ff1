package org.postfixtls.wizard;

import org.postfixtls.wizard.cli.StartupTraining;
import org.postfixtls.wizard.cli.WizardCli;
import org.postfixtls.wizard.ui.DesktopLauncher;

/**
 * Entry point of the distribution and the installers. Deliberately not a JavaFX {@code Application}:
 * on the class path JavaFX refuses to start a main class that extends {@code Application}, and the CLI
 * must not load the toolkit at all.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        String training = System.getProperty("pftw.startupTraining");
        if (training != null) {
            // a startup cache's training run (decision 0068): that command's paths first, then what the arguments ask
            StartupTraining.run(training);
        }
        if (args.length == 0) {
            System.exit(DesktopLauncher.launch());
        }
        System.exit(WizardCli.run(args));
    }
}
