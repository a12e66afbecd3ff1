package org.postfixtls.wizard.ui.pages;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/** Dialogs a page raises for an action the user started (not for Next: vetoes show in the wizard's bar). */
final class PageAlerts {

    private PageAlerts() {
    }

    static void error(Node owner, String header, String message) {
        show(Alert.AlertType.ERROR, owner, header, message);
    }

    static void info(Node owner, String header, String message) {
        show(Alert.AlertType.INFORMATION, owner, header, message);
    }

    static boolean confirm(Node owner, String header, String message) {
        Alert alert = build(Alert.AlertType.CONFIRMATION, owner, header, message);
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private static void show(Alert.AlertType type, Node owner, String header, String message) {
        build(type, owner, header, message).showAndWait();
    }

    private static Alert build(Alert.AlertType type, Node owner, String header, String message) {
        Alert alert = new Alert(type, message, ButtonType.OK);
        if (type == Alert.AlertType.CONFIRMATION) {
            alert.getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        }
        alert.setHeaderText(header);
        alert.setTitle("Postfix TLS Wizard");
        if (owner.getScene() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
        alert.getDialogPane().setMinWidth(480);
        return alert;
    }
}
