package org.postfixtls.wizard.ui.wizard;

import java.util.Objects;
import java.util.Optional;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.app.verify.RemoteServerCommands;
import org.postfixtls.wizard.app.verify.ServerInspector;
import org.postfixtls.wizard.app.verify.VerificationTools;
import org.postfixtls.wizard.app.workspace.RecentHosts;
import org.postfixtls.wizard.app.workspace.TrustStore;
import org.postfixtls.wizard.app.workspace.Workstation;
import org.postfixtls.wizard.ui.tasks.TaskExecutor;

/**
 * Everything the pages use besides the model, built once by the composition root ({@code WizardApp.start}) and
 * handed to every page and step check; no page creates an engine or an adapter itself, so a test hands in fakes and
 * a current-thread executor.
 *
 * @param sshJobs      opens one SSH session per job (discovery, deploy, verification, a domain test)
 * @param discovery    the read-only discovery of a server
 * @param deploy       deploy, dry run, rollback, history
 * @param verification what a verification run is made of (prober, DNS, MTA-STS fetcher, clock)
 * @param serverAccess server-side checks during a verification (over SSH when connected, nothing otherwise)
 * @param trust        the system's CA bundle and bundles the user names
 * @param recentHosts  the servers connected to recently
 * @param workstation  files on this computer: open, save, export, a folder of config copies
 * @param tasks        where work runs and how results reach the FX thread
 */
public record WizardServices(SshJobs sshJobs, Discovery discovery, DeployEngine deploy,
        VerificationTools verification, VerificationSetup serverAccess, TrustStore trust, RecentHosts recentHosts,
        Workstation workstation, TaskExecutor tasks) {

    public WizardServices {
        Objects.requireNonNull(sshJobs, "sshJobs");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(deploy, "deploy");
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(serverAccess, "serverAccess");
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(recentHosts, "recentHosts");
        Objects.requireNonNull(workstation, "workstation");
        Objects.requireNonNull(tasks, "tasks");
    }

    /** Server-side checks over a session the caller holds ("test this domain": posttls-finger), without the mail log. */
    public ServerInspector serverChecks(RemoteSession session) {
        return new ServerInspector(new RemoteServerCommands(session), Optional.empty());
    }

    /** The same services with other SSH jobs (a test's known_hosts file or connector); server access follows them. */
    public WizardServices withSshJobs(SshJobs jobs) {
        return new WizardServices(jobs, discovery, deploy, verification, VerificationSetup.overSsh(jobs), trust,
                recentHosts, workstation, tasks);
    }

    public WizardServices withServerAccess(VerificationSetup access) {
        return new WizardServices(sshJobs, discovery, deploy, verification, access, trust, recentHosts, workstation,
                tasks);
    }

    public WizardServices withVerification(VerificationTools tools) {
        return new WizardServices(sshJobs, discovery, deploy, tools, serverAccess, trust, recentHosts, workstation,
                tasks);
    }

    public WizardServices withRecentHosts(RecentHosts hosts) {
        return new WizardServices(sshJobs, discovery, deploy, verification, serverAccess, trust, hosts, workstation,
                tasks);
    }

    public WizardServices withTasks(TaskExecutor executor) {
        return new WizardServices(sshJobs, discovery, deploy, verification, serverAccess, trust, recentHosts,
                workstation, executor);
    }
}
