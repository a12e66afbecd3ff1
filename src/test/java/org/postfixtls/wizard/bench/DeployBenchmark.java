package org.postfixtls.wizard.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.postfixtls.wizard.app.deploy.Cancellation;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.deploy.DeployListener;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * End-to-end deploy on loopback against the test bed: connect, discover, plan, upload, validate, commit
 * (lock, backup, swap, check, reload, health-checked ports). Reports wall time, SSH connections and remote
 * commands. Run as root with the test bed up, under the test-bed lock:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) org.postfixtls.wizard.bench.DeployBenchmark}.
 */
public final class DeployBenchmark {

    private static final String STATE_ROOT = "/var/lib/pftw-testbed-bench";

    private DeployBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Testbed testbed = Testbed.require();
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var profile = ProfileJson.read("""
                { "schema": 1, "hardening": { "preset": "runbook" },
                  "certificate": { "chainFile": "%s", "keyFile": "%s" },
                  "submission": { "starttls": { "port": 2587 }, "implicitTls": { "port": 2465 } } }
                """.formatted(testbed.get("tls.fullchain"), testbed.get("tls.key")));
        DeployOptions options = new DeployOptions(testbed.get("postfix.configDir"), STATE_ROOT, "bench");
        long[] millis = new long[runs];
        DeployReport last = null;
        for (int i = 0; i < runs; i++) {
            baseline(testbed);
            long start = System.nanoTime();
            try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
                long t0 = start;
                StringBuilder timeline = new StringBuilder();
                last = new DeployEngine().deploy(session, profile, options, event -> timeline.append(String.format(
                        "  %5d ms %s %s%n", (System.nanoTime() - t0) / 1_000_000, event.step(), event.status())),
                        new Cancellation());
                if (i == runs - 1) {
                    System.out.print("timeline of the last run:\n" + timeline);
                }
            }
            millis[i] = (System.nanoTime() - start) / 1_000_000;
            if (last.outcome() != DeployOutcome.DEPLOYED) {
                throw new IllegalStateException("deploy did not succeed: " + last.message());
            }
        }
        long noChangeStart = System.nanoTime();
        DeployReport again;
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            again = new DeployEngine().deploy(session, profile, options, DeployListener.ignore(), new Cancellation());
        }
        long noChange = (System.nanoTime() - noChangeStart) / 1_000_000;
        baseline(testbed);
        Arrays.sort(millis);
        System.out.printf("end-to-end deploy (connect -> verified reload), %d runs: median %d ms, min %d ms, max %d ms%n",
                runs, millis[runs / 2], millis[0], millis[runs - 1]);
        System.out.printf("per deploy: %d SSH connection(s), %d remote commands, %d SFTP file transfers%n",
                last.stats().connections(), last.stats().commands(), last.stats().fileTransfers());
        System.out.printf("second deploy (no changes): %d ms, %d remote command(s), outcome %s%n", noChange,
                again.stats().commands(), again.outcome());
    }

    private static void baseline(Testbed testbed) throws IOException, InterruptedException {
        Tools.run(List.of("rm", "-rf", STATE_ROOT), "", 30);
        Tools.resetTestbed(testbed);
        Thread.sleep(1500);
    }
}
