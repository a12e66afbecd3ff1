package org.postfixtls.wizard.app.remote;

/** Counters of one session: SSH connections opened, remote commands run, files transferred. */
public record SessionStats(int connections, int commands, int fileTransfers) {
}
