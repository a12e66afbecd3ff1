package org.postfixtls.wizard.app.workspace;

import java.io.IOException;
import java.util.List;

/** The servers connected to recently, newest first; no secrets. */
public interface RecentHosts {

    /** Empty when there are none or the list cannot be read. */
    List<RecentHost> load();

    /** Puts the host first and returns the new list. */
    List<RecentHost> remember(RecentHost host) throws IOException;
}
