package org.postfixtls.wizard.adapter.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;

/**
 * Output larger than JSch's 32 KB pipe arrives whole and at network speed. Before, the polling reader never woke
 * JSch's writer, which then waited 1 s per full pipe: 4 MB took about two minutes and hit this 30 s limit (a mail
 * log read by the readiness check is megabytes).
 */
class LargeOutputIT {

    @Test
    void fourMegabytesArriveWellWithinTheCommandTimeout() {
        Testbed testbed = Testbed.require();
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            CommandResult result = session.run(List.of("head", "-c", "4000000", "/dev/zero"), new byte[0],
                    Duration.ofSeconds(30));
            assertEquals(0, result.exitCode(), result.stderrText());
            assertEquals(4_000_000, result.stdout().length);
        }
    }
}
