package org.postfixtls.wizard.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.ui.pages.OutboundPage;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
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
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        try {
            WizardModel model = new WizardModel();
            ScrollPane[] scroll = new ScrollPane[1];
            Stage[] stage = new Stage[1];
            onFx(() -> {
                ThemeManager themes = new ThemeManager(Theme.LIGHT);
                model.setConnectionMode(ConnectionMode.DEMO);
                model.setProfile(ProfileEdits.withOutbound(model.getProfile(), new Profile.Outbound(TlsLevel.ENCRYPT,
                        false)));
                scroll[0] = new ScrollPane(OutboundPage.create(model, org.postfixtls.wizard.testsupport.TestServices.application()));
                scroll[0].setFitToWidth(true);
                stage[0] = new Stage();
                stage[0].setScene(new Scene(scroll[0], 1280, 820));
                themes.apply();
                stage[0].show();
                ((javafx.scene.control.Button) stage[0].getScene().lookup("#readiness-check")).fire();
                return null;
            });
            for (int i = 0; i < 200; i++) {
                boolean done = onFx(() -> stage[0].getScene().lookup("#readiness-table") instanceof TableView<?> t
                        && t.isVisible() && !t.getItems().isEmpty());
                if (done) {
                    break;
                }
                Thread.sleep(100);
            }
            Thread.sleep(500);
            onFx(() -> {
                scroll[0].setVvalue(1.0);
                return null;
            });
            Thread.sleep(700);
            WritableImage image = onFx(() -> stage[0].getScene().snapshot(null));
            BufferedImage buffered = new BufferedImage((int) image.getWidth(), (int) image.getHeight(),
                    BufferedImage.TYPE_INT_RGB);
            PixelReader pixels = image.getPixelReader();
            for (int y = 0; y < buffered.getHeight(); y++) {
                for (int x = 0; x < buffered.getWidth(); x++) {
                    buffered.setRGB(x, y, pixels.getArgb(x, y));
                }
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            ImageIO.write(buffered, "png", file.toFile());
            System.out.println("wrote " + file);
        } finally {
            Platform.exit();
        }
    }

    private static <T> T onFx(java.util.function.Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
