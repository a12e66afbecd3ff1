package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.ui.pages.HardeningPage;
import org.postfixtls.wizard.ui.pages.VerifyPage;
import org.postfixtls.wizard.ui.wizard.VerificationSetup;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** At 1024×700 (the page gets about 790 px beside the step list) hints and the ⓘ links are not cut or covered. */
@ExtendWith(ApplicationExtension.class)
class SmallWindowLayoutFxTest {

    private static final int PAGE_WIDTH = 790;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theMailDomainHintOnVerifyIsShownWhole(FxRobot robot) {
        show(VerifyPage.create(new WizardModel(), org.postfixtls.wizard.testsupport.TestServices.application().withServerAccess(VerificationSetup.NONE)));
        assertHintFits(robot.lookup("#verify-domain").queryAs(TextField.class));
    }

    @Test
    void theExcludeCiphersExampleIsShownWhole(FxRobot robot) {
        show(HardeningPage.create(new WizardModel()));
        TextField exclude = robot.lookup("#hardening-exclude").queryAs(TextField.class);
        Platform.runLater(exclude::clear);
        WaitForAsyncUtils.waitForFxEvents();
        assertHintFits(exclude);
    }

    private static void assertHintFits(TextField field) {
        Text hint = new Text(field.getPromptText());
        hint.setFont(field.getFont());
        double needed = hint.getLayoutBounds().getWidth() + field.getPadding().getLeft() + field.getPadding().getRight();
        assertTrue(field.getWidth() >= needed, field.getId() + ": " + field.getWidth() + " px, its hint needs " + needed);
    }

    @Test
    void hardeningNamesAndTheirLinksEndBeforeTheirControls(FxRobot robot) {
        show(HardeningPage.create(new WizardModel()));
        for (String[] row : new String[][] {{"#doc-smtpd_tls_ciphers", "#hardening-opportunistic-ciphers"},
                {"#doc-smtpd_tls_mandatory_ciphers", "#hardening-mandatory-ciphers"},
                {"#doc-smtpd_tls_mandatory_protocols", "#hardening-floor"}}) {
            Bounds link = scene(robot.lookup(row[0]).query());
            Bounds control = scene(robot.lookup(row[1]).queryAs(ComboBox.class));
            assertTrue(link.getMaxX() <= control.getMinX(), row[0] + " ends at " + link.getMaxX()
                    + ", its control starts at " + control.getMinX());
        }
    }

    @Test
    void aTlsaRecordIsReadWholeWithoutScrollingSideways(FxRobot robot) {
        WizardModel model = new WizardModel();
        Platform.runLater(() -> {
            model.setConnectionMode(org.postfixtls.wizard.ui.wizard.ConnectionMode.DEMO);
            model.serverProperty().set(org.postfixtls.wizard.app.workspace.DemoServer.load());
            model.certificateProperty().set(model.getServer().certificates().get(0));
        });
        WaitForAsyncUtils.waitForFxEvents();
        show(org.postfixtls.wizard.ui.pages.DnsRecordsPage.create(model, org.postfixtls.wizard.testsupport.TestServices.application()));
        javafx.scene.control.TextArea records = robot.lookup("#dns-records").queryAs(javafx.scene.control.TextArea.class);
        assertTrue(records.getText().contains("IN TLSA 3 1 1"), records.getText());
        boolean sideways = records.lookupAll(".scroll-bar").stream()
                .anyMatch(bar -> bar instanceof javafx.scene.control.ScrollBar s
                        && s.getOrientation() == javafx.geometry.Orientation.HORIZONTAL && s.isVisible());
        assertTrue(!sideways, "the records need a horizontal scroll bar");
    }

    private static Bounds scene(Node node) {
        return node.localToScene(node.getLayoutBounds());
    }

    private void show(Parent page) {
        Themes.applied();
        Platform.runLater(() -> {
            ScrollPane scroll = new ScrollPane(page);
            scroll.setFitToWidth(true);
            stage.setScene(new Scene(scroll, PAGE_WIDTH, 640));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
