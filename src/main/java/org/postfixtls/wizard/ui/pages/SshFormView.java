package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import java.io.File;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.postfixtls.wizard.app.workspace.RecentHost;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.SshForm;

/** The SSH fields of the Connect step: host, login, authentication, privilege, Postfix instance, recent hosts. */
final class SshFormView {

    private SshFormView() {
    }

    static VBox create(SshForm form, WizardServices services) {
        HBox keyRow = keyRow(form);
        PasswordField password = secret(form.password, "ssh-password", "Login password");
        Label keyLabel = new Label("Key file");
        Label passwordLabel = new Label("Password");
        GridPane grid = grid(form, new javafx.scene.Node[] {keyLabel, keyRow}, new javafx.scene.Node[] {passwordLabel,
                password});
        Runnable showAuth = () -> {
            boolean key = form.auth.get() == SshForm.Auth.KEY;
            boolean pass = form.auth.get() == SshForm.Auth.PASSWORD;
            for (javafx.scene.Node node : List.of(keyRow, keyLabel)) {
                node.setVisible(key);
                node.setManaged(key);
            }
            for (javafx.scene.Node node : List.of(password, passwordLabel)) {
                node.setVisible(pass);
                node.setManaged(pass);
            }
        };
        showAuth.run();
        form.auth.addListener((o, old, a) -> showAuth.run());

        Label hint = PageScaffold.muted("Next tests the connection and reads the server's configuration (nothing is "
                + "changed). An unknown host key is shown for you to confirm; a changed one stops the wizard.");
        VBox box = new VBox(8, recentHosts(form, services), grid, hint);
        box.setPadding(new Insets(6, 0, 0, 26));
        return box;
    }

    /** Servers connected to before, filled in on choice; hidden while there are none. */
    private static ComboBox<RecentHost> recentHosts(SshForm form, WizardServices services) {
        ComboBox<RecentHost> recent = new ComboBox<>();
        recent.setId("ssh-recent");
        recent.setPromptText("Recent servers");
        recent.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RecentHost host) {
                return host == null ? "" : host.label();
            }

            @Override
            public RecentHost fromString(String text) {
                return null;
            }
        });
        recent.valueProperty().addListener((o, old, host) -> {
            if (host != null) {
                form.fillFrom(host);
            }
        });
        services.tasks().supply(() -> services.recentHosts().load()).thenAccept(hosts -> services.tasks().onFx(() -> {
            recent.getItems().setAll(hosts);
            recent.setVisible(!hosts.isEmpty());
            recent.setManaged(!hosts.isEmpty());
        }));
        return recent;
    }

    private static HBox keyRow(SshForm form) {
        TextField keyFile = bound(form.keyFile, "ssh-key-file", "~/.ssh/id_ed25519");
        PasswordField passphrase = secret(form.passphrase, "ssh-passphrase", "Passphrase (if the key has one)");
        Button browse = new Button("", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Private key for SSH");
            File chosen = chooser.showOpenDialog(browse.getScene().getWindow());
            if (chosen != null) {
                form.keyFile.set(chosen.getAbsolutePath());
            }
        });
        passphrase.setPrefWidth(260);
        HBox keyRow = new HBox(8, keyFile, browse, passphrase);
        HBox.setHgrow(keyFile, Priority.ALWAYS);
        return keyRow;
    }

    /** Host, user, login method, key or password, privilege and instance, in Tab order. */
    private static GridPane grid(SshForm form, javafx.scene.Node[] keyRow, javafx.scene.Node[] passwordRow) {
        TextField host = bound(form.host, "ssh-host", "mail.example.com");
        TextField port = bound(form.port, "ssh-port", "22");
        port.setPrefColumnCount(5);
        ComboBox<SshForm.Auth> auth = new ComboBox<>();
        auth.setId("ssh-auth");
        auth.getItems().setAll(SshForm.Auth.values());
        auth.valueProperty().bindBidirectional(form.auth);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, fields);
        HBox hostRow = new HBox(8, host, new Label("port"), port);
        hostRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(host, Priority.ALWAYS);
        grid.addRow(0, new Label("Host"), hostRow);
        grid.addRow(1, new Label("User"), bound(form.user, "ssh-user", "root"));
        grid.addRow(2, new Label("Log in with"), auth);
        grid.addRow(3, keyRow);
        grid.addRow(4, passwordRow);
        grid.addRow(5, new Label("Privilege"), privilege(form));
        Label configLabel = new Label("Config directory");
        configLabel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(6, configLabel, bound(form.configDir, "ssh-config-dir", "empty: the default instance (/etc/postfix)"));
        return grid;
    }

    private static HBox privilege(SshForm form) {
        CheckBox sudo = new CheckBox("Use sudo (the user is not root)");
        sudo.setId("ssh-sudo");
        sudo.selectedProperty().bindBidirectional(form.sudo);
        sudo.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // its label must never be cut
        PasswordField sudoPassword = secret(form.sudoPassword, "ssh-sudo-password",
                "sudo password (none: NOPASSWD)");
        sudoPassword.disableProperty().bind(form.sudo.not());
        sudoPassword.setPrefWidth(300);
        HBox privilege = new HBox(12, sudo, sudoPassword);
        privilege.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(sudoPassword, javafx.scene.layout.Priority.ALWAYS);
        return privilege;
    }

    private static TextField bound(javafx.beans.property.StringProperty property, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static PasswordField secret(javafx.beans.property.StringProperty property, String id, String prompt) {
        PasswordField field = new PasswordField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }
}
