package org.postfixtls.wizard.app.deploy;

/**
 * Receives progress on the engine's (background) thread; a GUI hands it to its UI thread itself.
 * Must not block for long: the server keeps working meanwhile.
 */
@FunctionalInterface
public interface DeployListener {

    void onStep(StepEvent event);

    static DeployListener ignore() {
        return event -> { };
    }
}
