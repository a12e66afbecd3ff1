package org.postfixtls.wizard.ui.pages;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.domain.cert.CertbotDeployHook;
import org.postfixtls.wizard.domain.cert.Finding;
import org.postfixtls.wizard.domain.cert.GeneratedCertificate;
import org.postfixtls.wizard.domain.cert.GeneratedKeyType;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.SelfSignedCertificateGenerator;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.verify.SignatureFamily;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ProfileFieldsValidator;
import org.postfixtls.wizard.ui.wizard.StepValidator;
import org.postfixtls.wizard.ui.wizard.Validation;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * Chooses the certificate Postfix presents, and shows what is wrong with it before anything is deployed:
 * chain, trust, expiry, host name, key match, key encryption and permissions (domain.cert does the checking).
 */
public final class CertificatePage {

    static final String ACKNOWLEDGED = "certificate.acknowledged";

    private final WizardModel model;
    private final ListView<CertificateCandidate> candidates = CandidateList.create("certificate-candidates",
            "No certificate found. Open a local file or generate a test certificate.");
    private final TextField chainPath = new TextField();
    private final TextField keyPath = new TextField();
    private final CertificateReportView report;
    private final Label hookOffer = PageScaffold.note("", Material2OutlinedMZ.REFRESH, null);
    private final Button saveHook = new Button("Save certbot renewal hook…", new FontIcon(Material2OutlinedMZ.SAVE_ALT));
    private final VBox hookBox = new VBox(6, hookOffer, saveHook);

    private final WizardServices services;
    private final SecondCertificatePicker second;

    private CertificatePage(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        this.second = new SecondCertificatePicker(model, services);
        this.report = new CertificateReportView("certificate",
                "Use it anyway — I understand clients and other servers may reject it", model, ACKNOWLEDGED);
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("certificate", "Certificate",
                "The certificate and key Postfix shows to mail programs and other servers. Most failed TLS setups "
                        + "fail here: a missing intermediate, a key that does not match, an expired certificate, a key "
                        + "everyone can read. Choose one and fix what is found before going on.");
        CertificatePage certificate = new CertificatePage(model, services);
        certificate.setUpControls();
        certificate.storePathsOnEdit();
        certificate.candidates.getSelectionModel().selectedItemProperty()
                .addListener((o, old, candidate) -> certificate.choose(candidate));
        certificate.showServer();
        model.serverProperty().addListener((o, old, server) -> certificate.showServer());
        page.getChildren().addAll(PageScaffold.section("Certificates found"), certificate.candidates,
                certificate.actions());
        page.getChildren().addAll(certificate.report.nodes());
        page.getChildren().addAll(certificate.hookBox, PageScaffold.section("What Postfix will use"),
                CertificatePathsGrid.of("Certificate chain on the server", "smtpd_tls_cert_file", certificate.chainPath,
                        "Private key on the server", "smtpd_tls_key_file", certificate.keyPath),
                PageScaffold.muted("smtpd_tls_cert_file must hold the full chain (leaf first, then intermediates), "
                        + "as Let's Encrypt's fullchain.pem does; the key must be unencrypted and readable only by root."),
                PageScaffold.section("A second certificate (optional)"), certificate.second.root);
        return page;
    }

    private void setUpControls() {
        chainPath.setId("certificate-chain-path");
        chainPath.setPromptText("/etc/letsencrypt/live/mail.example.com/fullchain.pem");
        keyPath.setId("certificate-key-path");
        keyPath.setPromptText("/etc/letsencrypt/live/mail.example.com/privkey.pem");
        saveHook.setId("certificate-save-hook");
        saveHook.setOnAction(event -> saveHook(services, saveHook));
        hookBox.setVisible(false);
        hookBox.setManaged(false);
    }

    private HBox actions() {
        Button openLocal = new Button("Open certificate file…", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        openLocal.setId("certificate-open");
        Button generate = new Button("Generate test certificate…", new FontIcon(Material2OutlinedMZ.NOTE_ADD));
        generate.setId("certificate-generate");
        openLocal.setOnAction(event -> CandidateList.openLocalFile(services, candidates, openLocal,
                "Certificate chain (PEM), e.g. fullchain.pem"));
        generate.setOnAction(event -> generateTestCertificate(model, services, candidates, generate));
        return new HBox(10, openLocal, generate);
    }

    /** Paths typed by hand go straight into the profile; a profile opened from a file shows its paths. */
    private void storePathsOnEdit() {
        Runnable storePaths = () -> PageScaffold.store(model, CertificateChoices.withPaths(model.getProfile(),
                chainPath.getText(), keyPath.getText(), second.chainPath.getText(), second.keyPath.getText(),
                firstIsEcdsa()));
        model.profileProperty().addListener((o, old, profile) -> showPaths(profile.certificate()));
        for (TextField field : List.of(chainPath, keyPath, second.chainPath, second.keyPath)) {
            field.textProperty().addListener((o, old, v) -> storePaths.run());
        }
        // the first certificate's algorithm decides which pair is RSA and which ECDSA in the profile
        model.certificateReportProperty().addListener((o, old, report) -> {
            second.firstIs(CertificateChoices.family(report).orElse(SignatureFamily.RSA));
            storePaths.run();
        });
    }

    private boolean firstIsEcdsa() {
        return CertificateChoices.family(model.certificateReportProperty().get()).orElse(null) == SignatureFamily.ECDSA;
    }

    private void showPaths(Profile.Certificate certificate) {
        String[] first = CertificateChoices.firstPaths(certificate, firstIsEcdsa());
        String[] other = CertificateChoices.secondPaths(certificate, firstIsEcdsa());
        setIfChanged(chainPath, first[0]);
        setIfChanged(keyPath, first[1]);
        if (other[0] != null || other[1] != null) {
            second.enabled.setSelected(true);
        }
        setIfChanged(second.chainPath, other[0]);
        setIfChanged(second.keyPath, other[1]);
    }

    private static void setIfChanged(TextField field, String value) {
        String text = value == null ? "" : value;
        if (!text.equals(field.getText().trim())) {
            field.setText(text);
        }
    }

    private void choose(CertificateCandidate candidate) {
        model.certificateProperty().set(candidate);
        second.showCandidates(candidates.getItems(), candidate);
        model.certificateReportProperty().set(null);
        boolean hook = candidate != null && CertificateChoices.offersRenewalHook(candidate);
        hookBox.setVisible(hook);
        hookBox.setManaged(hook);
        if (candidate == null) { // another source, or none: nothing of the previous certificate stays on screen
            report.nothingChosen();
            return;
        }
        report.clear();
        chainPath.setText(candidate.chainPath());
        keyPath.setText(candidate.keyPath() == null ? "" : candidate.keyPath());
        hookOffer.setText("Let's Encrypt renews this certificate every 60-90 days; Postfix reads it only at "
                + "start or reload. Install this hook as " + CertbotDeployHook.INSTALL_PATH
                + " so every renewal reloads Postfix.");
        report.inspect(candidate, model, services, candidates.getSelectionModel()::getSelectedItem,
                model.certificateReportProperty()::set);
    }

    private void showServer() {
        candidates.getItems().setAll(model.getServer() == null ? List.of() : model.getServer().certificates());
        second.showCandidates(candidates.getItems(), candidates.getSelectionModel().getSelectedItem());
        Profile.Certificate chosen = model.getProfile().certificate();
        Optional<CertificateCandidate> configured = candidates.getItems().stream()
                .filter(c -> c.chainPath().equals(chosen.chainFile())).findFirst();
        if (configured.isPresent()) {
            candidates.getSelectionModel().select(configured.get());
        } else if (!candidates.getItems().isEmpty() && chosen.chainFile() == null) {
            candidates.getSelectionModel().select(0);
        }
    }

    private static void generateTestCertificate(WizardModel model, WizardServices services,
            ListView<CertificateCandidate> candidates, Button owner) {
        String hostname = model.getServer() == null ? null : model.getServer().myhostname().orElse(null);
        if (hostname == null) {
            PageAlerts.error(owner, "No host name", "main.cf sets no myhostname, so there is no name to put in the "
                    + "certificate. Set myhostname on the server first.");
            return;
        }
        if (!PageAlerts.confirm(owner, "Generate a TEST certificate for " + hostname + "?",
                GeneratedCertificate.TEST_ONLY_WARNING)) {
            return;
        }
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Folder for " + hostname + ".pem and " + hostname + ".key");
        File folder = chooser.showDialog(owner.getScene().getWindow());
        if (folder == null) {
            return;
        }
        Background.supply(() -> {
            GeneratedCertificate generated = new SelfSignedCertificateGenerator().generate(hostname, GeneratedKeyType.EC);
            Path cert = folder.toPath().resolve(hostname + ".pem");
            Path key = folder.toPath().resolve(hostname + ".key");
            services.workstation().writeNew(cert, generated.certificatePem(), "rw-r--r--");
            services.workstation().writeNew(key, generated.privateKeyPem(), "rw-------");
            CertificateCandidate local = CandidateList.localCandidate(services.workstation(), cert, key);
            // Postfix reads the pair where the admin puts it on the server; suggest Debian's usual places.
            return new CertificateCandidate("/etc/ssl/certs/" + hostname + ".pem", "/etc/ssl/private/" + hostname + ".key",
                    local.chain(), local.key(), "generated test certificate, saved in " + folder);
        }).whenComplete((candidate, error) -> Background.onFx(() -> {
            if (error != null) {
                PageAlerts.error(owner, "The test certificate was not created", Background.unwrap(error).getMessage());
                return;
            }
            candidates.getItems().add(candidate);
            candidates.getSelectionModel().select(candidate);
            PageAlerts.info(owner, "Test certificate saved",
                    "Copy " + hostname + ".pem to " + candidate.chainPath() + " and " + hostname + ".key to "
                            + candidate.keyPath() + " on the server (mode 0600, owner root). "
                            + GeneratedCertificate.TEST_ONLY_WARNING);
        }));
    }

    private static void saveHook(WizardServices services, Button owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the certbot deploy hook");
        chooser.setInitialFileName(CertbotDeployHook.FILE_NAME);
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        Background.supply(() -> {
            services.workstation().writeNew(file.toPath(), CertbotDeployHook.script().getBytes(StandardCharsets.UTF_8), "rwxr-xr-x");
            return file;
        }).whenComplete((saved, error) -> Background.onFx(() -> {
            if (error != null) {
                PageAlerts.error(owner, "The hook was not saved", Background.unwrap(error).getMessage());
            } else {
                PageAlerts.info(owner, "Hook saved", "Copy " + saved + " to " + CertbotDeployHook.INSTALL_PATH
                        + " on the server (mode 0755).");
            }
        }));
    }

    /** Blocks on problems Postfix cannot live with; other errors need the user's explicit acknowledgement. */
    public static StepValidator validator() {
        return model -> {
            Profile.Certificate certificate = model.getProfile().certificate();
            InspectionReport report = model.certificateReportProperty().get();
            if (certificate.chainFile() == null && certificate.keyFile() == null) {
                return done(Validation.ok()); // the server keeps the certificate it has
            }
            Validation fields = ProfileFieldsValidator.check(model, "certificate.");
            if (!fields.passed()) {
                return done(fields);
            }
            CertificateCandidate chosen = model.certificateProperty().get();
            if (chosen == null || !(chosen.chainPath().equals(certificate.chainFile())
                    || chosen.chainPath().equals(certificate.ecdsaChainFile()))) {
                // a path typed by hand: checked on the server during deploy
                return done(secondValidation(model, null));
            }
            if (report == null) {
                return done(Validation.veto("Certificate: still checking " + chosen.chainPath()
                        + "; wait for the result below."));
            }
            Optional<Finding> blocking = CertificateChoices.blocking(report);
            if (blocking.isPresent()) {
                return done(Validation.veto("Certificate: " + blocking.get().message() + " " + blocking.get().advice()));
            }
            if (CertificateChoices.hasErrors(report) && !Boolean.TRUE.equals(model.acknowledgements().get(ACKNOWLEDGED))) {
                return done(Validation.veto("Certificate: fix the problems shown, choose another certificate, "
                        + "or tick \"Use it anyway\"."));
            }
            return done(secondValidation(model, report));
        };
    }

    /** The second certificate: the same checks as the first, and of the other algorithm. */
    static Validation secondValidation(WizardModel model, InspectionReport first) {
        Profile.Certificate certificate = model.getProfile().certificate();
        CertificateCandidate chosen = model.secondCertificateProperty().get();
        if (chosen == null || !(chosen.chainPath().equals(certificate.chainFile())
                || chosen.chainPath().equals(certificate.ecdsaChainFile()))) {
            return Validation.ok(); // none, or paths typed by hand: checked on the server during deploy
        }
        InspectionReport report = model.secondCertificateReportProperty().get();
        if (report == null) {
            return Validation.veto("Second certificate: still checking " + chosen.chainPath()
                    + "; wait for the result below.");
        }
        Optional<String> pair = CertificateChoices.pairProblem(first, report);
        if (pair.isPresent()) {
            return Validation.veto(pair.get());
        }
        Optional<Finding> blocking = CertificateChoices.blocking(report);
        if (blocking.isPresent()) {
            return Validation.veto("Second certificate: " + blocking.get().message() + " " + blocking.get().advice());
        }
        if (CertificateChoices.hasErrors(report)
                && !Boolean.TRUE.equals(model.acknowledgements().get(SecondCertificatePicker.ACKNOWLEDGED))) {
            return Validation.veto("Second certificate: fix the problems shown, choose another certificate, or tick"
                    + " \"Use the second one anyway\".");
        }
        return Validation.ok();
    }

    private static CompletableFuture<Validation> done(Validation validation) {
        return CompletableFuture.completedFuture(validation);
    }
}
