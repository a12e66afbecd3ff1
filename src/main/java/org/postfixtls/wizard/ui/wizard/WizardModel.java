package org.postfixtls.wizard.ui.wizard;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * All state the wizard's steps share. Steps read and write it; none keeps its own copy,
 * so going Back and Next never loses a choice.
 */
public final class WizardModel {

    private final ObjectProperty<ConnectionMode> connectionMode = new SimpleObjectProperty<>(this, "connectionMode");

    public ObjectProperty<ConnectionMode> connectionModeProperty() {
        return connectionMode;
    }

    public ConnectionMode getConnectionMode() {
        return connectionMode.get();
    }

    public void setConnectionMode(ConnectionMode mode) {
        connectionMode.set(mode);
    }

    /** The properties that decide which steps are part of the walk; the navigator re-plans when they change. */
    public Observable[] stepStructureDependencies() {
        return new Observable[] {connectionMode};
    }
}
