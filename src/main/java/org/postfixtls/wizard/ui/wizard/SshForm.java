package org.postfixtls.wizard.ui.wizard;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.postfixtls.wizard.app.workspace.RecentHost;

/**
 * What the user typed to reach a server over SSH. Secrets live only here, in memory, for this run: they are
 * never written to the recent-hosts file, a log or a command line.
 */
public final class SshForm {

    public enum Auth {
        KEY("key", "Key file"), AGENT("agent", "ssh-agent"), PASSWORD("password", "Password");

        private final String id;
        private final String label;

        Auth(String id, String label) {
            this.id = id;
            this.label = label;
        }

        public String id() {
            return id;
        }

        @Override
        public String toString() {
            return label;
        }

        static Auth of(String id) {
            for (Auth auth : values()) {
                if (auth.id.equals(id)) {
                    return auth;
                }
            }
            return KEY;
        }
    }

    public final StringProperty host = new SimpleStringProperty("");
    public final StringProperty port = new SimpleStringProperty("22");
    public final StringProperty user = new SimpleStringProperty("root");
    public final ObjectProperty<Auth> auth = new SimpleObjectProperty<>(Auth.KEY);
    public final StringProperty keyFile = new SimpleStringProperty(
            System.getProperty("user.home") + "/.ssh/id_ed25519");
    public final StringProperty passphrase = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    public final BooleanProperty sudo = new SimpleBooleanProperty(false);
    public final StringProperty sudoPassword = new SimpleStringProperty("");
    public final StringProperty configDir = new SimpleStringProperty("");

    public void fillFrom(RecentHost recent) {
        host.set(recent.host());
        port.set(Integer.toString(recent.port()));
        user.set(recent.user());
        auth.set(Auth.of(recent.auth()));
        if (recent.keyFile() != null) {
            keyFile.set(recent.keyFile());
        }
        sudo.set(recent.sudo());
        configDir.set(recent.configDir() == null ? "" : recent.configDir());
        passphrase.set("");
        password.set("");
        sudoPassword.set("");
    }

    /** What may be remembered: everything but the secrets. */
    public RecentHost toRecentHost() {
        return new RecentHost(host.get().trim(), portNumber(), user.get().trim(), auth.get().id(),
                auth.get() == Auth.KEY ? keyFile.get().trim() : null, sudo.get(),
                configDir.get().isBlank() ? null : configDir.get().trim());
    }

    /** The port, or -1 when the field is not a number (the validation names the field). */
    public int portNumber() {
        try {
            return Integer.parseInt(port.get().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The first problem a user must fix before connecting, naming the field; null when the form is complete. */
    public String problem() {
        if (!host.get().trim().matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})|\\[?[0-9A-Fa-f:.]+]?")) {
            return "Host: enter a host name or IP address (letters, digits, dots and dashes).";
        }
        if (portNumber() < 1 || portNumber() > 65535) {
            return "Port: enter a number from 1 to 65535 (SSH usually listens on 22).";
        }
        if (!user.get().trim().matches("[A-Za-z_][A-Za-z0-9_.-]{0,31}")) {
            return "User: enter the login name on the server (letters, digits, _ . -).";
        }
        if (auth.get() == Auth.KEY && keyFile.get().isBlank()) {
            return "Key file: choose the private key to log in with.";
        }
        if (auth.get() == Auth.PASSWORD && password.get().isEmpty()) {
            return "Password: enter the login password (it is kept in memory only).";
        }
        if (!configDir.get().isBlank() && !configDir.get().trim().matches("/[A-Za-z0-9._/-]*")) {
            return "Postfix config directory: an absolute path such as /etc/postfix-out, or empty for the default.";
        }
        return null;
    }
}
