package org.postfixtls.wizard.adapter.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Credentials;
import org.postfixtls.wizard.app.remote.RemoteConnector;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteSession;

/**
 * Opens JSch sessions. Host keys are always checked (StrictHostKeyChecking=yes behind
 * {@link VerifyingHostKeys}); every JSch failure becomes a {@link RemoteException} a person can act on.
 */
public final class SshConnector implements RemoteConnector {

    @Override
    public RemoteSession connect(ConnectionSettings settings) {
        List<String> refused = new ArrayList<>();
        RemoteException last = null;
        for (Credentials credentials : settings.credentials()) {
            try {
                return SshSession.open(openSession(settings, credentials), settings);
            } catch (RemoteException.AuthenticationFailed e) {
                refused.add(describe(credentials));
                last = e;
            }
        }
        if (refused.size() > 1) {
            throw new RemoteException.AuthenticationFailed("authentication failed for user " + settings.user() + " on "
                    + settings.host() + ":" + settings.port() + " with " + String.join(", then ", refused));
        }
        throw last;
    }

    private static Session openSession(ConnectionSettings settings, Credentials credentials) {
        JSch jsch = new JSch();
        VerifyingHostKeys hostKeys;
        Session session;
        try {
            loadKnownHosts(jsch, settings.knownHosts());
            hostKeys = new VerifyingHostKeys(jsch.getHostKeyRepository(), settings.hostKeyDecider(),
                    settings.knownHosts(), settings.host(), settings.port());
            jsch.setHostKeyRepository(hostKeys);
            String methods = addCredentials(jsch, credentials);
            session = jsch.getSession(settings.user(), settings.host(), settings.port());
            if (credentials instanceof Credentials.Password password) {
                session.setPassword(utf8(password.password()));
            }
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", methods);
            session.setConfig("MaxAuthTries", "3");
        } catch (JSchException e) {
            throw new RemoteException.AuthenticationFailed(credentialProblem(settings, credentials, e));
        }
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        try {
            session.setTimeout(timeoutMillis);
            session.setServerAliveInterval(15_000);
            session.setServerAliveCountMax(4);
            session.connect(timeoutMillis);
            session.setTimeout(0);
            return session;
        } catch (JSchException e) {
            session.disconnect();
            throw translate(e, settings, credentials, hostKeys);
        }
    }

    private static void loadKnownHosts(JSch jsch, Path file) throws JSchException {
        if (Files.isRegularFile(file)) {
            jsch.setKnownHosts(file.toString());
        } else {
            jsch.setKnownHosts(new ByteArrayInputStream(new byte[0]));
        }
    }

    private static String addCredentials(JSch jsch, Credentials credentials) throws JSchException {
        switch (credentials) {
            case Credentials.KeyFile key -> {
                if (!Files.isReadable(key.key())) {
                    throw new JSchException("the key file " + key.key() + " does not exist or is not readable");
                }
                byte[] passphrase = key.passphrase() == null ? null : utf8(key.passphrase());
                try {
                    jsch.addIdentity(key.key().toString(), passphrase);
                } finally {
                    if (passphrase != null) {
                        Arrays.fill(passphrase, (byte) 0);
                    }
                }
                return "publickey";
            }
            case Credentials.Agent agent -> {
                try {
                    jsch.setIdentityRepository(new AgentIdentityRepository(agent.socket() == null
                            ? new SSHAgentConnector() : new SSHAgentConnector(agent.socket())));
                } catch (AgentProxyException e) {
                    String socket = agent.socket() != null ? agent.socket().toString()
                            : System.getenv("SSH_AUTH_SOCK") == null ? "SSH_AUTH_SOCK not set"
                            : System.getenv("SSH_AUTH_SOCK");
                    throw new JSchException("no ssh-agent is reachable (" + socket + ")");
                }
                return "publickey";
            }
            case Credentials.Password password -> {
                return "password,keyboard-interactive";
            }
        }
    }

    static byte[] utf8(char[] secret) {
        ByteBuffer buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(secret));
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        if (buffer.hasArray()) {
            Arrays.fill(buffer.array(), (byte) 0);
        }
        return bytes;
    }

    private static String describe(Credentials credentials) {
        return switch (credentials) {
            case Credentials.KeyFile key -> "key " + key.key() + (key.passphrase() == null ? "" : " (with passphrase)");
            case Credentials.Agent agent -> "the keys of ssh-agent";
            case Credentials.Password password -> "a password";
        };
    }

    private static String credentialProblem(ConnectionSettings settings, Credentials credentials, JSchException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (credentials instanceof Credentials.KeyFile key && message.toLowerCase().contains("invalid privatekey")) {
            return "cannot use the key " + key.key() + " for user " + settings.user() + ": it is not a private key"
                    + " JSch can read, or the passphrase is wrong";
        }
        return "cannot use " + describe(credentials) + " for user " + settings.user() + ": " + message;
    }

    private static RemoteException translate(JSchException e, ConnectionSettings settings, Credentials credentials,
            VerifyingHostKeys hostKeys) {
        String where = settings.host() + ":" + settings.port();
        switch (hostKeys.outcome()) {
            case CHANGED -> {
                return new RemoteException.HostKeyChanged(hostKeys.presented(), settings.knownHosts().toString());
            }
            case REJECTED_UNKNOWN -> {
                return new RemoteException.HostKeyUnknown(hostKeys.presented());
            }
            case CHANGED_SINCE_ACCEPTED -> {
                return RemoteException.HostKeyChanged.sinceAcceptedThisRun(hostKeys.presented());
            }
            default -> {
            }
        }
        Throwable cause = e.getCause();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (cause instanceof ConnectException) {
            return new RemoteException.ConnectionFailed("cannot connect to " + where + ": connection refused (is sshd"
                    + " running there, and is the port right?)", e);
        }
        if (cause instanceof UnknownHostException) {
            return new RemoteException.ConnectionFailed("cannot connect to " + where + ": unknown host name "
                    + settings.host(), e);
        }
        if (cause instanceof SocketTimeoutException || message.contains("timeout")) {
            return new RemoteException.ConnectionFailed("cannot connect to " + where + ": no answer within "
                    + settings.connectTimeout().toSeconds() + " s", e);
        }
        if (message.startsWith("Auth fail") || message.startsWith("Auth cancel") || message.contains("USERAUTH fail")) {
            return new RemoteException.AuthenticationFailed("authentication failed for user " + settings.user()
                    + " on " + where + " with " + describe(credentials));
        }
        return new RemoteException.ConnectionFailed("cannot open an SSH session to " + where + ": " + message, e);
    }
}
