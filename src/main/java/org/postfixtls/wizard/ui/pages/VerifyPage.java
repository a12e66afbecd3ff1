package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.app.verify.ServerInspector;
import org.postfixtls.wizard.app.verify.ServerSideRequest;
import org.postfixtls.wizard.app.verify.VerificationEngine;
import org.postfixtls.wizard.app.verify.VerificationHandle;
import org.postfixtls.wizard.app.verify.VerificationListener;
import org.postfixtls.wizard.app.verify.VerificationRequest;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.cert.TrustAnchors;
import org.postfixtls.wizard.domain.verify.ExpectedCertificate;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.VerificationSetup;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * The live proof: probes the ports from this computer (STARTTLS, each TLS version, weak cipher classes, the
 * certificate as served, AUTH only after TLS), checks DNS, and — with server access — reads the mail log and runs
 * posttls-finger; then maps the evidence to the runbook's "Done" checklist. The engine decides; this page only shows.
 * The run's state lives in {@link VerifyRun}, the form in {@link VerifyForm}, the results in {@link VerifyResultsView};
 * on the demo server, {@link VerifyRecordings} shows a verification recorded from a real test server.
 */
public final class VerifyPage {

    private final WizardModel model;
    private final WizardServices services;
    private final VerifyForm form;
    private final VerifyRun run = new VerifyRun();
    private final VerifyResultsView results = new VerifyResultsView("verify-", "");
    private final Button runButton = new Button("Run verification", new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label step = PageScaffold.muted("");
    private final Button saveHtml = new Button("HTML report…", new FontIcon(Material2OutlinedMZ.SAVE_ALT));
    private final Button saveMd = new Button("Markdown…");
    private final Button saveJson = new Button("JSON…");
    private final HBox exports = new HBox(10, saveHtml, saveMd, saveJson);

    private VerifyPage(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        this.form = new VerifyForm(model);
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("verify", "Verify",
                "Prove the result from outside, the way a mail server or mail program meets it, in about a second. "
                        + "Every line below is evidence the server gave, not an assumption.");
        VerifyPage verify = new VerifyPage(model, services);
        verify.wire(page);
        if (model.getConnectionMode() == ConnectionMode.DEMO) {
            page.getChildren().add(new VerifyRecordings().node());
            page.getChildren().add(PageScaffold.section("Verify a real server"));
        }
        page.getChildren().addAll(verify.form.grid(), verify.actions(), verify.results.summary, verify.results.tiles,
                PageScaffold.section("The runbook's \"Done\" checklist"), verify.results.checklist,
                verify.results.other, PageScaffold.section("Keep the evidence"), verify.exports);
        return page;
    }

    private HBox actions() {
        HBox actions = new HBox(10, runButton, cancel, progress, step);
        actions.setAlignment(Pos.CENTER_LEFT);
        return actions;
    }

    private void wire(VBox page) {
        runButton.setId("verify-run");
        runButton.getStyleClass().add(Styles.ACCENT);
        cancel.setId("verify-cancel");
        progress.setId("verify-progress");
        progress.setPrefWidth(220);
        exports.setId("verify-exports");
        run.onChange(this::draw);
        draw();
        form.prefill(model);
        page.sceneProperty().addListener((o, old, scene) -> form.prefill(model));
        runButton.setOnAction(e -> start());
        cancel.setOnAction(e -> run.cancel());
        saveHtml.setOnAction(e -> VerifyReportFiles.save(services, saveHtml, model.lastVerificationProperty().get(), "html"));
        saveMd.setOnAction(e -> VerifyReportFiles.save(services, saveMd, model.lastVerificationProperty().get(), "md"));
        saveJson.setOnAction(e -> VerifyReportFiles.save(services, saveJson, model.lastVerificationProperty().get(), "json"));
        // right after a deploy the proof should not wait for a click
        var deployed = model.lastDeployProperty().get();
        if (model.getConnectionMode() == ConnectionMode.SSH_SERVER && deployed != null && deployed.outcome().succeeded()) {
            Platform.runLater(runButton::fire);
        }
    }

    private void draw() {
        boolean running = run.running();
        runButton.setDisable(running);
        runButton.setText(run.ranBefore() ? "Run again" : "Run verification");
        cancel.setDisable(!running);
        progress.setVisible(running);
        progress.setProgress(run.progress());
        step.setText(run.step());
        results.summary(run.summary());
        results.tiles(run.tiles());
        results.findings(run.display());
        exports.setDisable(run.report() == null);
        if (run.report() != null) {
            model.lastVerificationProperty().set(run.report());
        }
    }

    private void start() {
        String problem = form.problem();
        if (problem != null) {
            run.refuse(problem);
            return;
        }
        Inputs inputs = inputs();
        VerifyRun.Attempt attempt = run.start(inputs.host());
        // per attempt: an abandoned attempt whose session opens late must close its own session, not a newer one's
        AtomicReference<VerificationSetup.ServerAccess> openAccess = new AtomicReference<>();
        Runnable closeAccess = () -> closeInBackground(openAccess.getAndSet(null));
        Background.supply(() -> startEngine(inputs, attempt, openAccess))
                .whenComplete((handle, startError) -> Background.onFx(() -> {
                    if (startError != null) {
                        closeAccess.run();
                        Throwable cause = Background.unwrap(startError);
                        run.couldNotStart(attempt, cause instanceof BadInputException ? "Trust: " + cause.getMessage()
                                : ConnectPage.connectionProblem(cause));
                    } else if (!run.started(attempt, handle)) {
                        handle.cancel();
                        handle.report().whenComplete((r, e) -> Background.onFx(closeAccess));
                    } else {
                        handle.report().whenComplete((report, error) -> Background.onFx(() -> {
                            closeAccess.run();
                            run.ended(attempt, report, error == null ? null : Background.unwrap(error));
                        }));
                    }
                }));
    }

    /** Everything the engine needs, read from the form and the model on the FX thread. */
    private record Inputs(String host, List<PortTarget> targets, Optional<String> mailDomain,
            Optional<String> expectedSha, List<ExpectedCertificate> chosenPair, List<String> names, String caFile,
            String configDir, String outboundLevel, Optional<String> reportAddress, boolean postQuantum) {
    }

    private Inputs inputs() {
        String mailDomain = form.domain.getText().trim();
        return new Inputs(form.host.getText().trim(), form.targets(),
                mailDomain.isEmpty() ? Optional.empty() : Optional.of(mailDomain),
                VerifyChoices.expectedFingerprint(model.getProfile(), model.certificateProperty().get(),
                        model.certificateReportProperty().get()),
                VerifyChoices.chosenPair(model.getProfile(), model.certificateProperty().get(),
                        model.certificateReportProperty().get(), model.secondCertificateProperty().get(),
                        model.secondCertificateReportProperty().get()),
                model.getServer() == null ? List.of() : model.getServer().myhostname().stream().toList(),
                form.caBundle.getText().trim(), model.getServer() == null ? null : model.getServer().configDirectory(),
                model.getProfile().outbound().level().postfixName(),
                Optional.ofNullable(model.getProfile().mtaSts()).map(sts -> sts.reportAddress()),
                // a choice the plan refused (the server cannot) is not held against the server
                model.getProfile().hardening().pqKeyExchange()
                        && HardeningChoices.postQuantum(model.getServer()).enabled());
    }

    /** Off the FX thread: trust anchors, DNS, the SSH session for the server side, then the engine. */
    private VerificationHandle startEngine(Inputs in, VerifyRun.Attempt attempt,
            AtomicReference<VerificationSetup.ServerAccess> openAccess) {
        Optional<TrustAnchors> trust = in.caFile().isEmpty() ? services.trust().system()
                : Optional.of(services.trust().bundle(Path.of(in.caFile())));
        Optional<VerificationSetup.ServerAccess> access = services.serverAccess().open(model);
        openAccess.set(access.orElse(null));
        Optional<ServerInspector> inspector = access.map(VerificationSetup.ServerAccess::inspector);
        VerificationEngine engine = services.verification().engine(!in.mailDomain().isEmpty(), inspector);
        Optional<ServerSideRequest> serverSide = inspector.map(i -> new ServerSideRequest(
                Optional.ofNullable(in.configDir()).filter(d -> !d.equals("/etc/postfix")), in.outboundLevel(),
                Optional.empty(), Optional.empty()));
        VerificationRequest request = new VerificationRequest(in.host(), in.targets(),
                new PortExpectations(trust, in.chosenPair().isEmpty() ? in.expectedSha() : Optional.empty(), in.names(),
                        Duration.ofDays(21), in.chosenPair()).withPostQuantum(in.postQuantum()), in.mailDomain(),
                serverSide, ProbeTimeouts.DEFAULT, in.reportAddress());
        return engine.start(request, listener(attempt));
    }

    private VerificationListener listener(VerifyRun.Attempt attempt) {
        return new VerificationListener() {
            @Override
            public void progress(int finished, int total, String what) {
                Background.onFx(() -> run.progress(attempt, finished, total, what));
            }

            @Override
            public void portFinished(PortResult result) {
                Background.onFx(() -> run.portFinished(attempt, result));
            }
        };
    }

    private static void closeInBackground(VerificationSetup.ServerAccess access) {
        if (access != null) {
            Background.supply(() -> {
                access.close();
                return null;
            });
        }
    }
}
