package org.postfixtls.wizard.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;

/**
 * What the screenshot programs ({@link ScreenshotTaker}, {@link DualCertificateScreenshot},
 * {@link ReadinessScreenshot}; not tests) share: the JavaFX toolkit around the whole run, work on its thread, a
 * window in the light theme, and what a window shows written as a PNG.
 */
final class Screenshots {

    /** One run of a screenshot program; it may block, it runs off the JavaFX thread. */
    interface Run {
        void take() throws Exception;
    }

    private Screenshots() {
    }

    /** Starts the JavaFX toolkit, takes the pictures and stops the toolkit again, also when the run fails. */
    static void withToolkit(Run run) throws Exception {
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        try {
            run.take();
        } finally {
            Platform.exit();
        }
    }

    /** Runs the work on the JavaFX thread and waits for its result. */
    static <T> T onFx(Supplier<T> work) throws Exception {
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

    /** A new window of this size showing the content in the light theme; call it on the JavaFX thread. */
    static Stage showInLightTheme(Parent content, double width, double height) {
        ThemeManager themes = new ThemeManager(Theme.LIGHT);
        Stage stage = new Stage();
        stage.setScene(new Scene(content, width, height));
        themes.apply();
        stage.show();
        return stage;
    }

    /** What the window shows now, as a PNG file (its folder is made if missing). */
    static void write(Stage stage, Path file) throws Exception {
        WritableImage image = onFx(() -> stage.getScene().snapshot(null));
        writePng(image, file);
        System.out.println("wrote " + file);
    }

    private static void writePng(WritableImage image, Path file) throws IOException {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(buffered, "png", file.toFile());
    }
}
