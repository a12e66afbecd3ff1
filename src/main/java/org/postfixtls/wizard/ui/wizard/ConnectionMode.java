package org.postfixtls.wizard.ui.wizard;

/** How the wizard reaches the Postfix configuration it works on. */
public enum ConnectionMode {
    SSH_SERVER("SSH server", "Read the configuration over SSH, deploy it back transactionally and verify it live."),
    LOCAL_FILES("Local files", "Open a folder with main.cf and master.cf; the wizard ends with an export bundle."),
    DEMO("Demo server", "A built-in, realistic server: show every option without touching a real one.");

    private final String label;
    private final String explanation;

    ConnectionMode(String label, String explanation) {
        this.label = label;
        this.explanation = explanation;
    }

    public String label() {
        return label;
    }

    public String explanation() {
        return explanation;
    }
}
