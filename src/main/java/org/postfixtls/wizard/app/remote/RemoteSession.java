package org.postfixtls.wizard.app.remote;

/**
 * One connection to one server for one job: commands ({@link RemoteShell}) and file transfers
 * ({@link RemoteFiles}) share it. Close it when the job ends.
 */
public interface RemoteSession extends RemoteShell, AutoCloseable {

    RemoteFiles files();

    /** How much this session has done so far (for benchmarks and the log). */
    SessionStats stats();

    @Override
    void close();
}
