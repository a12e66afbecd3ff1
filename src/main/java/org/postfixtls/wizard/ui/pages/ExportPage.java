package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.workspace.ExportBundle;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** The end of the local files mode: the planned files, diff, reasons and profile written to a new folder. */
public final class ExportPage {

    private ExportPage() {
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("export", "Export bundle",
                "Write an offline bundle into a new folder: the planned files, the diff, the reason for every "
                        + "change, the profile and install.sh, which applies it on the server as one transaction.");
        Button export = new Button("Export to a new folder…", new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        export.setId("export-button");
        export.getStyleClass().add(Styles.ACCENT);
        export.disableProperty().bind(model.changeSetProperty().isNull());
        Label result = new Label();
        result.setId("export-result");
        result.setWrapText(true);
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Where to create the export folder");
            File parent = chooser.showDialog(export.getScene().getWindow());
            if (parent == null) {
                return;
            }
            Path target = parent.toPath().resolve("postfix-tls-export-" + java.time.LocalDate.now());
            var server = model.getServer();
            var profile = model.getProfile();
            var files = new java.util.concurrent.atomic.AtomicReference<java.util.Map<String, byte[]>>();
            services.tasks().supply(() -> {
                files.set(ExportBundle.offlineBundle(server, profile));
                return services.workstation().writeFolder(target, files.get());
            }).whenComplete((written, error) -> services.tasks().onFx(() -> {
                if (error != null) {
                    result.setText(Background.unwrap(error).getMessage());
                    result.setGraphic(new FontIcon(Material2OutlinedMZ.REPORT));
                    result.getStyleClass().setAll("label", Styles.DANGER);
                } else {
                    result.setText("Written to " + written + ": " + String.join(", ", files.get().keySet()));
                    Confirmations.show(export, "Bundle written to " + written);
                    result.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
                    result.getStyleClass().setAll("label", Styles.SUCCESS);
                }
            }));
        });
        page.getChildren().addAll(export, result, PageScaffold.muted("On the server: review changes.diff, then run "
                + "bash install.sh as root in the copied folder. It is the same transaction as a deploy over SSH: "
                + "lock, backup, validation with the server's own Postfix, atomic swap, reload, health check and "
                + "automatic rollback. The same bundle comes from postfix-tls-wizard bundle."));
        return page;
    }
}
