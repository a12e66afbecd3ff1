package org.postfixtls.wizard.ui.pages;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.HostKeyInfo;

/**
 * Asks the user about a host key known_hosts does not have, showing its SHA256 fingerprint to compare with what the
 * server's admin reads from {@code ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub}. Called on the connecting
 * thread, it waits for the answer; a changed key never gets here (the adapter refuses it), a key of a new type for a
 * known host does and is shown as the change it is, with the keys on file.
 */
public final class HostKeyDialog implements HostKeyDecider {

    static final ButtonType REMEMBER = new ButtonType("Trust and remember", ButtonBar.ButtonData.OK_DONE);
    static final ButtonType ONCE = new ButtonType("Trust this time", ButtonBar.ButtonData.OTHER);

    private final java.util.function.Supplier<Window> owner;

    public HostKeyDialog(java.util.function.Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Decision decide(HostKeyInfo key) {
        CompletableFuture<Decision> answer = new CompletableFuture<>();
        Platform.runLater(() -> answer.complete(ask(key)));
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Decision.REJECT;
        } catch (ExecutionException e) {
            return Decision.REJECT;
        }
    }

    record Text(String header, String body) {
    }

    /** A first meeting, or — when known_hosts has keys of other types for the host — a change, with both sides. */
    static Text text(HostKeyInfo key) {
        if (key.newTypeForKnownHost()) {
            return new Text("The host key of " + key.hostSpec() + " has changed type",
                    "This computer knows " + key.hostSpec() + " by another key:\n\n" + String.join("\n", key.knownKeys())
                    + "\n\nNow it presents a " + key.type() + " key with the fingerprint\n\n" + key.fingerprint()
                    + "\n\nThe server may have a new key, or someone may be intercepting the connection. Ask the"
                    + " server's administrator to compare it with ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the"
                    + " server. Connect only if they are identical.");
        }
        return new Text("Unknown host key for " + key.hostSpec(), "This computer has never connected to "
                + key.hostSpec() + ". Its " + key.type() + " key has the fingerprint\n\n" + key.fingerprint()
                + "\n\nCompare it with the server's own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on the server)."
                + " Connect only if they are identical.");
    }

    private Decision ask(HostKeyInfo key) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
        alert.setTitle("Postfix TLS Wizard");
        alert.setHeaderText(text(key).header());
        alert.setContentText(text(key).body());
        alert.getButtonTypes().setAll(REMEMBER, ONCE, ButtonType.CANCEL);
        alert.getDialogPane().setId("host-key-dialog");
        Window window = owner.get();
        if (window != null) {
            alert.initOwner(window);
        }
        Optional<ButtonType> choice = alert.showAndWait();
        if (choice.isEmpty() || choice.get() == ButtonType.CANCEL) {
            return Decision.REJECT;
        }
        return choice.get() == REMEMBER ? Decision.ACCEPT_AND_REMEMBER : Decision.ACCEPT_ONCE;
    }
}
