package org.postfixtls.wizard.testsupport;

import java.nio.file.Path;
import java.util.List;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Credentials;
import org.postfixtls.wizard.app.remote.HostKeyDecider;
import org.postfixtls.wizard.app.remote.Privilege;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.adapter.ssh.SshConnector;

/** Connection settings for the test bed's sshd (pinned known_hosts, deploy user with NOPASSWD sudo). */
public final class TestbedSsh {

    private TestbedSsh() {
    }

    public static ConnectionSettings deployUser(Testbed testbed) {
        return new ConnectionSettings(testbed.host(), testbed.port("ssh.port"), testbed.get("ssh.user"),
                List.of(new Credentials.KeyFile(Path.of(testbed.get("ssh.key")), null)),
                Path.of(testbed.get("ssh.knownHosts")), HostKeyDecider.rejectAll(), new Privilege.SudoWithoutPassword(),
                ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    public static ConnectionSettings sudoPasswordUser(Testbed testbed, Privilege privilege) {
        return user(testbed, testbed.get("ssh.sudoPasswordUser"), privilege);
    }

    /** The user whose sudo asks for a password and then remembers it for every session (timestamp_type=global). */
    public static ConnectionSettings sudoCachingUser(Testbed testbed, Privilege privilege) {
        return user(testbed, testbed.get("ssh.sudoCachingUser"), privilege);
    }

    /** Any test-bed user, logging in with the test bed's client key. */
    public static ConnectionSettings user(Testbed testbed, String user, Privilege privilege) {
        return new ConnectionSettings(testbed.host(), testbed.port("ssh.port"), user,
                List.of(new Credentials.KeyFile(Path.of(testbed.get("ssh.key")), null)),
                Path.of(testbed.get("ssh.knownHosts")), HostKeyDecider.rejectAll(), privilege,
                ConnectionSettings.DEFAULT_CONNECT_TIMEOUT);
    }

    public static RemoteSession connect(ConnectionSettings settings) {
        return new SshConnector().connect(settings);
    }
}
