package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.cert.KeyEvidence;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.TestServices;
import org.postfixtls.wizard.ui.pages.CertificatePage;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.Validation;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16 section 4: the Certificate step serves an ECDSA and an RSA certificate side by side — the second picker
 * runs the same checks, puts each pair where its algorithm belongs in the profile whichever is picked first, and
 * refuses two of one algorithm.
 */
@ExtendWith(ApplicationExtension.class)
class SecondCertificateFxTest {

    private static final TestPki.Issued CA = TestPki.rootCa("Second Test CA", TestPki.Algorithm.RSA);
    private static final CertificateCandidate RSA = candidate("rsa", TestPki.Algorithm.RSA);
    private static final CertificateCandidate ECDSA = candidate("ecdsa", TestPki.Algorithm.EC);
    private static final CertificateCandidate OTHER_RSA = candidate("rsa-old", TestPki.Algorithm.RSA);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static CertificateCandidate candidate(String name, TestPki.Algorithm algorithm) {
        TestPki.Issued leaf = TestPki.leaf("mail.example.com", algorithm, CA);
        String dir = "/etc/letsencrypt/live/" + name + "/";
        return new CertificateCandidate(dir + "fullchain.pem", dir + "privkey.pem", FileContent.of(dir + "fullchain.pem",
                TestPki.pem(leaf.certificate())), Optional.of(KeyEvidence.fromKeyFile(FileContent.of(dir
                + "privkey.pem", TestPki.privateKeyPem(leaf.keys())))), "Let's Encrypt live");
    }

    private WizardModel show(FxRobot robot) {
        WizardModel model = new WizardModel();
        model.serverProperty().set(new ServerFiles("test", "myhostname = mail.example.com\n", "", null,
                new PostfixVersion(3, 7), "hash", "/etc/postfix", List.of(RSA, ECDSA, OTHER_RSA)));
        Platform.runLater(() -> {
            stage.setScene(new Scene(new ScrollPane(CertificatePage.create(model, TestServices.application())), 1000, 760));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.until("the first certificate is checked", () -> model.certificateReportProperty().get() != null);
        return model;
    }

    /** Fired as a click would: the box sits below the fold of the test window's scroll pane. */
    private static void toggleSecond(FxRobot robot) {
        javafx.scene.control.CheckBox box = robot.lookup("#certificate-second-enabled").query();
        robot.interact(box::fire);
    }

    private static void pick(FxRobot robot, String list, CertificateCandidate candidate) {
        ListView<CertificateCandidate> view = robot.lookup(list).queryListView();
        robot.interact(() -> view.getSelectionModel().select(candidate));
    }

    private static Validation validate(FxRobot robot, WizardModel model) {
        FxWait.until("the second certificate is checked", () -> model.secondCertificateReportProperty().get() != null);
        model.acknowledgements().put("certificate.acknowledged", true); // the test CA is not in the system's trust
        model.acknowledgements().put("certificate.second.acknowledged", true);
        return CertificatePage.validator().validate(model).toCompletableFuture().join();
    }

    @Test
    void anEcdsaCertificateBesideTheRsaOneGoesIntoTheEcdsaPairAndPassesTheSameChecks(FxRobot robot) {
        WizardModel model = show(robot);
        assertEquals(RSA.chainPath(), model.getProfile().certificate().chainFile());
        toggleSecond(robot);
        ListView<CertificateCandidate> others = robot.lookup("#certificate-second-candidates").queryListView();
        assertEquals(List.of(ECDSA, OTHER_RSA), others.getItems(), "the first one is not offered beside itself");
        pick(robot, "#certificate-second-candidates", ECDSA);

        Validation validation = validate(robot, model);
        assertTrue(validation.passed(), validation.message());
        Profile.Certificate certificate = model.getProfile().certificate();
        assertEquals(RSA.chainPath(), certificate.chainFile());
        assertEquals(RSA.keyPath(), certificate.keyFile());
        assertEquals(ECDSA.chainPath(), certificate.ecdsaChainFile());
        assertEquals(ECDSA.keyPath(), certificate.ecdsaKeyFile());
        assertTrue(robot.lookup("#certificate-second-status").queryLabeled().getText().contains("problem"),
                "the same checks as the first: the test CA is untrusted");

        toggleSecond(robot);
        assertNull(model.getProfile().certificate().ecdsaChainFile(), "unticked: one certificate again");
        assertEquals(RSA.chainPath(), model.getProfile().certificate().chainFile());
    }

    @Test
    void openingAnotherSourceEmptiesThePickerAsTheModelForgetsTheSecondCertificate(FxRobot robot) {
        WizardModel model = show(robot);
        robot.interact(() -> model.setConnectionMode(ConnectionMode.LOCAL_FILES));
        toggleSecond(robot);
        pick(robot, "#certificate-second-candidates", ECDSA);
        assertEquals(ECDSA, model.secondCertificateProperty().get());
        CheckBox box = robot.lookup("#certificate-second-enabled").query();
        TextField chain = robot.lookup("#certificate-second-chain-path").query();
        assertEquals(ECDSA.chainPath(), chain.getText());

        robot.interact(() -> model.setConnectionMode(ConnectionMode.SSH_SERVER));

        assertNull(model.secondCertificateProperty().get());
        assertFalse(box.isSelected(), "the box follows the model");
        assertEquals("", chain.getText());
        assertEquals("", robot.lookup("#certificate-second-key-path").queryTextInputControl().getText());
        assertNull(robot.lookup("#certificate-second-candidates").queryListView().getSelectionModel().getSelectedItem());
        toggleSecond(robot);
        assertNull(model.secondCertificateProperty().get(), "ticking again chooses nothing by itself");
    }

    @Test
    void refillingTheListKeepsTheChosenSecondCertificate(FxRobot robot) {
        WizardModel model = show(robot);
        toggleSecond(robot);
        pick(robot, "#certificate-second-candidates", ECDSA);
        pick(robot, "#certificate-candidates", OTHER_RSA); // the first changes: the second's list is refilled
        FxWait.until("the new first one is checked", () -> model.certificateReportProperty().get() != null
                && model.getProfile().certificate().chainFile().equals(OTHER_RSA.chainPath()));
        CheckBox box = robot.lookup("#certificate-second-enabled").query();
        assertTrue(box.isSelected(), "the picker's own refill is not the model forgetting");
        assertEquals(ECDSA, model.secondCertificateProperty().get());
    }

    @Test
    void anRsaCertificateBesideAnEcdsaFirstStillGoesIntoTheRsaPair(FxRobot robot) {
        WizardModel model = show(robot);
        pick(robot, "#certificate-candidates", ECDSA);
        FxWait.until("the ECDSA one is checked", () -> model.certificateReportProperty().get() != null
                && model.certificateReportProperty().get().leaf().publicKey().type().equals("EC"));
        assertEquals("Add an RSA certificate beside it",
                robot.lookup("#certificate-second-enabled").queryLabeled().getText());
        toggleSecond(robot);
        pick(robot, "#certificate-second-candidates", RSA);

        Validation validation = validate(robot, model);
        assertTrue(validation.passed(), validation.message());
        assertEquals(RSA.chainPath(), model.getProfile().certificate().chainFile());
        assertEquals(ECDSA.chainPath(), model.getProfile().certificate().ecdsaChainFile());
    }

    @Test
    void twoCertificatesOfOneAlgorithmAreRefusedWithTheReason(FxRobot robot) {
        WizardModel model = show(robot);
        toggleSecond(robot);
        pick(robot, "#certificate-second-candidates", OTHER_RSA);

        Validation validation = validate(robot, model);
        assertEquals(false, validation.passed());
        assertTrue(validation.message().contains("both certificates are RSA")
                && validation.message().contains("choose an ECDSA certificate"), validation.message());
    }
}
