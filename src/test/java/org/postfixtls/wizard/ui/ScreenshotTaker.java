package org.postfixtls.wizard.ui;

import static org.postfixtls.wizard.ui.Screenshots.onFx;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.ui.pages.WizardSteps;
import org.postfixtls.wizard.testsupport.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;

/**
 * Walks the real window through every step and writes one PNG per step (README images).
 * Run by {@code .ci/screenshots} under Xvfb with the real glass toolkit, not Monocle.
 */
public final class ScreenshotTaker {

    /** The window size; {@code -Dpftw.shots.size=1024x700} checks a small laptop screen for clipped text. */
    private static final String SIZE = System.getProperty("pftw.shots.size", "1100x720");
    private static final int WIDTH = Integer.parseInt(SIZE.split("x")[0]);
    private static final int HEIGHT = Integer.parseInt(SIZE.split("x")[1]);


    private static final long SETTLE_MILLIS = 400;

    private final Path outputDir;
    private Stage stage;
    private WizardNavigator navigator;
    private WizardModel model;
    private ThemeManager themes;

    private ScreenshotTaker(Path outputDir) {
        this.outputDir = outputDir;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/images");
        Files.createDirectories(out);
        Screenshots.withToolkit(() -> new ScreenshotTaker(out).takeAll());
    }

    private void takeAll() throws Exception {
        onFx(() -> {
            themes = new ThemeManager(Theme.LIGHT);
            model = new WizardModel();
            WizardServices services = TestServices.application();
            navigator = new WizardNavigator(WizardSteps.standard(services), model, Platform::runLater);
            stage = new Stage();
            stage.setTitle(WizardApp.WINDOW_TITLE);
            stage.setScene(new Scene(new MainWindow(navigator, model, services, themes), WIDTH, HEIGHT));
            themes.apply();
            stage.show();
            return null;
        });
        settle();
        onFx(() -> {
            navigator.next(); // no mode chosen yet: shows the veto
            return null;
        });
        settle();
        snapshot("00-connect-veto");
        onFx(() -> {
            model.setConnectionMode(ConnectionMode.SSH_SERVER);
            model.sshForm().host.set("mail.example.com");
            model.sshForm().user.set("deploy");
            model.sshForm().sudo.set(true);
            return null;
        });
        settle();
        snapshot("00-connect-ssh");
        onFx(() -> {
            model.setConnectionMode(ConnectionMode.DEMO);
            return null;
        });
        int index = 1;
        while (true) {
            settle();
            String id = onFx(() -> navigator.getCurrent().id());
            if (id.equals("deploy")) {
                simulateTheDeploy();
            }
            snapshot(String.format("%02d-%s", index++, id));
            if (id.equals("verify")) {
                showTheRecordingAfterTheDeploy();
            }
            boolean last = onFx(() -> navigator.isLastStep());
            if (last || id.equals("verify")) {
                break;
            }
            advance(id);
        }
        boolean bedUp = verifyTestbedIfRunning();
        if (bedUp) {
            deployToTheTestbedAndVerify();
        }
        onFx(() -> {
            navigator.next(); // Verify has no check: on to the Summary
            return null;
        });
        settle();
        snapshot("14-summary");
        onFx(() -> {
            themes.themeProperty().set(Theme.DARK);
            navigator.jumpBackTo(navigator.activeSteps().get(0));
            return null;
        });
        settle();
        snapshot("dark-connect");
        if (Boolean.getBoolean("pftw.walk.memoryOnly")) {
            Thread.sleep(10_000); // the user reads the result: give a collector that returns memory the time to do so
        }
        System.out.println("resident memory after the full walk-through: " + residentMemory());
        printJvmAccounts();
    }

    /**
     * The JVM's own account for the bench script: {@code -Dpftw.walk.jcmd=VM.native_memory,summary;GC.heap_info}
     * runs each jcmd command against this process at the end of the walk (NMT needs
     * {@code -XX:NativeMemoryTracking=summary}).
     */
    private static void printJvmAccounts() throws IOException, InterruptedException {
        String commands = System.getProperty("pftw.walk.jcmd", "");
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        for (String command : commands.split(";")) {
            if (command.isBlank()) {
                continue;
            }
            java.util.List<String> line = new java.util.ArrayList<>(java.util.List.of(jcmd.toString(),
                    Long.toString(ProcessHandle.current().pid())));
            line.addAll(java.util.List.of(command.trim().split("[\\s,]+")));
            new ProcessBuilder(line).inheritIO().start().waitFor();
        }
    }

    /** The demo's Deploy: the transaction played as a labelled simulation. */
    private void simulateTheDeploy() throws Exception {
        onFx(() -> {
            ((javafx.scene.control.Button) stage.getScene().lookup("#deploy-run")).fire();
            return null;
        });
        waitFor(() -> ((javafx.scene.control.Label) stage.getScene().lookup("#deploy-result")).getText()
                .startsWith("SIMULATION finished"), 30);
    }

    /** The demo's Verify shows the recording before the deploy first; this is the one after. */
    private void showTheRecordingAfterTheDeploy() throws Exception {
        onFx(() -> {
            ((javafx.scene.control.ToggleButton) stage.getScene().lookup("#verify-recorded-after")).fire();
            return null;
        });
        settle();
        snapshot("11-verify-recorded-after");
    }

    /**
     * The benchmark figure for the issue notes: what the operating system charges this process for, not heap
     * ({@code -Dpftw.walk.smaps=FILE} also keeps a copy of the mappings, for a breakdown by library).
     */
    private static String residentMemory() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return "unknown (no /proc on this system)";
        }
        String smaps = System.getProperty("pftw.walk.smaps", "");
        if (!smaps.isEmpty()) {
            Files.copy(Path.of("/proc/self/smaps"), Path.of(smaps), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return Files.readAllLines(status).stream().filter(line -> line.startsWith("VmRSS:") || line.startsWith("VmHWM:")
                        || line.startsWith("RssAnon:") || line.startsWith("RssFile:"))
                .map(line -> line.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("unknown");
    }

    /** With the test bed up, the verification panel shows a real result (the bed's "before" state). */
    private boolean verifyTestbedIfRunning() throws Exception {
        java.nio.file.Path properties = java.nio.file.Path.of(System.getenv().getOrDefault("PFTW_TESTBED",
                "/var/lib/pftw-testbed/testbed.properties"));
        if (!Files.isReadable(properties)) {
            return false;
        }
        java.util.Properties bed = new java.util.Properties();
        try (var in = Files.newBufferedReader(properties)) {
            bed.load(in);
        }
        onFx(() -> {
            var scene = stage.getScene();
            ((javafx.scene.control.TextField) scene.lookup("#verify-host")).setText(bed.getProperty("host"));
            ((javafx.scene.control.TextField) scene.lookup("#verify-smtp-port")).setText(bed.getProperty("smtp.port"));
            ((javafx.scene.control.TextField) scene.lookup("#verify-submission-port")).setText(bed.getProperty("submission.port"));
            ((javafx.scene.control.TextField) scene.lookup("#verify-submissions-port")).setText(bed.getProperty("submissions.port"));
            ((javafx.scene.control.Button) scene.lookup("#verify-run")).fire();
            return null;
        });
        for (int i = 0; i < 300; i++) {
            Thread.sleep(100);
            if (onFx(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#verify-run")).getText()).equals("Run again")) {
                break;
            }
        }
        settle();
        // On the demo server the recorded verification fills the top of the page; the live one is below it.
        onFx(() -> {
            scrollToTop(stage.getScene().lookup("#verify-host"));
            return null;
        });
        settle();
        snapshot("12-verify-testbed");
        return true;
    }

    /** Scrolls the page that holds {@code node} so that the form row holding it is near the top of the view. */
    private static void scrollToTop(javafx.scene.Node node) {
        javafx.scene.Node ancestor = node.getParent();
        while (ancestor != null && !(ancestor instanceof javafx.scene.control.ScrollPane)) {
            ancestor = ancestor.getParent();
        }
        if (!(ancestor instanceof javafx.scene.control.ScrollPane pane)) {
            return;
        }
        javafx.scene.Node content = pane.getContent();
        double top = content.sceneToLocal(node.localToScene(node.getBoundsInLocal())).getMinY() - 90;
        double scrollable = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
        if (scrollable > 0) {
            pane.setVvalue(pane.getVmin() + (pane.getVmax() - pane.getVmin()) * Math.max(0, Math.min(1, top / scrollable)));
        }
    }

    /**
     * The promise in one picture: the same test bed after the wizard deployed the runbook preset over SSH, verified
     * with the bed's own CA named as trust. The deploy is rolled back and the bed reset afterwards.
     */
    private void deployToTheTestbedAndVerify() throws Exception {
        org.postfixtls.wizard.testsupport.Testbed bed = org.postfixtls.wizard.testsupport.Testbed.require();
        Path knownHosts = Files.createTempFile("pftw-screenshots-known-hosts", "");
        String pinned = bed.get("ssh.hostKeySha256");
        String pinnedRsa = bed.get("ssh.hostKeySha256Rsa");
        org.postfixtls.wizard.app.remote.HostKeyDecider decider = key -> key.fingerprint().equals(pinned)
                || key.fingerprint().equals(pinnedRsa)
                ? org.postfixtls.wizard.app.remote.HostKeyDecider.Decision.ACCEPT_ONCE
                : org.postfixtls.wizard.app.remote.HostKeyDecider.Decision.REJECT;
        onFx(() -> {
            model = new WizardModel();
            WizardServices services = TestServices.application().withSshJobs(new org.postfixtls.wizard.ui.wizard.SshJobs(
                    new org.postfixtls.wizard.adapter.ssh.SshConnector(), decider, knownHosts));
            navigator = new WizardNavigator(WizardSteps.standard(services), model, Platform::runLater);
            stage.setScene(new Scene(new MainWindow(navigator, model, services, themes), WIDTH, HEIGHT));
            model.setConnectionMode(ConnectionMode.SSH_SERVER);
            var form = model.sshForm();
            form.host.set(bed.host());
            form.port.set(bed.get("ssh.port"));
            form.user.set(bed.get("ssh.user"));
            form.auth.set(org.postfixtls.wizard.ui.wizard.SshForm.Auth.KEY);
            form.keyFile.set(bed.get("ssh.key"));
            form.sudo.set(true);
            form.configDir.set(bed.get("postfix.configDir"));
            return null;
        });
        try {
            advance("connect");
            onFx(() -> {
                var p = org.postfixtls.wizard.domain.profile.ProfileEdits.withPreset(model.getProfile(),
                        org.postfixtls.wizard.domain.profile.Preset.RUNBOOK);
                p = org.postfixtls.wizard.domain.profile.ProfileEdits.withCertificate(p,
                        new org.postfixtls.wizard.domain.profile.Profile.Certificate(bed.get("tls.fullchain"),
                                bed.get("tls.key"), bed.get("tls.ca")));
                p = org.postfixtls.wizard.domain.profile.ProfileEdits.withSubmission(p,
                        new org.postfixtls.wizard.domain.profile.Profile.Submission(
                                new org.postfixtls.wizard.domain.profile.Profile.Listener(true, bed.port("submission.port")),
                                new org.postfixtls.wizard.domain.profile.Profile.Listener(true, bed.port("submissions.port"))));
                model.setProfile(p);
                return null;
            });
            while (!onFx(() -> navigator.getCurrent().id()).equals("deploy")) {
                advance(onFx(() -> navigator.getCurrent().id()));
            }
            // the button enables once the plan for this server is ready
            waitFor(() -> !stage.getScene().lookup("#deploy-run").isDisabled(), 30);
            Platform.runLater(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#deploy-run")).fire());
            confirmDialog();
            waitFor(() -> model.lastDeployProperty().get() != null, 120);
            if (!onFx(() -> model.lastDeployProperty().get().outcome().succeeded())) {
                throw new IllegalStateException("deploy to the test bed failed: " + onFx(() -> model.lastDeployProperty().get().message()));
            }
            settle();
            snapshot("10-deploy-testbed");
            advance("deploy"); // Verify starts by itself after a deploy
            waitFor(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#verify-run")).getText().equals("Run again"), 60);
            onFx(() -> {
                ((javafx.scene.control.TextField) stage.getScene().lookup("#verify-ca-file")).setText(bed.get("tls.ca"));
                model.lastVerificationProperty().set(null);
                ((javafx.scene.control.Button) stage.getScene().lookup("#verify-run")).fire();
                return null;
            });
            waitFor(() -> model.lastVerificationProperty().get() != null, 60);
            settle();
            snapshot("13-verify-after-deploy");
        } finally {
            Files.deleteIfExists(knownHosts);
            new ProcessBuilder("rm", "-rf", "/var/lib/postfix-tls-wizard/"
                    + bed.get("postfix.configDir").replaceAll("^/+", "").replace('/', '_')).inheritIO().start().waitFor();
            org.postfixtls.wizard.app.deploy.DeployFixture.clean(bed);
        }
    }

    /** Answers the deploy confirmation like a user: OK. */
    private void confirmDialog() throws Exception {
        waitFor(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().getRoot() instanceof javafx.scene.control.DialogPane), 20);
        onFx(() -> {
            for (javafx.stage.Window window : java.util.List.copyOf(javafx.stage.Window.getWindows())) {
                if (window.getScene() != null && window.getScene().getRoot() instanceof javafx.scene.control.DialogPane pane) {
                    ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire();
                }
            }
            return null;
        });
    }

    private static void waitFor(Supplier<Boolean> condition, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + seconds + " s");
            }
            Thread.sleep(100);
        }
    }

    /** Next, waiting for asynchronous checks; a certificate veto is answered like a user would ("use it anyway"). */
    private void advance(String from) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            onFx(() -> {
                navigator.next();
                return null;
            });
            for (int i = 0; i < 200 && onFx(() -> navigator.busyProperty().get()); i++) {
                Thread.sleep(50);
            }
            if (!onFx(() -> navigator.getCurrent().id()).equals(from)) {
                return;
            }
            onFx(() -> {
                if (stage.getScene().lookup("#certificate-acknowledge") instanceof javafx.scene.control.CheckBox box) {
                    box.setSelected(true);
                }
                return null;
            });
            Thread.sleep(250);
        }
        throw new IllegalStateException("Stuck on " + from + ": " + onFx(() -> navigator.vetoMessageProperty().get()));
    }

    private void snapshot(String name) throws Exception {
        if (Boolean.getBoolean("pftw.walk.memoryOnly")) {
            return; // the memory benchmark: the same walk without loading AWT/ImageIO, which the app never uses
        }
        Screenshots.write(stage, outputDir.resolve(name + ".png"));
    }

    private static void settle() throws InterruptedException {
        Thread.sleep(SETTLE_MILLIS);
    }
}
