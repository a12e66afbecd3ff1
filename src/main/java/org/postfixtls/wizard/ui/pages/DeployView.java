package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.deploy.DeployRecord;

/**
 * The controls of the Deploy step and how a {@link DeployRun} is drawn on them; what they do is wired by
 * {@link DeployPage}.
 */
final class DeployView {

    final Label target = new Label();
    final Label simulationLabel = PageScaffold.note("SIMULATION: the demo server is built into the wizard, so nothing "
            + "is sent anywhere. The steps below are the ones a real deploy runs on a server, with messages as a "
            + "real server reports them.", Material2OutlinedMZ.SCIENCE, Styles.WARNING);
    final Button deploy = new Button("Deploy now", new FontIcon(Material2OutlinedMZ.PUBLISH));
    final Button cancel = new Button("Cancel");
    final CheckBox confirmWeakening = new CheckBox();
    final VBox steps = new VBox(4);
    final Label result = new Label();
    final TextArea log = new TextArea();
    final VBox history = new VBox(4);
    final Button refreshHistory = new Button("Show history", new FontIcon(Material2OutlinedMZ.REFRESH));
    final Button rollback = new Button("Roll back the last deploy",
            new FontIcon(Material2OutlinedMZ.SETTINGS_BACKUP_RESTORE));
    final Label changedReason = new Label();
    final ListView<String> newDiff = PreviewPage.diffView("");
    final Button approveNew = new Button("Approve this change", new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
    final VBox planChanged = new VBox(8, changedReason, newDiff, approveNew);

    DeployView() {
        target.setId("deploy-target");
        target.setWrapText(true);
        simulationLabel.setId("deploy-simulation-label");
        deploy.setId("deploy-run");
        deploy.getStyleClass().add(Styles.ACCENT);
        cancel.setId("deploy-cancel");
        cancel.setDisable(true);
        confirmWeakening.setId("deploy-confirm-weakening");
        confirmWeakening.setWrapText(true);
        confirmWeakening.setMnemonicParsing(false);
        steps.setId("deploy-steps");
        result.setId("deploy-result");
        result.setWrapText(true);
        log.setId("deploy-log");
        log.setEditable(false);
        log.setPrefRowCount(8);
        log.setStyle("-fx-font-family: monospace;");
        history.setId("deploy-history");
        refreshHistory.setId("deploy-history-refresh");
        rollback.setId("deploy-rollback");
        changedReason.setId("deploy-plan-changed-reason");
        changedReason.setWrapText(true);
        newDiff.setId("deploy-new-diff");
        newDiff.setPrefHeight(260);
        approveNew.setId("deploy-approve-new");
        planChanged.setId("deploy-plan-changed");
        show(confirmWeakening, false);
        show(simulationLabel, false);
    }

    /** The page's children below the heading, in reading order. */
    List<javafx.scene.Node> layout() {
        HBox actions = new HBox(10, deploy, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);
        return List.of(target, confirmWeakening, simulationLabel, actions, PageScaffold.section("Transaction"), steps,
                result, planChanged, log, PageScaffold.section("History on this server"),
                new HBox(10, refreshHistory, rollback), history);
    }

    /** Draws the run: one line per step, the log, the result; buttons follow whether a job runs. */
    void draw(DeployRun run) {
        steps.getChildren().setAll(run.steps().stream().map(DeployView::stepLine).toList());
        log.setText(String.join("\n", run.log()) + (run.log().isEmpty() ? "" : "\n"));
        log.positionCaret(log.getLength());
        DeployRun.Result ending = run.result();
        if (ending == null) {
            result.setText("");
            result.setGraphic(null);
        } else {
            result.setText(ending.text());
            result.setGraphic(ending.tone() == DeployRun.Tone.NEUTRAL ? null : new FontIcon(icon(ending.tone())));
            result.getStyleClass().setAll("label", style(ending.tone()));
        }
        cancel.setDisable(!run.running());
    }

    void showHistory(List<DeployRecord> records) {
        if (records.isEmpty()) {
            history.getChildren().setAll(PageScaffold.muted("No deploys recorded on this server yet."));
            return;
        }
        history.getChildren().clear();
        for (int i = records.size() - 1; i >= 0; i--) {
            DeployRecord r = records.get(i);
            Label line = new Label(r.created() + "  " + r.kind() + "  " + r.id() + "  " + r.state()
                    + (r.rollbackOf() == null || r.rollbackOf().isBlank() ? "" : "  (undoes " + r.rollbackOf() + ")")
                    + "  by " + r.client());
            line.setStyle("-fx-font-family: monospace;");
            history.getChildren().add(line);
        }
    }

    static void show(javafx.scene.Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }

    private static Label stepLine(DeployRun.StepLine step) {
        Label line = new Label(step.text(), new FontIcon(icon(step.tone())));
        line.setWrapText(true);
        line.getStyleClass().setAll("label", style(step.tone()));
        line.setId("deploy-step-" + step.step());
        return line;
    }

    private static Ikon icon(DeployRun.Tone tone) {
        return switch (tone) {
            case PENDING -> Material2OutlinedMZ.PENDING;
            case SUCCESS -> Material2OutlinedAL.CHECK_CIRCLE;
            case WARNING, DANGER -> Material2OutlinedMZ.REPORT;
            case NEUTRAL -> Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE;
        };
    }

    private static String style(DeployRun.Tone tone) {
        return switch (tone) {
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
            case PENDING, NEUTRAL -> Styles.TEXT_MUTED;
        };
    }
}
