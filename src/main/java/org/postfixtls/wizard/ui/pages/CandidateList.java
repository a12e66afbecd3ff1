package org.postfixtls.wizard.ui.pages;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.FileChooser;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.Workstation;
import org.postfixtls.wizard.domain.cert.KeyEvidence;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.WizardServices;

/**
 * A list of certificates to choose from, as both pickers of the Certificate step show it: a line each, its chain
 * path and where it was found; a certificate file of this machine can be added to it.
 */
final class CandidateList {

    private CandidateList() {
    }

    static ListView<CertificateCandidate> create(String id, String placeholder) {
        ListView<CertificateCandidate> candidates = new ListView<>();
        candidates.setId(id);
        candidates.setPrefHeight(84);
        candidates.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(CertificateCandidate item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.chainPath() + "   (" + item.origin() + ")");
            }
        });
        candidates.setPlaceholder(new Label(placeholder));
        return candidates;
    }

    /** Asks for a chain file and (optionally) its key, adds the pair to the list and selects it. */
    static void openLocalFile(WizardServices services, ListView<CertificateCandidate> candidates, Button owner,
            String chainTitle) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(chainTitle);
        File chain = chooser.showOpenDialog(owner.getScene().getWindow());
        if (chain == null) {
            return;
        }
        chooser.setTitle("Its private key (optional: Cancel to check the certificate only)");
        chooser.setInitialDirectory(chain.getParentFile());
        File key = chooser.showOpenDialog(owner.getScene().getWindow());
        services.tasks().supply(() -> localCandidate(services.workstation(), chain.toPath(),
                        key == null ? null : key.toPath()))
                .whenComplete((candidate, error) -> services.tasks().onFx(() -> {
                    if (error != null) {
                        PageAlerts.error(owner, "The certificate cannot be used", Background.unwrap(error).getMessage());
                        return;
                    }
                    candidates.getItems().add(candidate);
                    candidates.getSelectionModel().select(candidate);
                }));
    }

    static CertificateCandidate localCandidate(Workstation files, Path chain, Path key) {
        FileContent content = files.read(chain, InputLimits.MAX_PEM_BYTES, "a PEM certificate chain");
        Optional<KeyEvidence> evidence = key == null ? Optional.empty()
                : Optional.of(KeyEvidence.fromKeyFile(files.read(key, InputLimits.MAX_PEM_BYTES, "a PEM private key")));
        return new CertificateCandidate(chain.toAbsolutePath().toString(),
                key == null ? null : key.toAbsolutePath().toString(), content, evidence, "local file");
    }
}
