package org.postfixtls.wizard.ui;

import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.app.verify.ReferenceTools;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.ui.pages.VerifyPage;
import org.postfixtls.wizard.ui.wizard.VerificationSetup;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The verification panel against the real test bed: what the tiles say, openssl says too. */
@ExtendWith(ApplicationExtension.class)
class VerifyPageFxIT {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theSmtpTileShowsWhatOpensslSees(FxRobot robot) {
        Testbed bed = Testbed.require();
        Testbed.requireCommand("openssl");
        WizardModel model = new WizardModel();
        Platform.runLater(() -> {
            VBox page = VerifyPage.create(model, TestServices.application().withServerAccess(VerificationSetup.NONE));
            ScrollPane scroll = new ScrollPane(page);
            scroll.setFitToWidth(true);
            stage.setScene(new Scene(scroll, 1100, 800));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#verify-host").write(bed.host());
        set(robot, "#verify-smtp-port", bed.get("smtp.port"));
        set(robot, "#verify-submission-port", bed.get("submission.port"));
        set(robot, "#verify-submissions-port", bed.get("submissions.port"));
        robot.clickOn("#verify-run");
        FxWait.until("the verification to finish",
                () -> robot.lookup("#verify-run").queryButton().getText().equals("Run again"));

        String summary = robot.lookup("#verify-summary").queryAs(Label.class).getText();
        assertTrue(summary.contains("failed") || summary.contains("warning") || summary.contains("verified"), summary);
        VBox smtp = robot.lookup("#tile-" + bed.port("smtp.port")).queryAs(VBox.class);
        String tile = smtp.getChildren().stream().filter(n -> n instanceof Label).map(n -> ((Label) n).getText())
                .reduce("", (a, b) -> a + "\n" + b);
        assertTrue(tile.contains("STARTTLS"), tile);
        for (TlsVersion version : new TlsVersion[] {TlsVersion.TLS_1_2, TlsVersion.TLS_1_3}) {
            boolean openssl = ReferenceTools.opensslAccepts(bed.host(), bed.port("smtp.port"), true, version);
            assertEquals(openssl, tile.contains(version.label() + " ✓"), version + " in tile:" + tile);
        }
        // the baseline has the submission services commented out: the panel says so instead of inventing results
        VBox submission = robot.lookup("#tile-" + bed.port("submission.port")).queryAs(VBox.class);
        assertTrue(submission.getChildren().stream().anyMatch(n -> n instanceof Label l && l.getText().equals("not reachable")));
        assertTrue(!robot.lookup("#verify-exports").query().isDisabled(), "the report can be saved");
    }

    private static void set(FxRobot robot, String query, String text) {
        robot.doubleClickOn(query).eraseText(6).write(text);
    }
}
