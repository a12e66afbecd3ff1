package org.postfixtls.wizard.ui.pages;

import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.domain.verify.SignatureFamily;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardServices;

/**
 * The optional second certificate of the Certificate step: an ECDSA one beside an RSA one, or the reverse, which
 * Postfix serves side by side and picks by what each client supports (postconf(5) smtpd_tls_chain_files). It gets
 * the same checks as the first — chain order, expiry, host name, key match — run where the key is: a key on the
 * server is compared there and never copied here.
 */
final class SecondCertificatePicker {

    static final String ACKNOWLEDGED = "certificate.second.acknowledged";

    private final WizardModel model;
    private final WizardServices services;
    final CheckBox enabled = new CheckBox("Add an ECDSA certificate beside it");
    final ListView<CertificateCandidate> candidates = CandidateList.create("certificate-second-candidates",
            "No other certificate found. Open a local file or type the paths below.");
    final TextField chainPath = new TextField();
    final TextField keyPath = new TextField();
    private final CertificateReportView report;
    private final VBox body = new VBox(8);
    /** True while the list is refilled: its selection is dropped and put back, the model follows both. */
    private boolean refilling;
    final VBox root;

    SecondCertificatePicker(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        this.report = new CertificateReportView("certificate-second",
                "Use the second one anyway — I understand some clients may reject it", model, ACKNOWLEDGED);
        setUpControls();
        body.getChildren().addAll(PageScaffold.muted("Postfix serves both and gives each mail program or server the"
                + " one it supports: ECDSA is smaller and faster, RSA is the one every client has. Choose one of each"
                + " algorithm."), candidates, actions());
        body.getChildren().addAll(report.nodes());
        body.getChildren().add(CertificatePathsGrid.of("Second certificate chain", "smtpd_tls_chain_files", chainPath,
                "Its private key", "smtpd_tls_chain_files", keyPath));
        root = new VBox(8, enabled, body);
        root.setId("certificate-second");
        show(false);
        enabled.selectedProperty().addListener((o, old, on) -> show(on));
        candidates.getSelectionModel().selectedItemProperty().addListener((o, old, candidate) -> choose(candidate));
        // the model forgets the second certificate when another source is opened (Connect step): follow it, so
        // the box and paths never show a certificate the profile no longer serves
        model.secondCertificateProperty().addListener((o, old, now) -> {
            if (now == null && !refilling) {
                forget();
            }
        });
    }

    /** The first certificate's algorithm decides what the second should be. */
    void firstIs(SignatureFamily family) {
        enabled.setText(family == SignatureFamily.ECDSA ? "Add an RSA certificate beside it"
                : "Add an ECDSA certificate beside it");
    }

    /** The server's certificates except the one chosen first: one certificate cannot be served beside itself. */
    void showCandidates(List<CertificateCandidate> found, CertificateCandidate first) {
        CertificateCandidate selected = candidates.getSelectionModel().getSelectedItem();
        refilling = true; // refilling drops the selection for a moment: that alone is no reason to forget it
        try {
            candidates.getItems().setAll(found.stream().filter(c -> first == null
                    || !c.chainPath().equals(first.chainPath())).toList());
            if (selected != null && candidates.getItems().contains(selected)) {
                candidates.getSelectionModel().select(selected);
            }
        } finally {
            refilling = false;
        }
        if (selected != null && !candidates.getItems().contains(selected)) {
            forget(); // another source (or it became the first one): the second one is gone
        }
    }

    private void forget() {
        enabled.setSelected(false);
        show(false);
    }

    private void setUpControls() {
        enabled.setId("certificate-second-enabled");
        chainPath.setId("certificate-second-chain-path");
        chainPath.setPromptText("/etc/letsencrypt/live/mail.example.com-ecdsa/fullchain.pem");
        keyPath.setId("certificate-second-key-path");
        keyPath.setPromptText("/etc/letsencrypt/live/mail.example.com-ecdsa/privkey.pem");
    }

    private HBox actions() {
        Button openLocal = new Button("Open certificate file…", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        openLocal.setId("certificate-second-open");
        openLocal.setOnAction(event -> CandidateList.openLocalFile(services, candidates, openLocal,
                "Second certificate chain (PEM), e.g. fullchain.pem"));
        return new HBox(10, openLocal);
    }

    /** Off: the second certificate is forgotten, so the profile serves one again. */
    private void show(boolean on) {
        body.setVisible(on);
        body.setManaged(on);
        if (!on) {
            candidates.getSelectionModel().clearSelection();
            chainPath.clear();
            keyPath.clear();
        }
    }

    private void choose(CertificateCandidate candidate) {
        model.secondCertificateProperty().set(candidate);
        model.secondCertificateReportProperty().set(null);
        if (candidate == null) {
            report.nothingChosen();
            return;
        }
        report.clear();
        report.hideAcknowledgement();
        chainPath.setText(candidate.chainPath());
        keyPath.setText(candidate.keyPath() == null ? "" : candidate.keyPath());
        report.inspect(candidate, model, services, candidates.getSelectionModel()::getSelectedItem,
                model.secondCertificateReportProperty()::set);
    }
}
