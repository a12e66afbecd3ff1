package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.OpensslVersion;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.ui.pages.HardeningPage;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Hardening step's post-quantum box: usable on Postfix 3.10 with OpenSSL 3.5, greyed with what it needs elsewhere. */
@ExtendWith(ApplicationExtension.class)
class PostQuantumHardeningFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static ServerFiles server(String postfix, String openssl) {
        TlsRuntime runtime = openssl == null ? TlsRuntime.UNKNOWN : new TlsRuntime(
                OpensslVersion.parse(openssl).orElseThrow(), "openssl version", TlsRuntime.Support.UNKNOWN, null);
        return new ServerFiles("bed over SSH", "myhostname = mx.example.com\n", "", null,
                PostfixVersion.parse(postfix).orElseThrow(), "hash", "/etc/postfix", List.of(), List.of(), List.of(),
                runtime);
    }

    private void show(WizardModel model) {
        Platform.runLater(() -> {
            stage.setScene(new Scene(new ScrollPane(HardeningPage.create(model)), 1000, 700));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void onPostfix310WithOpenssl35TheBoxWritesTheChoiceIntoTheProfile(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        model.serverProperty().set(server("3.10", "3.5.1"));
        show(model);
        CheckBox box = robot.lookup("#hardening-pq").queryAs(CheckBox.class);
        assertFalse(box.isDisabled());
        assertFalse(box.isSelected(), "no preset turns it on");

        robot.interact(() -> box.setSelected(true));

        assertTrue(model.getProfile().hardening().pqKeyExchange());
        Label reason = robot.lookup("#hardening-pq-reason").queryAs(Label.class);
        assertTrue(reason.getText().contains("puts X25519MLKEM768 first"), reason.getText());
    }

    @Test
    void onPostfix37TheBoxIsGreyedAndNamesTheVersionsItNeeds(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        model.serverProperty().set(server("3.7", "3.0.17"));
        show(model);
        CheckBox box = robot.lookup("#hardening-pq").queryAs(CheckBox.class);
        Label reason = robot.lookup("#hardening-pq-reason").queryAs(Label.class);

        assertTrue(box.isDisabled());
        assertTrue(reason.getText().contains("Needs Postfix 3.10 or later with OpenSSL 3.5 or later")
                && reason.getText().contains("Postfix 3.7"), reason.getText());
    }

    @Test
    void anUnknownOpensslGreysItToo(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        model.serverProperty().set(server("3.10", null));
        show(model);
        assertTrue(robot.lookup("#hardening-pq").queryAs(CheckBox.class).isDisabled());
        assertTrue(robot.lookup("#hardening-pq-reason").queryAs(Label.class).getText().contains("unknown"));
    }

    @Test
    void onPostfix311TheReasonSaysTheDefaultAlreadyOffersIt(FxRobot robot) {
        Themes.applied();
        WizardModel model = new WizardModel();
        model.serverProperty().set(server("3.11", "3.5.0"));
        show(model);
        String reason = robot.lookup("#hardening-pq-reason").queryAs(Label.class).getText();
        assertTrue(reason.contains("already offers it by default"), reason);
    }
}
