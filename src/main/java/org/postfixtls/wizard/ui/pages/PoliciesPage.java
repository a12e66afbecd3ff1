package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.ChoiceBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.verify.ServerCommandException;
import org.postfixtls.wizard.app.verify.ServerSideRequest;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.ui.wizard.ProfileFieldsValidator;
import org.postfixtls.wizard.ui.wizard.StepValidator;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** smtp_tls_policy_maps: per-destination exceptions to the outbound default, edited as a table. */
public final class PoliciesPage {

    private PoliciesPage() {
    }

    /** One editable row; written back to the profile as a whole list on every edit. */
    public static final class Row {
        final StringProperty destination = new SimpleStringProperty("");
        final ObjectProperty<TlsLevel> level = new SimpleObjectProperty<>(PolicyChoices.NEW_ROW_LEVEL);
        final StringProperty match = new SimpleStringProperty("");
        final StringProperty protocols = new SimpleStringProperty("");
        final StringProperty ciphers = new SimpleStringProperty("");
        /** Not a column (rarely used); kept so editing a row never drops it. */
        final StringProperty exclude = new SimpleStringProperty("");

        static Row of(Profile.Policy policy) {
            Row row = new Row();
            row.destination.set(policy.destination());
            row.level.set(policy.level());
            row.match.set(PolicyChoices.matchText(policy));
            row.protocols.set(PolicyChoices.cellText(policy.protocols()));
            row.ciphers.set(PolicyChoices.cellText(policy.ciphers()));
            row.exclude.set(PolicyChoices.cellText(policy.exclude()));
            return row;
        }

        Profile.Policy toPolicy() {
            return PolicyChoices.policyOf(destination.get(), level.get(), match.get(), protocols.get(), ciphers.get(),
                    exclude.get());
        }
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("policies", "Domain policies",
                "Exceptions to the outbound default for single destinations: a partner that must always get "
                        + "verified TLS, an old server that needs TLS without certificate checks. Written to the "
                        + "tls_policy table (smtp_tls_policy_maps).");
        ObservableList<Row> rows = FXCollections.observableArrayList();
        TableView<Row> table = table(rows);
        Label problem = problemLabel();
        boolean[] updating = {false};
        Runnable store = () -> {
            if (updating[0]) {
                return;
            }
            PageScaffold.store(model, PolicyChoices.edit(model.getProfile(), rows.stream().map(r -> r.toPolicy()).toList()));
        };
        Runnable showModel = () -> {
            updating[0] = true;
            try {
                List<Profile.Policy> current = rows.stream().map(r -> r.toPolicy()).toList();
                if (!current.equals(model.getProfile().policies())) {
                    rows.setAll(model.getProfile().policies().stream().map(Row::of).toList());
                    rows.forEach(row -> watch(row, store));
                }
            } finally {
                updating[0] = false;
            }
            Optional<String> first = PolicyChoices.firstProblem(model.getProfile());
            problem.setText(first.orElse(""));
            problem.setVisible(first.isPresent());
            problem.setManaged(first.isPresent());
        };
        showModel.run();
        model.profileProperty().addListener((o, old, p) -> showModel.run());
        Label testResult = new Label();
        testResult.setId("policies-test-result");
        testResult.setWrapText(true);
        page.getChildren().addAll(existingEntries(model), DocLink.beside(PageScaffold.section("Per-destination policies"),
                        "smtp_tls_policy_maps"), table, actions(model, services, table, store, testResult), testResult, problem,
                PageScaffold.muted("Destination: a domain (example.com), a subdomain pattern (.example.com) or a "
                        + "next-hop [mx.example.com]:25. Match: for verify/secure, e.g. hostname:nexthop; for "
                        + "fingerprint, the SHA-256 fingerprints. Protocols: e.g. >=TLSv1.2 (Postfix 3.6+)."),
                PageScaffold.note("No \"*\" line: Postfix never looks up \"*\" in a TLS policy table (only transport "
                        + "tables have that wildcard), so such a line silently does nothing. The default for all other "
                        + "destinations is the Outbound TLS level; an existing \"*\" line on the server is removed "
                        + "with a note in the preview.", Material2OutlinedAL.INFO, null),
                ReadinessPanel.forPolicies(model, services));
        return page;
    }

    private static TableView<Row> table(ObservableList<Row> rows) {
        TableView<Row> table = new TableView<>(rows);
        table.setId("policies-table");
        table.setEditable(true);
        table.setPrefHeight(220);
        table.setPlaceholder(new Label("Nothing added here. Add a destination to set or override its policy."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> destination = textColumn("Destination", r -> r.destination);
        destination.setPrefWidth(200);
        table.getColumns().setAll(List.of(destination, levelColumn(), textColumn("Match", r -> r.match),
                textColumn("Protocols", r -> r.protocols), textColumn("Ciphers", r -> r.ciphers)));
        return table;
    }

    private static TableColumn<Row, String> textColumn(String title,
            java.util.function.Function<Row, javafx.beans.value.ObservableValue<String>> value) {
        TableColumn<Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> value.apply(c.getValue()));
        column.setCellFactory(TextFieldTableCell.forTableColumn());
        return column;
    }

    private static TableColumn<Row, TlsLevel> levelColumn() {
        TableColumn<Row, TlsLevel> level = new TableColumn<>("Level");
        level.setCellValueFactory(c -> c.getValue().level);
        level.setCellFactory(ChoiceBoxTableCell.forTableColumn(new javafx.util.StringConverter<>() {
            @Override
            public String toString(TlsLevel value) {
                return value == null ? "" : value.postfixName();
            }

            @Override
            public TlsLevel fromString(String text) {
                return TlsLevel.parse(text).orElse(null);
            }
        }, TlsLevel.POLICY.toArray(TlsLevel[]::new)));
        level.setPrefWidth(110);
        return level;
    }

    private static Label problemLabel() {
        Label problem = new Label();
        problem.setId("policies-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setGraphic(new FontIcon(Material2OutlinedMZ.WARNING));
        return problem;
    }

    /** Add, Remove and "Test this domain", with why the test is unavailable when it is. */
    @SuppressWarnings("unchecked")
    private static HBox actions(WizardModel model, WizardServices services, TableView<Row> table, Runnable store,
            Label testResult) {
        Button add = new Button("Add destination", new FontIcon(Material2OutlinedAL.ADD));
        add.setId("policies-add");
        add.setOnAction(e -> {
            Row row = new Row();
            watch(row, store);
            table.getItems().add(row);
            table.getSelectionModel().select(row);
            table.edit(table.getItems().size() - 1, (TableColumn<Row, ?>) table.getColumns().get(0));
        });
        Button remove = new Button("Remove", new FontIcon(Material2OutlinedMZ.REMOVE));
        remove.setId("policies-remove");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            table.getItems().remove(table.getSelectionModel().getSelectedItem());
            store.run();
        });
        Button test = new Button("Test this domain", new FontIcon(Material2OutlinedMZ.PLAY_ARROW));
        test.setId("policies-test");
        Tooltip.install(test, new Tooltip("Runs posttls-finger on the server at the chosen level before you "
                + "enforce it; needs a server connected over SSH."));
        javafx.beans.property.BooleanProperty testing = new javafx.beans.property.SimpleBooleanProperty(false);
        javafx.beans.binding.StringBinding whyNoTest = Bindings.createStringBinding(() -> PolicyChoices.whyNoTest(
                table.getSelectionModel().getSelectedItem() != null, model.getConnectionMode(), testing.get())
                .orElse(""), table.getSelectionModel().selectedItemProperty(), model.connectionModeProperty(), testing);
        test.disableProperty().bind(whyNoTest.isNotEmpty());
        Label testUnavailable = new Label();
        testUnavailable.setId("policies-test-why");
        testUnavailable.setWrapText(true);
        testUnavailable.getStyleClass().add(atlantafx.base.theme.Styles.TEXT_MUTED);
        testUnavailable.textProperty().bind(whyNoTest);
        HBox.setHgrow(testUnavailable, javafx.scene.layout.Priority.ALWAYS);
        test.setOnAction(e -> testDomain(model, services, table.getSelectionModel().getSelectedItem(), testing, testResult));
        return buttonRow(add, remove, test, testUnavailable);
    }

    /** What the server's own policy table holds that the wizard would change (the "*" line). */
    private static Label existingEntries(WizardModel model) {
        Label existing = new Label();
        existing.setId("policies-existing");
        existing.setWrapText(true);
        Runnable showExisting = () -> {
            String text = PolicyChoices.existingEntries(model.getServer());
            existing.setText(text);
            existing.setVisible(!text.isEmpty());
            existing.setManaged(!text.isEmpty());
        };
        showExisting.run();
        model.serverProperty().addListener((o, old, server) -> showExisting.run());
        return existing;
    }

    /** Buttons keep their full labels; the explanation beside them takes the rest of the width and wraps. */
    private static HBox buttonRow(javafx.scene.Node... children) {
        HBox row = new HBox(10, children);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (javafx.scene.Node child : children) {
            if (child instanceof Button button) {
                button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            } else if (child instanceof Label label) {
                label.setMinWidth(0);
            }
        }
        return row;
    }

    /**
     * posttls-finger from the server, at the level the row would enforce: does the destination meet it today?
     * Run over its own SSH session; the live configuration is not changed.
     */
    private static void testDomain(WizardModel model, WizardServices services, Row row,
            javafx.beans.property.BooleanProperty testing, Label result) {
        Profile.Policy policy = row.toPolicy();
        Optional<String> untestable = PolicyChoices.untestable(policy);
        if (untestable.isPresent()) {
            result.setText(untestable.get());
            return;
        }
        String destination = policy.destination();
        String level = policy.level().postfixName();
        String configDir = model.getServer() == null ? null : model.getServer().configDirectory();
        String caFile = model.getProfile().certificate().caFile();
        testing.set(true);
        result.getStyleClass().setAll("label");
        result.setGraphic(null);
        result.setText("Testing " + destination + " at level " + level + " from the server…");
        services.tasks().supply(() -> services.sshJobs().withSession(model.sshForm(), session -> {
            try {
                return services.serverChecks(session).outboundProbe(
                        new ServerSideRequest(Optional.ofNullable(configDir), level, Optional.of(destination),
                                Optional.ofNullable(caFile)), destination);
            } catch (ServerCommandException ex) {
                throw new IllegalStateException(ex.getMessage(), ex);
            }
        })).whenComplete((probe, error) -> services.tasks().onFx(() -> {
            testing.set(false);
            if (error != null) {
                result.setText(ConnectPage.connectionProblem(Background.unwrap(error)));
                result.getStyleClass().setAll("label", Styles.DANGER);
                return;
            }
            PolicyChoices.TestVerdict verdict = PolicyChoices.verdict(probe);
            boolean ok = verdict.ok();
            result.setText(verdict.text());
            result.setGraphic(new FontIcon(ok ? Material2OutlinedAL.CHECK_CIRCLE : Material2OutlinedMZ.WARNING));
            result.getStyleClass().setAll("label", ok ? Styles.SUCCESS : Styles.WARNING);
        }));
    }

    private static void watch(Row row, Runnable store) {
        row.destination.addListener((o, old, v) -> store.run());
        row.level.addListener((o, old, v) -> store.run());
        row.match.addListener((o, old, v) -> store.run());
        row.protocols.addListener((o, old, v) -> store.run());
        row.ciphers.addListener((o, old, v) -> store.run());
    }

    public static StepValidator validator() {
        return ProfileFieldsValidator.forFields("policies");
    }
}
