package org.postfixtls.wizard.app.deploy;

import java.util.List;

/**
 * One job in the server's history, read from its manifest.
 *
 * @param kind       {@code deploy} or {@code rollback}
 * @param state      prepared, committing, committed, rolled-back, refused, failed, rollback-failed
 * @param rollbackOf for a rollback: the deploy whose earlier state it restored
 */
public record DeployRecord(String id, String kind, String created, String client, String profile,
        String rollbackOf, String state, String resultStep, String resultMessage, List<FileBackup> files) {

    public DeployRecord {
        files = List.copyOf(files);
    }

    /** A file as it was before the job: the backup the job can be undone with. */
    public record FileBackup(String name, String path, boolean existed, String sha256, String owner, String group,
            String mode) {
    }

    public boolean committed() {
        return "committed".equals(state);
    }
}
