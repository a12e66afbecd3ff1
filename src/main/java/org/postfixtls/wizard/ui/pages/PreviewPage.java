package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.plan.PlanPreview;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.lint.Finding;
import org.postfixtls.wizard.domain.config.lint.Severity;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.StepValidator;
import org.postfixtls.wizard.ui.wizard.Validation;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * The exact diff of every file with the reason for every change beside it, the risk notes and the lint findings
 * of the result. Nothing is deployed or exported without passing through this screen.
 */
public final class PreviewPage {

    private PreviewPage() {
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("preview", "Preview",
                "Exactly what will change, file by file, and why. Lines starting with + are added, - removed; "
                        + "everything else in your files stays byte for byte as it is.");
        Label summary = new Label("Planning…");
        summary.setId("preview-summary");
        summary.setWrapText(true);
        TabPane files = new TabPane();
        files.setId("preview-files");
        files.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        files.setPrefHeight(420);
        VBox findings = new VBox(6);
        findings.setId("preview-findings");
        Button saveProfile = new Button("Save profile…", new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        saveProfile.setId("preview-save-profile");
        saveProfile.setOnAction(e -> ProfileFiles.save(saveProfile, model, services));

        AtomicLong generation = new AtomicLong();
        Runnable replan = () -> {
            if (model.getServer() == null) {
                summary.setText("Connect to a server or open files first.");
                return;
            }
            long mine = generation.incrementAndGet();
            var server = model.getServer();
            var profile = model.getProfile();
            model.changeSetProperty().set(null);
            summary.setText("Planning…");
            services.tasks().supply(() -> PlanPreview.of(server.planRequest(profile))).whenComplete((preview, error) -> services.tasks().onFx(() -> {
                if (mine != generation.get()) {
                    return; // a newer edit is being planned
                }
                if (error != null) {
                    summary.setText("The plan could not be made: " + Background.unwrap(error).getMessage());
                    summary.getStyleClass().setAll("label", Styles.DANGER);
                    return;
                }
                model.changeSetProperty().set(preview.changeSet());
                show(preview, summary, files, findings);
            }));
        };
        model.profileProperty().addListener((o, old, p) -> replan.run());
        model.serverProperty().addListener((o, old, s) -> replan.run());
        replan.run();

        page.getChildren().addAll(summary, files, PageScaffold.section("Checks of the result"), findings,
                new HBox(10, saveProfile, PageScaffold.muted("The profile (JSON) applies the same choices to other "
                        + "servers: postfix-tls-wizard plan --profile FILE …")));
        return page;
    }

    private static void show(PlanPreview preview, Label summary, TabPane files, VBox findings) {
        summary.getStyleClass().setAll("label");
        List<Change> changes = preview.changeSet().changes();
        if (preview.changeSet().refused()) {
            summary.setText(PreviewSummary.of(preview.changeSet()));
            summary.setGraphic(new FontIcon(Material2OutlinedMZ.REPORT));
            summary.getStyleClass().setAll("label", Styles.DANGER);
        } else if (preview.changeSet().isEmpty()) {
            summary.setText(PreviewSummary.of(preview.changeSet()));
            summary.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
        } else {
            summary.setText(PreviewSummary.of(preview.changeSet()));
            summary.setGraphic(new FontIcon(Material2OutlinedAL.COMPARE));
        }
        String selected = files.getSelectionModel().getSelectedItem() == null ? null
                : files.getSelectionModel().getSelectedItem().getText();
        files.getTabs().clear();
        for (FileChange file : preview.changeSet().files()) {
            if (!file.changed()) {
                continue;
            }
            List<Change> reasons = changes.stream().filter(c -> c.file().equals(file.name())).toList();
            Tab tab = new Tab(file.name(), fileView(file, reasons));
            tab.setId("preview-tab-" + file.name().replace('.', '-'));
            files.getTabs().add(tab);
            if (file.name().equals(selected)) {
                files.getSelectionModel().select(tab);
            }
        }
        findings.getChildren().clear();
        for (String conflict : preview.changeSet().conflicts()) {
            findings.getChildren().add(PageScaffold.note("Conflict: " + conflict, Material2OutlinedMZ.WARNING,
                    Styles.WARNING));
        }
        for (String note : preview.changeSet().notes()) {
            findings.getChildren().add(PageScaffold.note(note, Material2OutlinedAL.INFO, null));
        }
        for (Finding finding : preview.findingsAfter()) {
            boolean error = finding.severity() == Severity.ERROR;
            Label line = PageScaffold.note("[" + finding.id() + "] " + finding.message() + " Fix: " + finding.fix(),
                    error ? Material2OutlinedMZ.REPORT : finding.severity() == Severity.WARNING
                            ? Material2OutlinedMZ.WARNING : Material2OutlinedAL.INFO,
                    error ? Styles.DANGER : finding.severity() == Severity.WARNING ? Styles.WARNING : null);
            line.getStyleClass().add("lint-finding");
            findings.getChildren().add(line);
        }
        if (findings.getChildren().isEmpty()) {
            findings.getChildren().add(PageScaffold.note("No findings.", Material2OutlinedAL.CHECK_CIRCLE, Styles.SUCCESS));
        }
    }

    private static SplitPane fileView(FileChange file, List<Change> reasons) {
        ListView<String> diff = diffView(UnifiedDiff.of(file));
        // a handful of reasons per file: a plain VBox wraps long sentences, which ListView cells do badly
        VBox reasonsBox = new VBox(10);
        reasonsBox.getStyleClass().add("reason-list");
        reasonsBox.setPadding(new javafx.geometry.Insets(8));
        for (Change change : reasons) {
            Label subject = new Label(change.summary().substring(change.file().length() + 2));
            subject.getStyleClass().add(Styles.TEXT_BOLD);
            subject.setWrapText(true);
            Label reason = new Label(change.reason() + " (" + change.source() + ")");
            reason.setWrapText(true);
            VBox box = new VBox(2, subject, reason);
            box.getStyleClass().add("reason");
            if (change.weakens()) {
                box.getChildren().add(PageScaffold.note("Weakens security the server had: " + change.risk()
                        + " Deploy asks you to confirm this.", Material2OutlinedMZ.REPORT, Styles.DANGER));
            } else if (change.risk() != null) {
                box.getChildren().add(PageScaffold.note("Risk: " + change.risk(), Material2OutlinedMZ.WARNING, Styles.WARNING));
            }
            reasonsBox.getChildren().add(box);
        }
        javafx.scene.control.ScrollPane why = new javafx.scene.control.ScrollPane(reasonsBox);
        why.setFitToWidth(true);
        SplitPane split = new SplitPane(diff, why);
        split.setDividerPositions(0.58);
        return split;
    }

    /** A unified diff, one line per row, hunk headers and added/removed lines coloured (also shown by Deploy). */
    static ListView<String> diffView(String unifiedDiff) {
        ListView<String> diff = new ListView<>();
        diff.getStyleClass().add("diff-view");
        diff.setFixedCellSize(22);
        diff.getItems().setAll(unifiedDiff.lines().toList());
        diff.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                getStyleClass().removeAll("diff-add", "diff-remove", "diff-hunk");
                if (empty || line == null) {
                    setText(null);
                    return;
                }
                setText(line);
                if (line.startsWith("@@")) {
                    getStyleClass().add("diff-hunk");
                } else if (line.startsWith("+") && !line.startsWith("+++")) {
                    getStyleClass().add("diff-add");
                } else if (line.startsWith("-") && !line.startsWith("---")) {
                    getStyleClass().add("diff-remove");
                }
            }
        });
        return diff;
    }

    /**
     * The plan must be on screen, and it must be the plan of the current choices. Passing approves it: the change
     * set on screen is what Deploy may apply (decision 0056).
     */
    public static StepValidator validator() {
        return model -> {
            var shown = model.changeSetProperty().get();
            if (shown == null) {
                return CompletableFuture.completedFuture(
                        Validation.veto("Preview: the plan is still being made (or failed); wait for the diff to appear."));
            }
            model.approvedChangeSetProperty().set(shown);
            return CompletableFuture.completedFuture(Validation.ok());
        };
    }
}
