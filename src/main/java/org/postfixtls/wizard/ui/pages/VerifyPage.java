package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.workspace.ListeningPorts;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.app.verify.ReportDocument;
import org.postfixtls.wizard.app.verify.ReportHtml;
import org.postfixtls.wizard.app.verify.ReportText;
import org.postfixtls.wizard.app.verify.ServerInspector;
import org.postfixtls.wizard.app.verify.ServerSideRequest;
import org.postfixtls.wizard.app.verify.VerificationEngine;
import org.postfixtls.wizard.app.verify.VerificationHandle;
import org.postfixtls.wizard.app.verify.VerificationListener;
import org.postfixtls.wizard.app.verify.VerificationRequest;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.cert.TrustAnchors;
import org.postfixtls.wizard.domain.verify.Check;
import org.postfixtls.wizard.domain.verify.CheckStatus;
import org.postfixtls.wizard.domain.verify.MailLogSummary;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.TlsTrust;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.VerificationSetup;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardServices;

/**
 * The live proof: probes the ports from this computer (STARTTLS, each TLS version, weak cipher classes, the
 * certificate as served, AUTH only after TLS), checks DNS, and — with server access — reads the mail log and runs
 * posttls-finger; then maps the evidence to the runbook's "Done" checklist. The engine decides; this page only shows.
 */
public final class VerifyPage {

    private VerifyPage() {
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("verify", "Verify",
                "Prove the result from outside, the way a mail server or mail program meets it, in about a second. "
                        + "Every line below is evidence the server gave, not an assumption.");
        TextField host = new TextField();
        host.setId("verify-host");
        host.setPromptText("mail.example.com");
        TextField smtp = port("verify-smtp-port", 25);
        TextField submission = port("verify-submission-port", model.getProfile().submission().starttls().port());
        TextField submissions = port("verify-submissions-port", model.getProfile().submission().implicitTls().port());
        TextField domain = new TextField();
        domain.setId("verify-domain");
        domain.setPromptText("example.com (optional: checks MX, TLSA, MTA-STS, TLS-RPT)");
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Host"), host, new Label("Mail domain"), domain);
        form.addRow(1, new Label("SMTP port"), smtp, new Label("Submission / submissions"), new HBox(8, submission, submissions));
        TextField caBundle = new TextField();
        caBundle.setId("verify-ca-file");
        caBundle.setPromptText("empty: this computer's CA bundle (or a PEM file for a private CA)");
        caBundle.setAccessibleText("CA bundle the served certificate must chain to");
        Button browseCa = new Button("", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        browseCa.setAccessibleText("Choose a CA bundle");
        browseCa.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("CA bundle (PEM) the server's certificate must chain to");
            File chosen = chooser.showOpenDialog(browseCa.getScene().getWindow());
            if (chosen != null) {
                caBundle.setText(chosen.getAbsolutePath());
            }
        });
        HBox caRow = new HBox(8, caBundle, browseCa);
        HBox.setHgrow(caBundle, javafx.scene.layout.Priority.ALWAYS);
        form.add(new Label("Trust"), 0, 2);
        form.add(caRow, 1, 2, 3, 1);

        Button run = new Button("Run verification", new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
        run.setId("verify-run");
        run.getStyleClass().add(Styles.ACCENT);
        Button cancel = new Button("Cancel");
        cancel.setId("verify-cancel");
        cancel.setDisable(true);
        ProgressBar progress = new ProgressBar(0);
        progress.setId("verify-progress");
        progress.setPrefWidth(220);
        progress.setVisible(false);
        Label step = PageScaffold.muted("");
        HBox actions = new HBox(10, run, cancel, progress, step);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("verify-summary");
        summary.setWrapText(true);
        FlowPane tiles = new FlowPane(12, 12);
        tiles.setId("verify-tiles");
        VBox checklist = new VBox(6);
        checklist.setId("verify-checklist");
        VBox other = new VBox(6);
        other.setId("verify-other");
        Button saveHtml = new Button("HTML report…", new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        Button saveMd = new Button("Markdown…");
        Button saveJson = new Button("JSON…");
        HBox exports = new HBox(10, saveHtml, saveMd, saveJson);
        exports.setId("verify-exports");
        exports.setDisable(true);

        Runnable prefill = () -> {
            if (host.getText().isBlank()) {
                if (model.getConnectionMode() == ConnectionMode.SSH_SERVER) {
                    host.setText(model.sshForm().host.get());
                }
            }
            if (domain.getText().isBlank() && model.getProfile().mtaSts() != null) {
                domain.setText(model.getProfile().mtaSts().domain());
            }
        };
        prefill.run();
        page.sceneProperty().addListener((o, old, scene) -> prefill.run());
        if (model.getServer() != null) {
            String master = model.changeSetProperty().get() != null
                    ? model.changeSetProperty().get().content(org.postfixtls.wizard.domain.config.plan.Planner.MASTER_CF)
                    : model.getServer().masterCf();
            smtp.setText(Integer.toString(ListeningPorts.smtpPort(master, java.util.Set.of(
                    model.getProfile().submission().starttls().port(), model.getProfile().submission().implicitTls().port()))));
        }

        AtomicReference<VerificationHandle> running = new AtomicReference<>();
        // the running attempt's "abandoned" flag: Cancel must work even while the SSH session is still opening (no
        // handle yet), and a cancelled run must not add tiles that would read like a verdict
        AtomicReference<AtomicBoolean> currentRun = new AtomicReference<>();
        run.setOnAction(e -> {
            String problem = problem(host.getText(), List.of(smtp, submission, submissions));
            if (problem != null) {
                summary.setText(problem);
                summary.setGraphic(new FontIcon(Material2OutlinedMZ.WARNING));
                summary.getStyleClass().setAll("label", Styles.DANGER);
                return;
            }
            run.setDisable(true);
            cancel.setDisable(false);
            exports.setDisable(true);
            progress.setVisible(true);
            progress.setProgress(0);
            tiles.getChildren().clear();
            checklist.getChildren().clear();
            other.getChildren().clear();
            summary.getStyleClass().setAll("label");
            summary.setGraphic(null);
            summary.setText("Verifying " + host.getText().trim() + " …");
            AtomicBoolean abandoned = new AtomicBoolean();
            currentRun.set(abandoned);
            // per run: an abandoned run whose session opens late must close its own session, not a newer run's
            AtomicReference<VerificationSetup.ServerAccess> openAccess = new AtomicReference<>();
            Runnable closeAccess = () -> closeInBackground(openAccess.getAndSet(null));
            String targetHost = host.getText().trim();
            List<PortTarget> targets = targets(targetHost, smtp, submission, submissions);
            String mailDomain = domain.getText().trim();
            Optional<String> expectedSha = VerifyChoices.expectedFingerprint(model.getProfile(),
                    model.certificateProperty().get(), model.certificateReportProperty().get());
            List<String> names = model.getServer() == null ? List.of() : model.getServer().myhostname().stream().toList();
            String outboundLevel = model.getProfile().outbound().level().postfixName();
            String caFile = caBundle.getText().trim();
            Background.supply(() -> {
                Optional<TrustAnchors> trust = caFile.isEmpty() ? services.trust().system()
                        : Optional.of(services.trust().bundle(Path.of(caFile)));
                Optional<VerificationSetup.ServerAccess> access = services.serverAccess().open(model);
                openAccess.set(access.orElse(null));
                Optional<ServerInspector> inspector = access.map(VerificationSetup.ServerAccess::inspector);
                String configDir = model.getServer() == null ? null : model.getServer().configDirectory();
                VerificationEngine engine = services.verification().engine(!mailDomain.isEmpty(), inspector);
                VerificationRequest request = new VerificationRequest(targetHost, targets,
                        new PortExpectations(trust, expectedSha, names, Duration.ofDays(21)),
                        mailDomain.isEmpty() ? Optional.empty() : Optional.of(mailDomain),
                        inspector.isPresent()
                                ? Optional.of(new ServerSideRequest(Optional.ofNullable(configDir).filter(d -> !d.equals("/etc/postfix")),
                                        outboundLevel, Optional.empty(), Optional.empty()))
                                : Optional.empty(),
                        ProbeTimeouts.DEFAULT,
                        Optional.ofNullable(model.getProfile().mtaSts()).map(sts -> sts.reportAddress()));
                return engine.start(request, new VerificationListener() {
                    @Override
                    public void progress(int finished, int total, String what) {
                        Background.onFx(() -> {
                            progress.setProgress(total == 0 ? 0 : (double) finished / total);
                            step.setText(what);
                        });
                    }

                    @Override
                    public void portFinished(PortResult result) {
                        Background.onFx(() -> {
                            if (!abandoned.get()) {
                                tiles.getChildren().add(tile(result));
                            }
                        });
                    }
                });
            }).whenComplete((handle, startError) -> Background.onFx(() -> {
                if (abandoned.get()) {
                    if (handle != null) {
                        handle.cancel();
                        handle.report().whenComplete((r, e2) -> Background.onFx(closeAccess));
                    } else {
                        closeAccess.run();
                    }
                    return;
                }
                if (startError != null) {
                    closeAccess.run();
                    finish(run, cancel, progress, step);
                    Throwable cause = Background.unwrap(startError);
                    fail(summary, cause instanceof BadInputException ? "Trust: " + cause.getMessage()
                            : ConnectPage.connectionProblem(cause));
                    return;
                }
                running.set(handle);
                handle.report().whenComplete((report, error) -> Background.onFx(() -> {
                    running.set(null);
                    currentRun.compareAndSet(abandoned, null);
                    closeAccess.run();
                    finish(run, cancel, progress, step);
                    if (error != null) {
                        Throwable cause = Background.unwrap(error);
                        fail(summary, cause instanceof CancellationException ? "Cancelled; nothing was changed."
                                : "The verification stopped: " + cause.getMessage());
                        return;
                    }
                    model.lastVerificationProperty().set(report);
                    show(report, summary, tiles, checklist, other);
                    exports.setDisable(false);
                }));
            }));
        });
        cancel.setOnAction(e -> {
            AtomicBoolean abandoned = currentRun.getAndSet(null);
            if (abandoned != null) {
                abandoned.set(true);
            }
            VerificationHandle handle = running.get();
            if (handle != null) {
                handle.cancel();
            } else if (abandoned != null) { // still opening: its session is closed as soon as it answers
                finish(run, cancel, progress, step);
                fail(summary, "Cancelled; nothing was changed.");
            }
        });
        saveHtml.setOnAction(e -> save(services, saveHtml, model.lastVerificationProperty().get(), "html"));
        saveMd.setOnAction(e -> save(services, saveMd, model.lastVerificationProperty().get(), "md"));
        saveJson.setOnAction(e -> save(services, saveJson, model.lastVerificationProperty().get(), "json"));

        // right after a deploy the proof should not wait for a click
        var deployed = model.lastDeployProperty().get();
        if (model.getConnectionMode() == ConnectionMode.SSH_SERVER && deployed != null && deployed.outcome().succeeded()) {
            javafx.application.Platform.runLater(run::fire);
        }

        page.getChildren().addAll(form, actions, summary, tiles, PageScaffold.section("The runbook's \"Done\" checklist"),
                checklist, other, PageScaffold.section("Keep the evidence"), exports);
        return page;
    }

    private static TextField port(String id, int value) {
        TextField field = new TextField(Integer.toString(value));
        field.setId(id);
        field.setPrefColumnCount(5);
        return field;
    }

    static String problem(String host, List<TextField> ports) {
        if (!host.trim().matches("[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[?[0-9A-Fa-f:.]+]?")) {
            return "Host: enter the server's host name or IP address.";
        }
        for (TextField field : ports) {
            if (!field.getText().trim().matches("[0-9]{1,5}") || Integer.parseInt(field.getText().trim()) > 65535) {
                return "Ports: " + field.getText() + " is not a port; enter 1-65535, or 0 to skip that service.";
            }
        }
        return null;
    }

    private static List<PortTarget> targets(String host, TextField smtp, TextField submission, TextField submissions) {
        List<PortTarget> targets = new ArrayList<>();
        addIfSet(targets, host, smtp, PortRole.SMTP);
        addIfSet(targets, host, submission, PortRole.SUBMISSION);
        addIfSet(targets, host, submissions, PortRole.SUBMISSIONS);
        return targets;
    }

    private static void addIfSet(List<PortTarget> targets, String host, TextField field, PortRole role) {
        int port = Integer.parseInt(field.getText().trim());
        if (port > 0) {
            targets.add(new PortTarget(host, port, role));
        }
    }

    private static void closeInBackground(VerificationSetup.ServerAccess access) {
        if (access != null) {
            Background.supply(() -> {
                access.close();
                return null;
            });
        }
    }

    private static void finish(Button run, Button cancel, ProgressBar progress, Label step) {
        run.setDisable(false);
        run.setText("Run again");
        cancel.setDisable(true);
        progress.setVisible(false);
        step.setText("");
    }

    private static void fail(Label summary, String message) {
        summary.setText(message);
        summary.setGraphic(new FontIcon(Material2OutlinedMZ.REPORT));
        summary.getStyleClass().setAll("label", Styles.DANGER);
    }

    private static void show(VerificationReport report, Label summary, FlowPane tiles, VBox checklist, VBox other) {
        CheckStatus status = report.status();
        long fails = report.checks().stream().filter(c -> c.status() == CheckStatus.FAIL).count();
        long warns = report.checks().stream().filter(c -> c.status() == CheckStatus.WARN).count();
        summary.setText(switch (status) {
            case PASS -> "Everything verified in " + report.elapsed().toMillis() + " ms.";
            case WARN -> warns + " warning(s), no failure (" + report.elapsed().toMillis() + " ms).";
            case FAIL -> fails + " check(s) failed — each shows its fix below.";
            case SKIPPED -> "Nothing could be checked.";
        });
        summary.setGraphic(icon(status));
        summary.getStyleClass().setAll("label", style(status));
        tiles.getChildren().setAll(report.ports().stream().map(VerifyPage::tile).toList());
        checklist.getChildren().setAll(report.checklist().stream().map(VerifyPage::checkLine).toList());
        other.getChildren().clear();
        report.dns().ifPresent(dns -> {
            other.getChildren().add(PageScaffold.section("DNS"));
            dns.checks().forEach(c -> other.getChildren().add(checkLine(c)));
        });
        report.server().ifPresent(server -> {
            other.getChildren().add(PageScaffold.section("On the server"));
            server.checks().forEach(c -> other.getChildren().add(checkLine(c)));
            server.observation().mailLog().ifPresent(log -> other.getChildren().add(mailLog(log)));
        });
        List<Check> portFailures = report.ports().stream().flatMap(p -> p.checks().stream())
                .filter(c -> c.status() == CheckStatus.FAIL || c.status() == CheckStatus.WARN).toList();
        if (!portFailures.isEmpty()) {
            other.getChildren().add(PageScaffold.section("Port findings"));
            portFailures.forEach(c -> other.getChildren().add(checkLine(c)));
        }
    }

    static VBox tile(PortResult result) {
        VBox tile = new VBox(4);
        tile.getStyleClass().add("port-tile");
        tile.setId("tile-" + result.target().port());
        tile.setPadding(new Insets(10));
        tile.setPrefWidth(250);
        Label title = new Label(result.target().role().label() + " :" + result.target().port(), icon(result.status()));
        title.getStyleClass().addAll(Styles.TITLE_4, style(result.status()));
        tile.getChildren().add(title);
        if (!result.reachable()) {
            tile.getChildren().add(new Label("not reachable"));
            return tile;
        }
        tile.getChildren().add(new Label(result.target().role().mode().name().equals("IMPLICIT")
                ? "implicit TLS" + (result.tls() ? "" : " — no handshake")
                : result.tls() ? "STARTTLS" : "no STARTTLS"));
        StringBuilder versions = new StringBuilder();
        for (Map.Entry<TlsVersion, Boolean> entry : result.protocols().entrySet()) {
            versions.append(entry.getKey().label()).append(entry.getValue() ? " ✓  " : " ✗  ");
        }
        Label versionLine = new Label(versions.toString().trim());
        versionLine.setWrapText(true);
        tile.getChildren().add(versionLine);
        result.cipher().ifPresent(c -> tile.getChildren().add(small(c + result.group().map(g -> " / " + g).orElse(""))));
        result.authAfterTls().ifPresent(after -> tile.getChildren().add(new Label(
                "AUTH " + (result.authBeforeTls().orElse(false) ? "before and after TLS" : after ? "only after TLS" : "not offered"))));
        result.certificateSha256().ifPresent(sha -> tile.getChildren().add(small("cert " + sha.substring(0, Math.min(23, sha.length())) + "…")));
        return tile;
    }

    private static Label small(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        label.setWrapText(true);
        return label;
    }

    static Node checkLine(Check check) {
        Label line = new Label(check.detail() + check.fix().map(f -> " — Fix: " + f).orElse(""), icon(check.status()));
        line.setWrapText(true);
        line.getStyleClass().add(style(check.status()));
        line.setId("check-" + check.id() + check.port().map(p -> "-" + p).orElse(""));
        if (!check.evidence().isEmpty()) {
            javafx.scene.control.Tooltip.install(line, new javafx.scene.control.Tooltip(String.join("\n", check.evidence())));
        }
        return line;
    }

    private static Node mailLog(MailLogSummary log) {
        StringBuilder text = new StringBuilder("Mail log (" + log.linesRead() + " lines): outbound ");
        for (TlsTrust trust : TlsTrust.values()) {
            text.append(trust.label()).append(' ').append(log.outbound(trust)).append("  ");
        }
        text.append("\nTLS versions in ").append(log.inboundVersions()).append(", out ").append(log.outboundVersions());
        Label label = new Label(text.toString());
        label.setWrapText(true);
        return label;
    }

    private static Ikon iconCode(CheckStatus status) {
        return switch (status) {
            case PASS -> Material2OutlinedAL.CHECK_CIRCLE;
            case WARN -> Material2OutlinedMZ.WARNING;
            case FAIL -> Material2OutlinedMZ.REPORT;
            case SKIPPED -> Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE;
        };
    }

    private static FontIcon icon(CheckStatus status) {
        return new FontIcon(iconCode(status));
    }

    private static String style(CheckStatus status) {
        return switch (status) {
            case PASS -> Styles.SUCCESS;
            case WARN -> Styles.WARNING;
            case FAIL -> Styles.DANGER;
            case SKIPPED -> Styles.TEXT_MUTED;
        };
    }

    private static String json(VerificationReport report) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(ReportDocument.of(report)) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void save(WizardServices services, Button owner, VerificationReport report, String format) {
        if (report == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the verification report");
        chooser.setInitialFileName("tls-verification-" + report.host() + "." + format);
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        String content = switch (format) {
            case "html" -> ReportHtml.of(report);
            case "md" -> ReportText.markdown(report);
            default -> json(report);
        };
        Background.supply(() -> {
            services.workstation().replace(file.toPath(), content.getBytes(StandardCharsets.UTF_8));
            return file;
        }).whenComplete((saved, error) -> Background.onFx(() -> {
            if (error != null) {
                PageAlerts.error(owner, "The report was not saved", Background.unwrap(error).getMessage());
            } else {
                Confirmations.show(owner, "Report saved to " + saved);
            }
        }));
    }
}
