package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.deploy.Cancellation;
import org.postfixtls.wizard.app.deploy.DeployListener;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployRecord;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.deploy.StepEvent;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.StepValidator;
import org.postfixtls.wizard.ui.wizard.Validation;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardServices;

/**
 * The transaction, step by step: lock, backup, staged validation with the server's own Postfix, atomic swap,
 * postmap, check, reload, health check — and on any failure the automatic rollback, shown as it happens.
 * Afterwards: the host's deploy history and a Roll back button.
 */
public final class DeployPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private DeployPage() {
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("deploy", "Deploy",
                "Apply the previewed change as one transaction. The server validates the new files with its own "
                        + "Postfix before touching the live ones, swaps them atomically, reloads and checks that mail "
                        + "is accepted; any failure restores the backup. Cancel is safe until the commit starts — "
                        + "from then on the server finishes on its own, even if this computer disconnects.");
        Label target = new Label();
        target.setId("deploy-target");
        target.setWrapText(true);
        Button deploy = new Button("Deploy now", new FontIcon(Material2OutlinedMZ.PUBLISH));
        deploy.setId("deploy-run");
        deploy.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button("Cancel");
        cancel.setId("deploy-cancel");
        cancel.setDisable(true);
        CheckBox confirmWeakening = new CheckBox();
        confirmWeakening.setId("deploy-confirm-weakening");
        confirmWeakening.setWrapText(true);
        confirmWeakening.setManaged(false);
        confirmWeakening.setVisible(false);
        HBox actions = new HBox(10, deploy, cancel);
        actions.setAlignment(Pos.CENTER_LEFT);

        VBox steps = new VBox(4);
        steps.setId("deploy-steps");
        Label result = new Label();
        result.setId("deploy-result");
        result.setWrapText(true);
        TextArea log = new TextArea();
        log.setId("deploy-log");
        log.setEditable(false);
        log.setPrefRowCount(8);
        log.setStyle("-fx-font-family: monospace;");

        VBox history = new VBox(4);
        history.setId("deploy-history");
        Button refreshHistory = new Button("Show history", new FontIcon(Material2OutlinedMZ.REFRESH));
        refreshHistory.setId("deploy-history-refresh");
        Button rollback = new Button("Roll back the last deploy", new FontIcon(Material2OutlinedMZ.SETTINGS_BACKUP_RESTORE));
        rollback.setId("deploy-rollback");

        Runnable showTarget = () -> {
            DeployChoices.Target state = DeployChoices.target(model.getConnectionMode(), model.getServer(),
                    model.approvedChangeSetProperty().get(), confirmWeakening.isSelected());
            target.setText(state.text());
            confirmWeakening.setText(state.needsConfirmation() ? state.weakening() + " Tick to deploy it anyway." : "");
            confirmWeakening.setVisible(state.needsConfirmation());
            confirmWeakening.setManaged(state.needsConfirmation());
            deploy.setDisable(!state.canDeploy());
            rollback.setDisable(!state.canUseHistory());
            refreshHistory.setDisable(!state.canUseHistory());
        };
        showTarget.run();
        confirmWeakening.selectedProperty().addListener((o, old, ticked) -> showTarget.run());
        model.approvedChangeSetProperty().addListener((o, old, c) -> {
            confirmWeakening.setSelected(false);
            showTarget.run();
        });
        model.serverProperty().addListener((o, old, s) -> showTarget.run());

        // a deploy stopped because the plan is no longer the approved one: why, the new diff, and its approval
        Label changedReason = new Label();
        changedReason.setId("deploy-plan-changed-reason");
        changedReason.setWrapText(true);
        ListView<String> newDiff = PreviewPage.diffView("");
        newDiff.setId("deploy-new-diff");
        newDiff.setPrefHeight(260);
        Button approveNew = new Button("Approve this change", new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
        approveNew.setId("deploy-approve-new");
        VBox planChanged = new VBox(8, changedReason, newDiff, approveNew);
        planChanged.setId("deploy-plan-changed");
        Runnable showPlanChanged = () -> {
            DeployReport last = model.lastDeployProperty().get();
            boolean changed = last != null && last.outcome() == DeployOutcome.PLAN_CHANGED;
            if (changed) {
                changedReason.setText(DeployChoices.planChangedReason(model.approvedChangeSetProperty().get(),
                        last.changeSet()));
                newDiff.getItems().setAll(last.diff().lines().toList());
                approveNew.setDisable(last.changeSet().isEmpty());
            }
            planChanged.setVisible(changed);
            planChanged.setManaged(changed);
        };
        showPlanChanged.run();
        model.lastDeployProperty().addListener((o, old, r) -> showPlanChanged.run());
        approveNew.setOnAction(e -> {
            model.approvedChangeSetProperty().set(model.lastDeployProperty().get().changeSet());
            planChanged.setVisible(false);
            planChanged.setManaged(false);
            result.setText("Approved the new change. Press Deploy now to apply it; the server is checked against it "
                    + "once more before anything is sent.");
            result.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
            result.getStyleClass().setAll("label");
        });

        AtomicReference<Cancellation> running = new AtomicReference<>();
        Map<String, Label> stepLines = new LinkedHashMap<>();
        DeployListener listener = event -> Background.onFx(() -> {
            log.appendText(TIME.format(LocalTime.now()) + "  [" + event.status().name().toLowerCase() + "] "
                    + event.step() + (event.message() == null || event.message().isBlank() ? "" : ": " + event.message()) + "\n");
            if (event.status() == StepEvent.Status.INFO) {
                return;
            }
            Label line = stepLines.computeIfAbsent(event.step(), step -> {
                Label created = new Label(step);
                created.setWrapText(true);
                steps.getChildren().add(created);
                return created;
            });
            line.setText(event.step() + (event.message() == null || event.message().isBlank() ? "" : " — " + event.message()));
            line.setGraphic(new FontIcon(switch (event.status()) {
                case START -> Material2OutlinedMZ.PENDING;
                case OK -> Material2OutlinedAL.CHECK_CIRCLE;
                case FAIL -> Material2OutlinedMZ.REPORT;
                case INFO -> Material2OutlinedAL.INFO;
            }));
            line.getStyleClass().setAll("label", event.status() == StepEvent.Status.FAIL ? Styles.DANGER
                    : event.status() == StepEvent.Status.OK ? Styles.SUCCESS : Styles.TEXT_MUTED);
            line.setUserData(event.status());
        });

        Runnable loadHistory = () -> {
            String configDir = model.getServer().configDirectory();
            history.getChildren().setAll(PageScaffold.muted("Reading the history from the server…"));
            Background.supply(() -> services.sshJobs().withSession(model.sshForm(),
                    session -> services.deploy().history(session, options(configDir))))
                    .whenComplete((records, error) -> Background.onFx(() -> {
                        if (error != null) {
                            history.getChildren().setAll(PageScaffold.note(ConnectPage.connectionProblem(
                                    Background.unwrap(error)), Material2OutlinedMZ.REPORT, Styles.DANGER));
                            return;
                        }
                        showHistory(history, records);
                    }));
        };
        refreshHistory.setOnAction(e -> loadHistory.run());

        deploy.setOnAction(e -> {
            if (!PageAlerts.confirm(deploy, "Deploy to " + model.sshForm().host.get() + "?",
                    "The change you approved on the Preview is applied as one transaction, with automatic rollback on "
                            + "any failure. If the server's files changed since, nothing is sent and the new diff "
                            + "is shown for approval.")) {
                return;
            }
            PlanHash approved = PlanHash.of(model.approvedChangeSetProperty().get());
            planChanged.setVisible(false);
            planChanged.setManaged(false);
            runJob(model, services, running, deploy, cancel, rollback, steps, stepLines, log, result, loadHistory,
                    (session, cancellation) -> services.deploy().deploy(session, model.getProfile(), approved,
                            options(model.getServer().configDirectory()), listener, cancellation));
        });
        rollback.setOnAction(e -> {
            if (!PageAlerts.confirm(rollback, "Roll back the most recent deploy on " + model.sshForm().host.get() + "?",
                    "The files return to their state before that deploy, byte for byte, with owner and mode; Postfix "
                            + "is reloaded and health-checked.")) {
                return;
            }
            runJob(model, services, running, deploy, cancel, rollback, steps, stepLines, log, result, loadHistory,
                    (session, cancellation) -> services.deploy().rollback(session, null,
                            options(model.getServer().configDirectory()), listener, cancellation));
        });
        cancel.setOnAction(e -> {
            Cancellation cancellation = running.get();
            if (cancellation != null) {
                cancellation.cancel();
                log.appendText(TIME.format(LocalTime.now()) + "  cancel requested: honoured unless the commit has started\n");
            }
        });

        page.getChildren().addAll(target, confirmWeakening, actions, PageScaffold.section("Transaction"), steps, result,
                planChanged, log,
                PageScaffold.section("History on this server"), new HBox(10, refreshHistory, rollback), history);
        return page;
    }

    @FunctionalInterface
    private interface Job {
        DeployReport run(org.postfixtls.wizard.app.remote.RemoteSession session, Cancellation cancellation);
    }

    private static void runJob(WizardModel model, WizardServices services, AtomicReference<Cancellation> running, Button deploy, Button cancel,
            Button rollback, VBox steps, Map<String, Label> stepLines, TextArea log, Label result, Runnable loadHistory,
            Job job) {
        Cancellation cancellation = new Cancellation();
        running.set(cancellation);
        deploy.setDisable(true);
        rollback.setDisable(true);
        cancel.setDisable(false);
        steps.getChildren().clear();
        stepLines.clear();
        log.clear();
        result.setText("Running…");
        result.setGraphic(null);
        result.getStyleClass().setAll("label");
        Background.supply(() -> services.sshJobs().withSession(model.sshForm(), session -> job.run(session, cancellation)))
                .whenComplete((report, error) -> Background.onFx(() -> {
                    running.set(null);
                    cancel.setDisable(true);
                    // the same change set as when Deploy was pressed, so its confirmation still holds
                    deploy.setDisable(false);
                    rollback.setDisable(false);
                    if (error != null) {
                        result.setText(ConnectPage.connectionProblem(Background.unwrap(error)));
                        result.setGraphic(new FontIcon(Material2OutlinedMZ.REPORT));
                        result.getStyleClass().setAll("label", Styles.DANGER);
                        return;
                    }
                    model.lastDeployProperty().set(report);
                    showResult(report, result);
                    closeOpenSteps(stepLines, report);
                    loadHistory.run();
                }));
    }

    /**
     * An umbrella step (the server-side "commit") only ever reports its start; its sub-steps report the rest. Once
     * the job has ended, such a line must not keep a pending icon as if something were still running.
     */
    private static void closeOpenSteps(Map<String, Label> stepLines, DeployReport report) {
        for (Label line : stepLines.values()) {
            if (line.getUserData() == StepEvent.Status.START) {
                boolean ok = report.outcome().succeeded();
                line.setGraphic(new FontIcon(ok ? Material2OutlinedAL.CHECK_CIRCLE : Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE));
                line.getStyleClass().setAll("label", ok ? Styles.SUCCESS : Styles.TEXT_MUTED);
                line.setUserData(ok ? StepEvent.Status.OK : null);
            }
        }
    }

    static void showResult(DeployReport report, Label result) {
        DeployOutcome outcome = report.outcome();
        String text = DeployChoices.resultText(report);
        result.setText(text);
        result.setGraphic(new FontIcon(outcome.succeeded() ? Material2OutlinedAL.CHECK_CIRCLE : Material2OutlinedMZ.REPORT));
        result.getStyleClass().setAll("label", outcome.succeeded() ? Styles.SUCCESS
                : outcome.changedNothing() ? Styles.WARNING : Styles.DANGER);
    }

    private static void showHistory(VBox history, List<DeployRecord> records) {
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

    static DeployOptions options(String configDirectory) {
        return DeployOptions.defaults().withConfigDirectory(configDirectory);
    }

    /** Moving on to Verify needs a deploy that ended well (or an explicit "nothing to change"); the demo moves freely. */
    public static StepValidator validator() {
        return model -> {
            if (model.getConnectionMode() != ConnectionMode.SSH_SERVER) {
                return CompletableFuture.completedFuture(Validation.ok());
            }
            DeployReport last = model.lastDeployProperty().get();
            if (last == null || !last.outcome().succeeded() && last.outcome() != DeployOutcome.ROLLED_BACK) {
                return CompletableFuture.completedFuture(Validation.veto(
                        "Deploy: run the deploy first (or go Back and change your choices); Verify proves what is live."));
            }
            return CompletableFuture.completedFuture(Validation.ok());
        };
    }
}
