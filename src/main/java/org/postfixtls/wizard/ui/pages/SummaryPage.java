package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** The end of the walk: what changed, the backup, how to undo it, the verification, and what is left to do. */
public final class SummaryPage {

    private SummaryPage() {
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("summary", "Summary",
                "What this session did to the server, how to undo it, and what is left for you to do.");
        VBox sections = new VBox(14);
        sections.setId("summary-sections");
        Runnable show = () -> {
            sections.getChildren().clear();
            for (SummaryChoices.Section section : SummaryChoices.sections(facts(model))) {
                VBox box = new VBox(4, PageScaffold.section(section.title()));
                box.setId(section.id());
                for (String line : section.lines()) {
                    Label label = new Label(line);
                    label.setWrapText(true);
                    box.getChildren().add(label);
                }
                sections.getChildren().add(box);
            }
        };
        show.run();
        // The summary describes the model as it is when the step opens and whenever a result arrives later.
        page.sceneProperty().addListener((o, old, scene) -> show.run());
        model.lastDeployProperty().addListener((o, old, report) -> show.run());
        model.lastVerificationProperty().addListener((o, old, report) -> show.run());
        model.changeSetProperty().addListener((o, old, plan) -> show.run());

        Button close = new Button("Close the wizard", new FontIcon(Material2OutlinedAL.DONE_ALL));
        close.setId("summary-close");
        close.getStyleClass().add(Styles.ACCENT);
        close.setOnAction(event -> close.getScene().getWindow().hide());
        Button ansible = new Button("Export for Ansible…", new FontIcon(Material2OutlinedAL.DNS));
        ansible.setId("summary-export-ansible");
        ansible.setTooltip(new Tooltip("Apply these choices to many servers: an Ansible project with this profile"));
        ansible.setOnAction(event -> AnsibleExport.export(ansible, model, services));
        Button saveProfile = new Button("Save profile…", new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        saveProfile.setId("summary-save-profile");
        saveProfile.setOnAction(event -> ProfileFiles.save(saveProfile, model, services));
        page.getChildren().addAll(sections, new HBox(8, ansible, saveProfile), close);
        return page;
    }

    static SummaryChoices.Facts facts(WizardModel model) {
        return new SummaryChoices.Facts(model.getConnectionMode(), model.getServer(), model.getProfile(),
                model.changeSetProperty().get(), model.lastDeployProperty().get(),
                model.lastVerificationProperty().get(), model.sshForm().host.get(), model.sshForm().user.get());
    }
}
