package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import javafx.scene.Parent;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.ui.pages.InboundPage;
import org.postfixtls.wizard.ui.pages.OutboundPage;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Parameter names on screen keep every underscore (a mnemonic parser would eat the first one). */
@ExtendWith(ApplicationExtension.class)
class ParameterLabelsFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void checkBoxLabelsShowParameterNamesIntact(FxRobot robot) {
        Themes.applied();
        Map<String, Function<WizardModel, Parent>> pages = Map.of(
                "Offer AUTH only after STARTTLS (smtpd_tls_auth_only = yes)", InboundPage::create,
                "Use DNSSEC for MX and TLSA lookups (smtp_dns_support_level = dnssec)",
                (Function<WizardModel, Parent>) m -> OutboundPage.create(m, org.postfixtls.wizard.testsupport.TestServices.application()));
        for (var entry : pages.entrySet()) {
            Platform.runLater(() -> {
                stage.setScene(new Scene(entry.getValue().apply(new WizardModel()), 1000, 700));
                stage.show();
            });
            WaitForAsyncUtils.waitForFxEvents();
            Set<String> shown = robot.lookup(node -> node instanceof Text).queryAllAs(Text.class).stream()
                    .filter(Text::isVisible).map(Text::getText).collect(Collectors.toSet());
            assertTrue(shown.contains(entry.getKey()), "shown: " + shown);
        }
    }
}
