package org.postfixtls.wizard.ui.pages;

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
import org.postfixtls.wizard.adapter.local.ExportFolder;
import org.postfixtls.wizard.app.workspace.ExportBundle;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** The end of the local files mode: the planned files, diff, reasons and profile written to a new folder. */
public final class ExportPage {

    private ExportPage() {
    }

    public static VBox create(WizardModel model) {
        VBox page = PageScaffold.page("export", "Export bundle",
                "Write the planned configuration into a new folder: the changed files, the diff, the reason for "
                        + "every change and the profile. Apply it on the server with its own Postfix tools.");
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
            var files = ExportBundle.files(model.changeSetProperty().get(), model.getProfile());
            Background.supply(() -> ExportFolder.write(target, files)).whenComplete((written, error) -> Background.onFx(() -> {
                if (error != null) {
                    result.setText(Background.unwrap(error).getMessage());
                    result.setGraphic(new FontIcon(Material2OutlinedMZ.REPORT));
                    result.getStyleClass().setAll("label", Styles.DANGER);
                } else {
                    result.setText("Written to " + written + ": " + String.join(", ", files.keySet()));
                    result.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
                    result.getStyleClass().setAll("label", Styles.SUCCESS);
                }
            }));
        });
        page.getChildren().addAll(export, result, PageScaffold.muted("On the server: back up /etc/postfix, copy the "
                + "changed files in, run postmap on tls_policy (if included), postfix check, then postfix reload."));
        return page;
    }
}
