package org.postfixtls.wizard.ui;

import static org.postfixtls.wizard.ui.Screenshots.onFx;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.cert.KeyEvidence;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.TestServices;
import org.postfixtls.wizard.ui.pages.CertificatePage;
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
        Screenshots.withToolkit(() -> {
            TestPki.Issued ca = TestPki.rootCa("Example Test CA", TestPki.Algorithm.RSA);
            CertificateCandidate rsa = candidate(ca, "mail.example.com", TestPki.Algorithm.RSA);
            CertificateCandidate ecdsa = candidate(ca, "mail.example.com-ecdsa", TestPki.Algorithm.EC);
            WizardModel model = new WizardModel();
            model.serverProperty().set(new ServerFiles("example", "myhostname = mail.example.com\n", "", null,
                    new PostfixVersion(3, 7), "hash", "/etc/postfix", List.of(rsa, ecdsa)));
            Stage stage = onFx(() -> {
                ScrollPane scroll = new ScrollPane(CertificatePage.create(model, TestServices.application()));
                scroll.setFitToWidth(true);
                Stage shown = Screenshots.showInLightTheme(scroll, 1100, Integer.getInteger("pftw.shot.height", 1500));
                ((CheckBox) shown.getScene().lookup("#certificate-second-enabled")).setSelected(true);
                // by value: the second list leaves out the certificate chosen first, so positions differ
                @SuppressWarnings("unchecked")
                ListView<CertificateCandidate> second = (ListView<CertificateCandidate>) shown.getScene()
                        .lookup("#certificate-second-candidates");
                second.getSelectionModel().select(ecdsa);
                return shown;
            });
            for (int i = 0; i < 100 && onFx(() -> model.secondCertificateReportProperty().get() == null); i++) {
                Thread.sleep(100);
            }
            Thread.sleep(800);
            Screenshots.write(stage, file);
        });
    }
}
