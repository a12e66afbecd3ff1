package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.ui.pages.WizardSteps;
import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.RemoteConnector;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.ui.pages.VerifyPage;
import org.postfixtls.wizard.ui.wizard.SshForm;
import org.postfixtls.wizard.ui.wizard.SshJobs;
import org.postfixtls.wizard.ui.wizard.VerificationSetup;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Network work never blocks the FX thread: while a deliberately stuck SSH server or a silent SMTP server holds a
 * job, the window still answers and Cancel brings the user back at once. The doubles block until the test lets
 * them go, so the proof does not depend on timing.
 */
@ExtendWith(ApplicationExtension.class)
class SlowNetworkFxTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Socket> held = new CopyOnWriteArrayList<>();
    private Stage stage;
    private ServerSocket silentSmtp;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void letGo() throws IOException {
        release.countDown();
        for (Socket socket : held) {
            socket.close();
        }
        if (silentSmtp != null) {
            silentSmtp.close();
        }
    }

    @Test
    void aStuckSshServerLeavesTheWizardResponsiveAndCancelStaysOnConnect(FxRobot robot) throws Exception {
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch gaveUp = new CountDownLatch(1);
        RemoteConnector stuck = settings -> {
            connecting.countDown();
            try {
                release.await();
                throw new RemoteException("Connection to " + settings.host() + " refused (test double)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RemoteException("interrupted");
            } finally {
                gaveUp.countDown();
            }
        };
        WizardModel model = new WizardModel();
        WizardServices services = TestServices.application().withSshJobs(new SshJobs(stuck,
                key -> HostKeyDecider.Decision.REJECT, Files.createTempFile("pftw-known-hosts", "")));
        WizardNavigator navigator = new WizardNavigator(WizardSteps.standard(services), model, Platform::runLater);
        Platform.runLater(() -> {
            stage.setScene(new Scene(new MainWindow(navigator, model, services, Themes.applied()), 1100, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#mode-ssh-server");
        Platform.runLater(() -> {
            SshForm form = model.sshForm();
            form.host.set("mail.example.test");
            form.port.set("22");
            form.user.set("deploy");
            form.keyFile.set("/nonexistent/id_ed25519");
        });
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#next");
        assertTrue(connecting.await(10, TimeUnit.SECONDS), "the connection test started");
        assertTrue(onFx(() -> navigator.busyProperty().get()), "the FX thread answers while SSH hangs, showing busy");
        assertTrue(onFx(() -> robot.lookup("#busy-indicator").query().isVisible()), "with the busy indicator");

        robot.clickOn("#cancel-check");
        assertEquals(1, gaveUp.getCount(), "the double is still stuck when Cancel is honoured");
        assertFalse(onFx(() -> navigator.busyProperty().get()), "Cancel ends the wait at once");
        assertEquals("connect", onFx(() -> navigator.getCurrent().id()));
        assertTrue(onFx(() -> navigator.vetoMessageProperty().get()).contains("cancelled"),
                onFx(() -> navigator.vetoMessageProperty().get()));

        release.countDown();
        assertTrue(gaveUp.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertNull(onFx(model::getServer), "a late answer after Cancel loads nothing");
        assertEquals("connect", onFx(() -> navigator.getCurrent().id()));
    }

    @Test
    void aSilentSmtpServerCanBeCancelledWhileTheProbeWaits(FxRobot robot) throws Exception {
        CountDownLatch accepted = startSilentSmtp();
        showVerifyPage(new WizardModel(), VerificationSetup.NONE);
        fillVerifyForm(robot);

        robot.clickOn("#verify-run");
        assertTrue(accepted.await(10, TimeUnit.SECONDS), "the prober connected to the silent server");
        assertTrue(onFx(() -> robot.lookup("#verify-progress").query().isVisible()), "progress is shown while it waits");

        robot.clickOn("#verify-cancel");
        FxWait.until("the cancelled run", () -> robot.lookup("#verify-run").queryButton().getText().equals("Run again"));
        assertEquals("Cancelled; nothing was changed.", onFx(() -> robot.lookup("#verify-summary").queryAs(Label.class).getText()));
        assertTrue(onFx(() -> robot.lookup("#verify-tiles").queryAs(javafx.scene.layout.FlowPane.class).getChildren().isEmpty()),
                "a cancelled run shows no half result as if it were a verdict");
    }

    @Test
    void cancelWorksWhileTheServerSideSessionIsStillOpening(FxRobot robot) throws Exception {
        startSilentSmtp();
        CountDownLatch opening = new CountDownLatch(1);
        CountDownLatch returned = new CountDownLatch(1);
        VerificationSetup stuckSsh = model -> {
            opening.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                returned.countDown();
            }
            return Optional.empty();
        };
        showVerifyPage(new WizardModel(), stuckSsh);
        fillVerifyForm(robot);

        robot.clickOn("#verify-run");
        assertTrue(opening.await(10, TimeUnit.SECONDS), "the SSH session for the server-side checks is opening");
        assertTrue(onFx(() -> !robot.lookup("#verify-cancel").query().isDisabled()), "Cancel is offered");

        robot.clickOn("#verify-cancel");
        assertEquals(1, returned.getCount(), "the session is still opening");
        assertEquals("Cancelled; nothing was changed.", onFx(() -> robot.lookup("#verify-summary").queryAs(Label.class).getText()));
        assertFalse(onFx(() -> robot.lookup("#verify-run").queryButton().isDisabled()), "the user can start again");

        release.countDown();
        assertTrue(returned.await(10, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Cancelled; nothing was changed.", onFx(() -> robot.lookup("#verify-summary").queryAs(Label.class).getText()),
                "the abandoned run does not come back to life when the session finally opens");
    }

    private CountDownLatch startSilentSmtp() throws IOException {
        silentSmtp = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        CountDownLatch accepted = new CountDownLatch(1);
        Thread acceptor = new Thread(() -> {
            while (!silentSmtp.isClosed()) {
                try {
                    held.add(silentSmtp.accept()); // never sends a banner
                    accepted.countDown();
                } catch (IOException closed) {
                    return;
                }
            }
        }, "silent-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
        return accepted;
    }

    private void showVerifyPage(WizardModel model, VerificationSetup setup) {
        Platform.runLater(() -> {
            VBox page = VerifyPage.create(model, TestServices.application().withServerAccess(setup));
            ScrollPane scroll = new ScrollPane(page);
            scroll.setFitToWidth(true);
            stage.setScene(new Scene(scroll, 1100, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void fillVerifyForm(FxRobot robot) {
        Platform.runLater(() -> {
            robot.lookup("#verify-host").queryTextInputControl().setText("127.0.0.1");
            robot.lookup("#verify-smtp-port").queryTextInputControl().setText(Integer.toString(silentSmtp.getLocalPort()));
            robot.lookup("#verify-submission-port").queryTextInputControl().setText("0");
            robot.lookup("#verify-submissions-port").queryTextInputControl().setText("0");
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Asks the FX thread; a blocked FX thread fails the test after a bound instead of hanging it. */
    private static <T> T onFx(Callable<T> question) throws Exception {
        return WaitForAsyncUtils.asyncFx(question).get(5, TimeUnit.SECONDS);
    }
}
