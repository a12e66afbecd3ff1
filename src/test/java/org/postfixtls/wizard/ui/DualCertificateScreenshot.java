package org.postfixtls.wizard.ui;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.cert.KeyEvidence;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.TestServices;
import org.postfixtls.wizard.ui.pages.CertificatePage;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * Not a test: a picture of the Certificate step with an RSA certificate and an ECDSA one beside it (both from a test
 * CA, so both show "untrusted"), to look at the second picker. Run under Xvfb:
 * {@code xvfb-run -a java -Dprism.order=sw -cp target/classes:target/test-classes:DEPS ...DualCertificateScreenshot FILE}.
 */
public final class DualCertificateScreenshot {

    private DualCertificateScreenshot() {
    }

    private static CertificateCandidate candidate(TestPki.Issued ca, String name, TestPki.Algorithm algorithm) {
        TestPki.Issued leaf = TestPki.leaf("mail.example.com", algorithm, ca);
        String dir = "/etc/letsencrypt/live/" + name + "/";
        return new CertificateCandidate(dir + "fullchain.pem", dir + "privkey.pem", FileContent.of(dir + "fullchain.pem",
                TestPki.pem(leaf.certificate(), ca.certificate())), Optional.of(KeyEvidence.fromKeyFile(FileContent.of(
                dir + "privkey.pem", TestPki.privateKeyPem(leaf.keys())))), "Let's Encrypt live");
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "docs/images/certificate-dual.png");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        try {
            TestPki.Issued ca = TestPki.rootCa("Example Test CA", TestPki.Algorithm.RSA);
            CertificateCandidate rsa = candidate(ca, "mail.example.com", TestPki.Algorithm.RSA);
            CertificateCandidate ecdsa = candidate(ca, "mail.example.com-ecdsa", TestPki.Algorithm.EC);
            WizardModel model = new WizardModel();
            model.serverProperty().set(new ServerFiles("example", "myhostname = mail.example.com\n", "", null,
                    new PostfixVersion(3, 7), "hash", "/etc/postfix", List.of(rsa, ecdsa)));
            Stage[] stage = new Stage[1];
            onFx(() -> {
                ThemeManager themes = new ThemeManager(Theme.LIGHT);
                ScrollPane scroll = new ScrollPane(CertificatePage.create(model, TestServices.application()));
                scroll.setFitToWidth(true);
                stage[0] = new Stage();
                stage[0].setScene(new Scene(scroll, 1100, Integer.getInteger("pftw.shot.height", 1500)));
                themes.apply();
                stage[0].show();
                ((CheckBox) stage[0].getScene().lookup("#certificate-second-enabled")).setSelected(true);
                ((ListView<?>) stage[0].getScene().lookup("#certificate-second-candidates")).getSelectionModel().select(1);
                return null;
            });
            for (int i = 0; i < 100 && onFx(() -> model.secondCertificateReportProperty().get() == null); i++) {
                Thread.sleep(100);
            }
            Thread.sleep(800);
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
