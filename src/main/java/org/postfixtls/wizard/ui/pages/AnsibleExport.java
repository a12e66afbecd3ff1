package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import java.io.File;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import org.postfixtls.wizard.app.fleet.AnsibleProject;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** "Export for Ansible…": the same project as {@code postfix-tls-wizard ansible}, for applying the profile to a fleet. */
final class AnsibleExport {

    private AnsibleExport() {
    }

    static void export(Node owner, WizardModel model, WizardServices services) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export for Ansible: name a new folder");
        chooser.setInitialFileName("postfix-tls-fleet");
        File folder = chooser.showSaveDialog(owner.getScene().getWindow());
        if (folder == null) {
            return;
        }
        String json = ProfileJson.write(model.getProfile());
        services.tasks().supply(() -> services.workstation().writeFolder(folder.toPath(), AnsibleProject.files(json, null)))
                .whenComplete((written, error) -> services.tasks().onFx(() -> {
                    if (error != null) {
                        PageAlerts.error(owner, "The Ansible project was not written", Background.unwrap(error).getMessage());
                    } else {
                        Confirmations.show(owner, "Ansible project written to " + written + ". List your servers in"
                                + " inventory.ini, then run: ansible-playbook site.yml (see docs/fleet.md)");
                    }
                }));
    }
}
