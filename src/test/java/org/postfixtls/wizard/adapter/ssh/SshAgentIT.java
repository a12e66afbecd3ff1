package org.postfixtls.wizard.adapter.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Credentials;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/** Login with a key held by a real ssh-agent (started for the test, killed by its own pid). */
class SshAgentIT {

    @Test
    void theAgentsKeyLogsInAndAnEmptyAgentIsAnAuthenticationFailure(@TempDir Path dir) throws Exception {
        Testbed testbed = Testbed.require();
        Testbed.requireCommand("ssh-agent");
        Path socket = dir.resolve("agent.sock");
        Tools.Output started = Tools.run(List.of("ssh-agent", "-a", socket.toString(), "-s"), "", 10);
        String pid = started.text().replaceAll("(?s).*SSH_AGENT_PID=(\\d+).*", "$1");
        try {
            ConnectionSettings base = TestbedSsh.deployUser(testbed);
            ConnectionSettings viaAgent = new ConnectionSettings(base.host(), base.port(), base.user(),
                    List.of(new Credentials.Agent(socket)), base.knownHosts(), base.hostKeyDecider(), base.privilege(),
                    base.connectTimeout());
            RemoteException.AuthenticationFailed empty = assertThrows(RemoteException.AuthenticationFailed.class,
                    () -> TestbedSsh.connect(viaAgent));
            assertTrue(empty.getMessage().contains("ssh-agent"), empty.getMessage());
            ProcessBuilder add = new ProcessBuilder("ssh-add", testbed.get("ssh.key"));
            add.environment().put("SSH_AUTH_SOCK", socket.toString());
            assertEquals(0, add.start().waitFor());
            try (RemoteSession session = TestbedSsh.connect(viaAgent)) {
                assertEquals("0", session.run(List.of("id", "-u"), Duration.ofSeconds(10)).stdoutText().strip());
            }
        } finally {
            Tools.run(List.of("kill", pid), "", 10);
        }
    }
}
