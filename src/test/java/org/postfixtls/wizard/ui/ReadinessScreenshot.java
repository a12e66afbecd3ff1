package org.postfixtls.wizard.ui;

import static org.postfixtls.wizard.ui.Screenshots.onFx;

import java.nio.file.Path;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.ui.pages.OutboundPage;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * Not a test: the README's picture of the readiness panel. The Outbound step of the demo at encrypt, after
 * "Check the mail log", scrolled to the panel. Run under Xvfb:
 * {@code xvfb-run -a java -Dprism.order=sw -cp target/classes:target/test-classes:DEPS ...ReadinessScreenshot FILE}.
 */
public final class ReadinessScreenshot {

    private ReadinessScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/images/readiness-panel.png");
        Screenshots.withToolkit(() -> {
            WizardModel model = new WizardModel();
            Stage stage = onFx(() -> {
                model.setConnectionMode(ConnectionMode.DEMO);
                model.setProfile(ProfileEdits.withOutbound(model.getProfile(), new Profile.Outbound(TlsLevel.ENCRYPT,
                        false)));
                ScrollPane scroll = new ScrollPane(OutboundPage.create(model,
                        org.postfixtls.wizard.testsupport.TestServices.application()));
                scroll.setFitToWidth(true);
                Stage shown = Screenshots.showInLightTheme(scroll, 1280, 820);
                ((javafx.scene.control.Button) shown.getScene().lookup("#readiness-check")).fire();
                return shown;
            });
            for (int i = 0; i < 200; i++) {
                boolean done = onFx(() -> stage.getScene().lookup("#readiness-table") instanceof TableView<?> t
                        && t.isVisible() && !t.getItems().isEmpty());
                if (done) {
                    break;
                }
                Thread.sleep(100);
            }
            Thread.sleep(500);
            onFx(() -> {
                ((ScrollPane) stage.getScene().getRoot()).setVvalue(1.0);
                return null;
            });
            Thread.sleep(700);
            Screenshots.write(stage, file);
        });
    }
}
