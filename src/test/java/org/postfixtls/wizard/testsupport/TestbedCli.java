package org.postfixtls.wizard.testsupport;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.cli.WizardCli;

/**
 * The real CLI, run in-process against one test bed: the remote commands (deploy, rollback, ...) log in as the bed's
 * deploy user with sudo and keep their history under a state root of the test's own, so that tests running one
 * after another on the same bed do not see each other's deploys.
 */
public final class TestbedCli {

    /** What one CLI run printed and how it exited. */
    public record Run(int exit, String out, String err) {
        public String all() {
            return out + err;
        }
    }

    private final Testbed testbed;
    private final String stateRoot;
    private final Path journal;

    /** {@code stateRoot} is a path on the server; {@code journal} a file on this machine. */
    public TestbedCli(Testbed testbed, String stateRoot, Path journal) {
        this.testbed = testbed;
        this.stateRoot = stateRoot;
        this.journal = journal;
    }

    /**
     * A remote command with the bed's SSH login, its known_hosts, its Postfix config directory, the state root and
     * the journal; a {@code --known-hosts} among {@code extra} (a host-key test) takes the place of the bed's.
     */
    public Run remote(String command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command, "--host", testbed.host(), "--port",
                testbed.get("ssh.port"), "--user", testbed.get("ssh.user"), "--identity", testbed.get("ssh.key"),
                "--sudo", "--config-dir", testbed.get("postfix.configDir"), "--state-root", stateRoot, "--journal",
                journal.toString()));
        if (!List.of(extra).contains("--known-hosts")) {
            args.addAll(List.of("--known-hosts", testbed.get("ssh.knownHosts")));
        }
        args.addAll(List.of(extra));
        return run(args);
    }

    /** A command line exactly as given (verify, plan: nothing of the bed is added). */
    public static Run run(String... args) {
        return run(List.of(args));
    }

    public static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WizardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString());
    }

    /** Baseline configuration, a freshly started instance, no deploy history. */
    public void clean() throws IOException, InterruptedException {
        forgetHistory();
        Tools.resetTestbed(testbed);
    }

    /**
     * After a case: one that rolled back has already restored the baseline, so only its deploy history goes; any
     * other (it failed half-way) is {@linkplain #clean() cleaned}.
     */
    public void finish(boolean rolledBack) throws IOException, InterruptedException {
        if (rolledBack) {
            forgetHistory();
        } else {
            clean();
        }
    }

    private void forgetHistory() throws IOException, InterruptedException {
        Tools.run(List.of("rm", "-rf", testbed.hostPath(stateRoot).toString()), "", 30);
    }
}
