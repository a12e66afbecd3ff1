package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import java.util.Map;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.discovery.DiscoveryException;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.RecentHost;
import org.postfixtls.wizard.app.workspace.RemoteWorkspace;
import org.postfixtls.wizard.ui.wizard.SshForm;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.config.plan.OpensslVersion;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.StepValidator;
import org.postfixtls.wizard.ui.wizard.Validation;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** First step: how the wizard reaches the configuration. The choice decides which later steps exist. */
public final class ConnectPage extends VBox {

    static final List<PostfixVersion> KNOWN_VERSIONS = List.of(new PostfixVersion(3, 4), new PostfixVersion(3, 5),
            new PostfixVersion(3, 6), new PostfixVersion(3, 7), new PostfixVersion(3, 8), new PostfixVersion(3, 9),
            new PostfixVersion(3, 10), new PostfixVersion(3, 11));

    public ConnectPage(WizardModel model, WizardServices services) {
        setSpacing(14);
        setPadding(new Insets(24, 32, 24, 32));
        setId("page-connect");

        Label heading = new Label("Connect");
        heading.getStyleClass().add(Styles.TITLE_2);
        Label intro = new Label("Where is the Postfix configuration you want to secure? The answer decides how the "
                + "wizard ends: a transactional deploy and a live verification for a server, an export bundle for files.");
        intro.setWrapText(true);

        ToggleGroup modes = new ToggleGroup();
        VBox choices = new VBox(12);
        for (ConnectionMode mode : ConnectionMode.values()) {
            RadioButton button = new RadioButton(mode.label());
            button.setId("mode-" + mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            button.setUserData(mode);
            button.setToggleGroup(modes);
            button.setSelected(mode == model.getConnectionMode());
            button.setAccessibleHelp(mode.explanation());
            Label explanation = new Label(mode.explanation());
            explanation.setWrapText(true);
            explanation.getStyleClass().add(Styles.TEXT_MUTED);
            explanation.setPadding(new Insets(0, 0, 0, 26));
            VBox choice = new VBox(2, button, explanation);
            if (mode == ConnectionMode.SSH_SERVER) {
                VBox form = SshFormView.create(model.sshForm(), services);
                form.visibleProperty().bind(button.selectedProperty());
                form.managedProperty().bind(form.visibleProperty());
                choice.getChildren().add(form);
            }
            if (mode == ConnectionMode.LOCAL_FILES) {
                VBox form = localFilesForm(model);
                form.visibleProperty().bind(button.selectedProperty());
                form.managedProperty().bind(form.visibleProperty());
                choice.getChildren().add(form);
            }
            choices.getChildren().add(choice);
        }
        modes.selectedToggleProperty().addListener((observable, old, selected) -> model.setConnectionMode(modeOf(selected)));
        model.connectionModeProperty().addListener((observable, old, mode) -> selectMode(modes, mode));

        Label loaded = new Label();
        loaded.setId("connected-source");
        loaded.setGraphic(new FontIcon(Material2OutlinedAL.CHECK_CIRCLE));
        loaded.getStyleClass().add(Styles.SUCCESS);
        loaded.textProperty().bind(model.serverProperty().map(s -> "Loaded: " + s.source() + ", Postfix " + s.version()));
        loaded.visibleProperty().bind(model.serverProperty().isNotNull());
        loaded.managedProperty().bind(loaded.visibleProperty());

        getChildren().addAll(heading, intro, choices, loaded);
    }

    private static VBox localFilesForm(WizardModel model) {
        TextField folder = new TextField();
        folder.setId("local-folder");
        folder.setPromptText("Folder with main.cf and master.cf (and tls_policy, if the server has one)");
        folder.setText(model.localFolderProperty().get() == null ? "" : model.localFolderProperty().get().toString());
        folder.textProperty().addListener((o, old, text) -> model.localFolderProperty().set(text.isBlank() ? null : Path.of(text.trim())));
        HBox.setHgrow(folder, Priority.ALWAYS);
        Button browse = new Button("Browse…", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        browse.setId("local-folder-browse");
        browse.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder with main.cf and master.cf");
            File chosen = chooser.showDialog(browse.getScene().getWindow());
            if (chosen != null) {
                folder.setText(chosen.getAbsolutePath());
            }
        });
        ComboBox<PostfixVersion> version = new ComboBox<>();
        version.setId("local-version");
        version.getItems().setAll(KNOWN_VERSIONS);
        version.valueProperty().bindBidirectional(model.localVersionProperty());
        Label versionHelp = new Label("Postfix version on that server (postconf -h mail_version): "
                + "it decides the syntax of protocol settings.");
        versionHelp.setWrapText(true);
        versionHelp.getStyleClass().add(Styles.TEXT_MUTED);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Folder"), new HBox(8, folder, browse));
        grid.addRow(1, new Label("Postfix"), new HBox(8, version, versionHelp));
        grid.addRow(2, new Label("OpenSSL"), opensslRow(model));
        GridPane.setHgrow(grid.getChildren().get(1), Priority.ALWAYS);
        ((HBox) grid.getChildren().get(3)).setAlignment(Pos.CENTER_LEFT);
        // The labels and the two short fields keep their width; the help texts wrap instead of squeezing them.
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        version.setMinWidth(Region.USE_PREF_SIZE);
        HBox.setHgrow(versionHelp, Priority.ALWAYS);
        VBox box = new VBox(grid);
        box.setPadding(new Insets(6, 0, 0, 26));
        return box;
    }

    /** The OpenSSL release the user states for local files (files do not record it), with why it matters. */
    private static HBox opensslRow(WizardModel model) {
        TextField openssl = new TextField();
        openssl.setId("local-openssl");
        openssl.setPromptText("optional, e.g. OpenSSL 3.0.17");
        openssl.setPrefColumnCount(16);
        openssl.setMinWidth(Region.USE_PREF_SIZE);
        openssl.textProperty().bindBidirectional(model.localOpensslProperty());
        Label help = new Label("What openssl version prints on that server: post-quantum key exchange needs 3.5 or"
                + " later. Empty: not known, and that option stays off.");
        help.setWrapText(true);
        help.getStyleClass().add(Styles.TEXT_MUTED);
        HBox.setHgrow(help, Priority.ALWAYS);
        HBox row = new HBox(8, openssl, help);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /**
     * Loads the configuration before the wizard moves on, off the FX thread; a folder without main.cf, or a
     * file that cannot be read, keeps the user here with the reason.
     */
    public static StepValidator validator(WizardServices services) {
        return model -> {
            ConnectionMode mode = model.getConnectionMode();
            if (mode == null) {
                return done(Validation.veto("Choose how to reach the server: SSH server, Local files or Demo server."));
            }
            return switch (mode) {
                case SSH_SERVER -> {
                    String problem = model.sshForm().problem();
                    yield problem != null ? done(Validation.veto(problem)) : discover(model, services);
                }
                case LOCAL_FILES -> localFiles(model, services);
                case DEMO -> model.getServer() != null && model.getServer().source().startsWith(DemoServer.SOURCE_PREFIX)
                        ? done(Validation.ok()) // keep the demo's generated certificate and the choices made on it
                        : load(model, services, DemoServer::load);
            };
        };
    }

    /** A folder and a version are needed; an OpenSSL release, when stated, must be one. */
    private static CompletionStage<Validation> localFiles(WizardModel model, WizardServices services) {
        Path folder = model.localFolderProperty().get();
        PostfixVersion version = model.localVersionProperty().get();
        if (folder == null) {
            return done(Validation.veto("Folder: choose the folder that contains main.cf and master.cf."));
        }
        if (version == null) {
            return done(Validation.veto("Postfix: choose the Postfix version of the server the files come from."));
        }
        String stated = model.localOpensslProperty().get() == null ? ""
                : model.localOpensslProperty().get().trim();
        Optional<OpensslVersion> openssl = OpensslVersion.parse(stated);
        if (!stated.isEmpty() && openssl.isEmpty()) {
            return done(Validation.veto("OpenSSL: \"" + stated + "\" is not an OpenSSL version. Enter what"
                    + " openssl version prints on that server (e.g. OpenSSL 3.0.17 or 1.1.1w), or leave it"
                    + " empty if you do not know it."));
        }
        TlsRuntime runtime = openssl.map(v -> TlsRuntime.stated(v, "stated on the Connect step"))
                .orElse(TlsRuntime.UNKNOWN);
        return load(model, services, () -> services.workstation().readConfigFolder(folder, version)
                .withRuntime(runtime));
    }

    /** One SSH session: discovery (read-only), then the candidate certificates and public half of the key. */
    private static CompletionStage<Validation> discover(WizardModel model, WizardServices services) {
        SshForm form = model.sshForm();
        String configDir = form.configDir.get().isBlank() ? null : form.configDir.get().trim();
        RecentHost recent = form.toRecentHost();
        CompletableFuture<Validation> result = new CompletableFuture<>();
        services.tasks().supply(() -> services.sshJobs().withSession(form, session -> {
            ServerFacts facts = services.discovery().discover(session, configDir, true);
            return Map.entry(facts, RemoteWorkspace.from(facts, session));
        })).whenComplete((found, error) -> services.tasks().onFx(() -> {
            if (result.isCancelled()) {
                return; // the user cancelled the test: a late answer must not load a server they walked away from
            }
            if (error != null) {
                result.complete(Validation.veto(connectionProblem(Background.unwrap(error))));
                return;
            }
            model.serverFactsProperty().set(found.getKey());
            model.serverProperty().set(found.getValue());
            services.tasks().supply(() -> {
                try {
                    return services.recentHosts().remember(recent);
                } catch (java.io.IOException e) {
                    return List.<RecentHost>of(); // remembering is a convenience, never a reason to stop
                }
            });
            result.complete(Validation.ok());
        }));
        return result;
    }

    static String connectionProblem(Throwable error) {
        if (error instanceof RemoteException.HostKeyUnknown unknown) {
            return "Not connected: the host key " + unknown.hostKey().fingerprint() + " was not accepted.";
        }
        if (error instanceof RemoteException || error instanceof DiscoveryException) {
            return error.getMessage();
        }
        return "The connection failed: " + error.getMessage();
    }

    private static CompletionStage<Validation> load(WizardModel model, WizardServices services,
            java.util.function.Supplier<ServerFiles> loader) {
        CompletableFuture<Validation> result = new CompletableFuture<>();
        services.tasks().supply(loader).whenComplete((files, error) -> services.tasks().onFx(() -> {
            if (error == null) {
                model.serverFactsProperty().set(null);
                if (model.getServer() == null || !model.getServer().equals(files)) {
                    model.serverProperty().set(files);
                }
                result.complete(Validation.ok());
            } else {
                Throwable cause = Background.unwrap(error);
                result.complete(Validation.veto(cause instanceof BadInputException
                        ? cause.getMessage()
                        : "The configuration could not be loaded: " + cause.getMessage()));
            }
        }));
        return result;
    }

    private static CompletionStage<Validation> done(Validation validation) {
        return CompletableFuture.completedFuture(validation);
    }

    private static ConnectionMode modeOf(Toggle toggle) {
        return toggle == null ? null : (ConnectionMode) toggle.getUserData();
    }

    private static void selectMode(ToggleGroup modes, ConnectionMode mode) {
        for (Toggle toggle : modes.getToggles()) {
            if (toggle.getUserData() == mode && !toggle.isSelected()) {
                toggle.setSelected(true);
            }
        }
    }
}
