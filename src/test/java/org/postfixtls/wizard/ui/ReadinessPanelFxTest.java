package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.ui.pages.OutboundPage;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Outbound step's readiness panel in demo mode: hidden at may, runs on the bundled log, one click adds entries. */
@ExtendWith(ApplicationExtension.class)
class ReadinessPanelFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void demoCheckListsWhoWouldLoseMailAndAddsTheTickedEntries(FxRobot robot) throws Exception {
        Themes.applied();
        WizardModel model = new WizardModel();
        model.setConnectionMode(ConnectionMode.DEMO);
        Platform.runLater(() -> {
            stage.setScene(new Scene(new ScrollPane(OutboundPage.create(model, org.postfixtls.wizard.testsupport.TestServices.application())), 1100, 900));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Node panel = robot.lookup("#outbound-readiness").query();
        Platform.runLater(() -> model.setProfile(ProfileEdits.withOutbound(model.getProfile(),
                new Profile.Outbound(TlsLevel.MAY, false))));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(panel.isVisible(), "opportunistic TLS defers nothing: no panel");
        Platform.runLater(() -> model.setProfile(ProfileEdits.withOutbound(model.getProfile(),
                new Profile.Outbound(TlsLevel.ENCRYPT, false))));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(panel.isVisible());

        javafx.scene.control.Button check = robot.lookup("#readiness-check").queryButton();
        assertTrue(check.isVisible() && !check.isDisabled());
        Platform.runLater(check::fire); // the Outbound page is taller than the window since its ⓘ links: fired as a click would
        TableView<?> table = robot.lookup("#readiness-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.isVisible() && !table.getItems().isEmpty());
        Label status = robot.lookup("#readiness-status").queryAs(Label.class);
        assertTrue(status.getText().contains("would be deferred at encrypt"), status.getText());
        int before = model.getProfile().policies().size();

        javafx.scene.control.Button accept = robot.lookup("#readiness-accept").queryButton();
        assertTrue(accept.isVisible());
        Platform.runLater(accept::fire); // below the fold of the scroll pane: fired as a click would
        WaitForAsyncUtils.waitForFxEvents();
        var policies = model.getProfile().policies();
        assertTrue(policies.stream().anyMatch(p -> p.destination().equals("supplier-old.example")
                && p.level() == TlsLevel.MAY), policies.toString());
        assertTrue(policies.stream().anyMatch(p -> p.destination().equals("small-isp.example")
                && p.level() == TlsLevel.MAY), policies.toString());
        assertFalse(policies.stream().anyMatch(p -> p.destination().equals("gmail.com")),
                "the optional stronger entries are not ticked at first");
        assertEquals(before + 2, policies.size(), policies.toString());
    }
}
