package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.deploy.Cancellation;
import org.postfixtls.wizard.app.deploy.DeployListener;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.deploy.StepEvent;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.StepValidator;
import org.postfixtls.wizard.ui.wizard.Validation;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * The transaction, step by step: lock, backup, staged validation with the server's own Postfix, atomic swap,
 * postmap, check, reload, health check — and on any failure the automatic rollback, shown as it happens.
 * Afterwards: the host's deploy history and a Roll back button. On the demo server the same steps play as a
 * labelled simulation. The run's state lives in {@link DeployRun}, the controls in {@link DeployView}.
 */
public final class DeployPage {

    /** How long each simulated step stays on screen, so a class can follow the transaction. */
    private static final Duration SIMULATED_STEP = Duration.millis(250);

    private final WizardModel model;
    private final DeployView view = new DeployView();
    private final DeployRun run = new DeployRun();
    private final DeployRun simulation = new DeployRun("[simulated] ");
    private Timeline playing;

    private final WizardServices services;

    private DeployPage(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("deploy", "Deploy",
                "Apply the previewed change as one transaction. The server validates the new files with its own "
                        + "Postfix before touching the live ones, swaps them atomically, reloads and checks that mail "
                        + "is accepted; any failure restores the backup. Cancel is safe until the commit starts — "
                        + "from then on the server finishes on its own, even if this computer disconnects.");
        DeployPage deployPage = new DeployPage(model, services);
        deployPage.wire();
        page.getChildren().addAll(deployPage.view.layout());
        return page;
    }

    private void wire() {
        run.onChange(() -> view.draw(run));
        simulation.onChange(() -> view.draw(simulation));
        showTarget();
        view.confirmWeakening.selectedProperty().addListener((o, old, ticked) -> showTarget());
        model.approvedChangeSetProperty().addListener((o, old, c) -> {
            view.confirmWeakening.setSelected(false);
            showTarget();
        });
        model.serverProperty().addListener((o, old, s) -> showTarget());
        showPlanChanged();
        model.lastDeployProperty().addListener((o, old, r) -> showPlanChanged());
        view.approveNew.setOnAction(e -> approveNewPlan());
        view.refreshHistory.setOnAction(e -> loadHistory());
        view.deploy.setOnAction(e -> {
            if (simulated()) {
                simulate();
            } else {
                deploy();
            }
        });
        view.rollback.setOnAction(e -> rollback());
        view.cancel.setOnAction(e -> cancel());
    }

    private boolean simulated() {
        return model.getConnectionMode() == ConnectionMode.DEMO;
    }

    private void showTarget() {
        DeployChoices.Target state = DeployChoices.target(model.getConnectionMode(), model.getServer(),
                model.approvedChangeSetProperty().get(), view.confirmWeakening.isSelected());
        view.target.setText(state.text());
        view.confirmWeakening.setText(state.needsConfirmation() ? state.weakening() + " Tick to deploy it anyway." : "");
        DeployView.show(view.confirmWeakening, state.needsConfirmation());
        DeployView.show(view.simulationLabel, simulated());
        view.deploy.setText(simulated() ? "Simulate the deploy" : "Deploy now");
        view.deploy.setDisable(!(state.canDeploy() || state.canSimulate()) || run.running() || playing != null);
        view.rollback.setDisable(!state.canUseHistory());
        view.refreshHistory.setDisable(!state.canUseHistory());
    }

    /** A deploy stopped because the plan is no longer the approved one: why, the new diff, and its approval. */
    private void showPlanChanged() {
        DeployReport last = model.lastDeployProperty().get();
        boolean changed = last != null && last.outcome() == DeployOutcome.PLAN_CHANGED;
        if (changed) {
            view.changedReason.setText(DeployChoices.planChangedReason(model.approvedChangeSetProperty().get(),
                    last.changeSet()));
            view.newDiff.getItems().setAll(last.diff().lines().toList());
            view.approveNew.setDisable(last.changeSet().isEmpty());
        }
        DeployView.show(view.planChanged, changed);
    }

    private void approveNewPlan() {
        model.approvedChangeSetProperty().set(model.lastDeployProperty().get().changeSet());
        DeployView.show(view.planChanged, false);
        run.note("Approved the new change. Press Deploy now to apply it; the server is checked against it once more "
                + "before anything is sent.", DeployRun.Tone.SUCCESS);
    }

    private void loadHistory() {
        String configDir = model.getServer().configDirectory();
        view.history.getChildren().setAll(PageScaffold.muted("Reading the history from the server…"));
        Background.supply(() -> services.sshJobs().withSession(model.sshForm(),
                session -> services.deploy().history(session, options(configDir))))
                .whenComplete((records, error) -> Background.onFx(() -> {
                    if (error != null) {
                        view.history.getChildren().setAll(PageScaffold.note(ConnectPage.connectionProblem(
                                Background.unwrap(error)), Material2OutlinedMZ.REPORT, Styles.DANGER));
                        return;
                    }
                    view.showHistory(records);
                }));
    }

    private void deploy() {
        if (!PageAlerts.confirm(view.deploy, "Deploy to " + model.sshForm().host.get() + "?",
                "The change you approved on the Preview is applied as one transaction, with automatic rollback on "
                        + "any failure. If the server's files changed since, nothing is sent and the new diff "
                        + "is shown for approval.")) {
            return;
        }
        PlanHash approved = PlanHash.of(model.approvedChangeSetProperty().get());
        DeployView.show(view.planChanged, false);
        runJob((session, listener, cancellation) -> services.deploy().deploy(session, model.getProfile(), approved,
                options(model.getServer().configDirectory()), listener, cancellation));
    }

    private void rollback() {
        if (!PageAlerts.confirm(view.rollback, "Roll back the most recent deploy on " + model.sshForm().host.get() + "?",
                "The files return to their state before that deploy, byte for byte, with owner and mode; Postfix "
                        + "is reloaded and health-checked.")) {
            return;
        }
        runJob((session, listener, cancellation) -> services.deploy().rollback(session, null,
                options(model.getServer().configDirectory()), listener, cancellation));
    }

    private void cancel() {
        if (playing != null) {
            playing.stop();
            playing = null;
            simulation.finish(new DeployRun.Result("SIMULATION cancelled. On a real server, Cancel is honoured until "
                    + "the commit starts; nothing was sent anywhere.", DeployRun.Tone.WARNING), false);
            showTarget();
            return;
        }
        run.requestCancel(LocalTime.now());
    }

    @FunctionalInterface
    private interface Job {
        DeployReport run(RemoteSession session, DeployListener listener, Cancellation cancellation);
    }

    private void runJob(Job job) {
        Cancellation cancellation = new Cancellation();
        run.start(cancellation);
        view.deploy.setDisable(true);
        view.rollback.setDisable(true);
        DeployListener listener = event -> Background.onFx(() -> run.event(event, LocalTime.now()));
        Background.supply(() -> services.sshJobs().withSession(model.sshForm(),
                session -> job.run(session, listener, cancellation)))
                .whenComplete((report, error) -> Background.onFx(() -> {
                    // the same change set as when Deploy was pressed, so its confirmation still holds
                    view.deploy.setDisable(false);
                    view.rollback.setDisable(false);
                    if (error != null) {
                        run.failed(ConnectPage.connectionProblem(Background.unwrap(error)));
                        return;
                    }
                    model.lastDeployProperty().set(report);
                    run.finished(report);
                    loadHistory();
                }));
    }

    /** Plays the demo's transaction one step at a time; nothing leaves the wizard and no deploy is recorded. */
    private void simulate() {
        List<StepEvent> events = DeploySimulation.events(model.getServer(), model.approvedChangeSetProperty().get());
        simulation.start(new Cancellation());
        Timeline timeline = new Timeline();
        for (int i = 0; i < events.size(); i++) {
            StepEvent event = events.get(i);
            timeline.getKeyFrames().add(new KeyFrame(SIMULATED_STEP.multiply(i + 1),
                    e -> simulation.event(event, LocalTime.now())));
        }
        timeline.setOnFinished(e -> {
            playing = null;
            simulation.finish(new DeployRun.Result(DeploySimulation.resultText(), DeployRun.Tone.SUCCESS), true);
            showTarget();
        });
        playing = timeline;
        showTarget();
        timeline.play();
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
