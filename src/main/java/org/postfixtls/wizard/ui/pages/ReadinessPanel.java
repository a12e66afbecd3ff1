package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.readiness.DestinationProber;
import org.postfixtls.wizard.app.readiness.LogSource;
import org.postfixtls.wizard.app.readiness.MailLogLocation;
import org.postfixtls.wizard.app.readiness.PosttlsFingerProber;
import org.postfixtls.wizard.app.readiness.ReadinessCheck;
import org.postfixtls.wizard.app.readiness.ReadinessException;
import org.postfixtls.wizard.app.readiness.RemoteMailLog;
import org.postfixtls.wizard.app.workspace.DemoMailLog;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.readiness.DestinationReadiness;
import org.postfixtls.wizard.domain.readiness.LogTimestamp;
import org.postfixtls.wizard.domain.readiness.ReadinessReport;
import org.postfixtls.wizard.domain.readiness.Suggestion;
import org.postfixtls.wizard.domain.readiness.Verdict;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * "Who would lose mail?": shown on the Outbound step when a mandatory level is chosen. Reads the mail log off the
 * FX thread (with progress and Cancel), lists every destination with its verdict, and adds the ticked policy
 * entries to the Domain policies in one click.
 */
public final class ReadinessPanel {

    private static final int DAYS = 30;
    private static final int TOP = 20;
    private static final long MAX_LOG_BYTES = 256L * 1024 * 1024;

    private final WizardModel model;
    private final VBox root = new VBox(8);
    private final Label source = PageScaffold.muted("");
    private final Button check = new Button("Check the mail log", new FontIcon(Material2OutlinedMZ.SEARCH));
    private final Button cancel = new Button("Cancel");
    private final ProgressIndicator spinner = new ProgressIndicator();
    private final Label status = new Label();
    private final TableView<Row> table = new TableView<>();
    private final Button accept = new Button("Add the ticked entries to the domain policies",
            new FontIcon(Material2OutlinedAL.ADD_CIRCLE_OUTLINE));
    private final Label added = new Label();
    private AtomicBoolean cancelled = new AtomicBoolean();

    private final WizardServices services;
    /** When this placement of the panel has something to check (a mandatory default, or strict entries). */
    private final java.util.function.Predicate<Profile> relevant;

    private ReadinessPanel(WizardModel model, WizardServices services, java.util.function.Predicate<Profile> relevant) {
        this.services = services;
        this.model = model;
        this.relevant = relevant;
    }

    /** On the Outbound step: shown when the default level for all destinations is mandatory. */
    public static VBox create(WizardModel model, WizardServices services) {
        return new ReadinessPanel(model, services, p -> ReadinessChoices.shown(p.outbound().level()))
                .build("outbound-readiness");
    }

    /** On the Domain policies step: shown when an entry makes TLS mandatory for its destination. */
    public static VBox forPolicies(WizardModel model, WizardServices services) {
        return new ReadinessPanel(model, services, ReadinessChoices::hasStrictPolicy).build("policies-readiness");
    }

    private VBox build(String id) {
        root.setId(id);
        check.setId("readiness-check");
        cancel.setId("readiness-cancel");
        accept.setId("readiness-accept");
        table.setId("readiness-table");
        status.setId("readiness-status");
        status.setWrapText(true);
        added.setWrapText(true);
        spinner.setPrefSize(22, 22);
        check.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox controls = new HBox(10, check, spinner, cancel, status);
        controls.setAlignment(Pos.CENTER_LEFT);
        busy(false);
        buildTable();
        root.getChildren().addAll(PageScaffold.section("Enforcement readiness"),
                PageScaffold.muted("A mandatory level defers mail to every server that cannot meet it (the"
                        + " mandatory-TLS guide; TLS_README \"Mandatory TLS encryption\"). Check first which"
                        + " destinations that would be, and keep their mail flowing with a policy entry."),
                source, controls, table, accept, added);
        check.setOnAction(e -> start());
        cancel.setOnAction(e -> cancelled.set(true));
        accept.setOnAction(e -> acceptTicked());
        Runnable refresh = () -> {
            boolean show = relevant.test(model.getProfile());
            check.setDisable(model.getConnectionMode() == null);
            root.setVisible(show);
            root.setManaged(show);
            source.setText(ReadinessChoices.sourceText(model.getConnectionMode()));
            check.setText(model.getConnectionMode() == ConnectionMode.LOCAL_FILES ? "Choose a mail log…"
                    : "Check the mail log");
        };
        refresh.run();
        model.profileProperty().addListener((o, old, p) -> {
            if (old == null || p.outbound().level() != old.outbound().level()) {
                clear();
            }
            refresh.run();
        });
        model.connectionModeProperty().addListener((o, old, m) -> {
            clear();
            refresh.run();
        });
        return root;
    }

    private void buildTable() {
        TableColumn<Row, Boolean> take = new TableColumn<>("Add");
        take.setCellValueFactory(c -> c.getValue().ticked);
        take.setCellFactory(c -> new CheckBoxTableCell<>() {
            @Override
            public void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                Row row = getTableRow() == null ? null : getTableRow().getItem();
                if (row == null || row.item.suggestion().isEmpty()) {
                    setGraphic(null); // nothing to add for this destination
                }
            }
        });
        take.setEditable(true);
        take.setPrefWidth(52);
        take.setMinWidth(52);
        TableColumn<Row, String> destination = column("Destination", 200, r -> r.item.destination());
        TableColumn<Row, String> messages = column("Messages", 96, r -> Long.toString(r.item.messages()));
        TableColumn<Row, String> tls = column("TLS seen", 160, r -> ReadinessChoices.tlsText(r.item));
        TableColumn<Row, String> verdict = column("At this level", 185, r -> ReadinessChoices.verdictText(r.item));
        verdict.setCellFactory(c -> new FullTextCell() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                Row row = getTableRow() == null ? null : getTableRow().getItem();
                boolean fails = !empty && row != null && row.item.verdict() == Verdict.WOULD_FAIL;
                setStyle(fails ? "-fx-text-fill: -color-warning-fg; -fx-font-weight: bold;" : null);
            }
        });
        TableColumn<Row, String> why = column("Why", 430, r -> r.item.reason());
        TableColumn<Row, String> entry = column("Policy entry", 290, r -> ReadinessChoices.suggestionText(r.item));
        table.getColumns().setAll(List.of(take, destination, messages, tls, verdict, entry, why));
        why.setMinWidth(200);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setEditable(true);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setPrefHeight(320);
        table.setPlaceholder(new Label("No check yet."));
        table.setVisible(false);
        table.setManaged(false);
        accept.setVisible(false);
        accept.setManaged(false);
    }

    private static TableColumn<Row, String> column(String title, double width,
            java.util.function.Function<Row, String> text) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new SimpleStringProperty(text.apply(c.getValue())));
        column.setCellFactory(c -> new FullTextCell());
        column.setPrefWidth(width);
        column.setMinWidth(width);
        return column;
    }

    /** A cut reason is shown whole in its tooltip. */
    private static class FullTextCell extends javafx.scene.control.TableCell<Row, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new javafx.scene.control.Tooltip(item));
        }
    }

    private void start() {
        Optional<LogSource> chosenFile = Optional.empty();
        if (model.getConnectionMode() == ConnectionMode.LOCAL_FILES) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("A copy of the server's mail log");
            java.io.File file = chooser.showOpenDialog(root.getScene() == null ? null : root.getScene().getWindow());
            if (file == null) {
                return;
            }
            chosenFile = Optional.of(services.workstation().mailLog(file.toPath(), MAX_LOG_BYTES));
        }
        run(chosenFile);
    }

    /** Runs the check off the FX thread; package-private so a test can hand it a log without a file dialog. */
    void run(Optional<LogSource> localLog) {
        AtomicBoolean stop = new AtomicBoolean();
        cancelled = stop;
        clear();
        busy(true);
        status.setText("Reading the mail log…");
        ConnectionMode mode = model.getConnectionMode();
        ReadinessCheck.Request request = request(mode);
        String configDir = model.getServer() == null ? null : model.getServer().configDirectory();
        Background.supply(() -> switch (mode) {
            case DEMO -> new ReadinessCheck().run(new DemoMailLog(), request, Optional.empty(), this::progress,
                    stop::get);
            case LOCAL_FILES -> new ReadinessCheck().run(localLog.orElseThrow(), request, Optional.empty(),
                    this::progress, stop::get);
            case SSH_SERVER -> services.sshJobs().withSession(model.sshForm(), session -> {
                Optional<String> dir = Optional.ofNullable(configDir);
                LogSource log = new RemoteMailLog(session, MailLogLocation.find(session, dir), MAX_LOG_BYTES, DAYS);
                Optional<DestinationProber> prober = Optional.of(new PosttlsFingerProber(session, dir,
                        PosttlsFingerProber.clientSettings(session, dir)));
                return new ReadinessCheck().run(log, request, prober, this::progress, stop::get);
            });
        }).whenComplete((report, error) -> Background.onFx(() -> {
            busy(false);
            if (stop.get()) {
                status.setText("Cancelled; nothing was changed.");
            } else if (error != null) {
                Throwable cause = Background.unwrap(error);
                status.setText(cause instanceof ReadinessException ? "The check could not run: " + cause.getMessage()
                        : ConnectPage.connectionProblem(cause));
                status.getStyleClass().setAll("label", Styles.DANGER);
            } else {
                show(report);
            }
        }));
    }

    private ReadinessCheck.Request request(ConnectionMode mode) {
        Clock clock = Clock.systemDefaultZone();
        Instant now = clock.instant();
        // the demo log is a fixed fortnight: no window, or it would age out of it
        Instant since = mode == ConnectionMode.DEMO ? Instant.EPOCH : now.minus(Duration.ofDays(DAYS));
        return new ReadinessCheck.Request(ReadinessChoices.proposal(model.getProfile()), since,
                new LogTimestamp(now, clock.getZone()), mode == ConnectionMode.SSH_SERVER ? TOP : 0);
    }

    private void progress(String message) {
        Background.onFx(() -> status.setText(message));
    }

    private void show(ReadinessReport report) {
        status.setText(ReadinessChoices.summary(report) + " " + ReadinessChoices.skippedText(report));
        status.setGraphic(new FontIcon(report.anythingWouldFail() ? Material2OutlinedMZ.WARNING
                : Material2OutlinedAL.CHECK_CIRCLE));
        status.getStyleClass().setAll("label", report.anythingWouldFail() ? Styles.WARNING : Styles.SUCCESS);
        table.setItems(FXCollections.observableArrayList(report.destinations().stream().map(Row::new).toList()));
        table.setPrefHeight(Math.min(420, 44 + 29.0 * table.getItems().size()));
        boolean any = report.destinations().stream().anyMatch(d -> d.suggestion().isPresent());
        table.setVisible(true);
        table.setManaged(true);
        accept.setVisible(any);
        accept.setManaged(any);
    }

    private void acceptTicked() {
        List<Suggestion> ticked = table.getItems().stream().filter(r -> r.ticked.get() && r.item.suggestion().isPresent())
                .map(r -> r.item.suggestion().get()).toList();
        if (ticked.isEmpty()) {
            added.setText("Tick at least one entry first.");
            return;
        }
        PageScaffold.store(model, ReadinessChoices.withSuggestions(model.getProfile(), ticked));
        added.setText("Added to the domain policies: " + String.join(", ", ticked.stream().map(Suggestion::entry)
                .toList()) + ". Check again to see the effect.");
        added.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
        added.getStyleClass().setAll("label", Styles.SUCCESS);
    }

    private void clear() {
        table.getItems().clear();
        table.setVisible(false);
        table.setManaged(false);
        accept.setVisible(false);
        accept.setManaged(false);
        added.setText("");
        added.setGraphic(null);
        status.setText("");
        status.setGraphic(null);
        status.getStyleClass().setAll("label");
    }

    private void busy(boolean on) {
        check.setDisable(on);
        spinner.setVisible(on);
        spinner.setManaged(on);
        cancel.setVisible(on);
        cancel.setManaged(on);
    }

    /** One destination in the table; its tick decides whether its suggested entry is added. */
    static final class Row {
        final DestinationReadiness item;
        final SimpleBooleanProperty ticked;

        Row(DestinationReadiness item) {
            this.item = item;
            this.ticked = new SimpleBooleanProperty(item.suggestion().map(ReadinessChoices::tickedAtFirst)
                    .orElse(false));
        }
    }
}
