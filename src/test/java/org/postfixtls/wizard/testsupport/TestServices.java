package org.postfixtls.wizard.testsupport;

import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.app.workspace.RecentHost;
import org.postfixtls.wizard.app.workspace.RecentHosts;
import org.postfixtls.wizard.ui.WizardApp;
import org.postfixtls.wizard.ui.tasks.TaskExecutor;
import org.postfixtls.wizard.ui.wizard.WizardServices;

/** The services a test hands to the wizard: the application's own, with the user's files left alone. */
public final class TestServices {

    private TestServices() {
    }

    /** What {@code WizardApp.start} builds, except that recent hosts live in memory, not in ~/.config. */
    public static WizardServices application() {
        return WizardApp.standardServices().withRecentHosts(new InMemoryRecentHosts());
    }

    /** The same, with every page's work done on the calling thread: finished when the action returns. */
    public static WizardServices onTheCallingThread() {
        return application().withTasks(TaskExecutor.currentThread());
    }

    private static final class InMemoryRecentHosts implements RecentHosts {
        private final List<RecentHost> hosts = new ArrayList<>();

        @Override
        public synchronized List<RecentHost> load() {
            return List.copyOf(hosts);
        }

        @Override
        public synchronized List<RecentHost> remember(RecentHost host) {
            hosts.removeIf(h -> h.sameTarget(host));
            hosts.add(0, host);
            return List.copyOf(hosts);
        }
    }
}
