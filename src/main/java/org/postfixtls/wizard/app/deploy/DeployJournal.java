package org.postfixtls.wizard.app.deploy;

/** The client's own record of what it did to which server (the server's manifests are the authority). */
@FunctionalInterface
public interface DeployJournal {

    void record(String target, String action, DeployReport report);

    static DeployJournal none() {
        return (target, action, report) -> { };
    }
}
