package org.postfixtls.wizard.adapter.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.postfixtls.wizard.app.remote.CommandResult;
import org.postfixtls.wizard.app.remote.ConnectionSettings;
import org.postfixtls.wizard.app.remote.Privilege;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteFiles;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.app.remote.SessionStats;

/**
 * One JSch session: every command is an exec channel on it, file transfers use one SFTP channel on it.
 * Root commands are prefixed with {@code sudo -n --} or {@code sudo -S -p '' --} (password first on stdin).
 */
final class SshSession implements RemoteSession {

    /** Output beyond this is an error rather than an out-of-memory: no command of ours prints that much. */
    private static final int MAX_OUTPUT = 64 * 1024 * 1024;

    private final Session session;
    private final String target;
    private final Privilege privilege;
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger transfers = new AtomicInteger();
    private ChannelSftp sftp;

    private SshSession(Session session, ConnectionSettings settings) {
        this.session = session;
        this.target = settings.target();
        this.privilege = settings.privilege();
    }

    static SshSession open(Session session, ConnectionSettings settings) {
        SshSession opened = new SshSession(session, settings);
        try {
            opened.checkPrivilege();
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * With a sudo password, prove it works before any command carries data after it: a rejected password
     * would make sudo read the command's stdin as further password attempts.
     */
    private void checkPrivilege() {
        if (!(privilege instanceof Privilege.SudoWithPassword)) {
            return;
        }
        CommandResult result = run(List.of("true"), new byte[0], Duration.ofSeconds(30));
        if (!result.succeeded()) {
            String error = result.stderrText();
            String why = error.contains("incorrect password") || error.contains("Sorry, try again")
                    ? "the sudo password was not accepted"
                    : error.contains("not in the sudoers") || error.contains("not allowed")
                            ? "the user may not use sudo"
                            : "sudo failed: " + result.firstErrorLine();
            throw new RemoteException.PrivilegeFailed(why + " (" + target + ")");
        }
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout) {
        return run(argv, stdin, timeout, null);
    }

    @Override
    public CommandResult run(List<String> argv, byte[] stdin, Duration timeout, Consumer<String> stdoutLines) {
        List<String> command = new ArrayList<>();
        byte[] input = stdin;
        switch (privilege) {
            case Privilege.Root root -> {
            }
            case Privilege.SudoWithoutPassword sudo -> command.addAll(List.of("sudo", "-n", "--"));
            case Privilege.SudoWithPassword sudo -> {
                command.addAll(List.of("sudo", "-S", "-p", "", "--"));
                byte[] password = SshConnector.utf8(sudo.password());
                input = new byte[password.length + 1 + stdin.length];
                System.arraycopy(password, 0, input, 0, password.length);
                input[password.length] = '\n';
                System.arraycopy(stdin, 0, input, password.length + 1, stdin.length);
                Arrays.fill(password, (byte) 0);
            }
        }
        command.addAll(argv);
        try {
            CommandResult result = exec(ShellQuoting.join(command), input, timeout, argv.get(0), stdoutLines);
            if (privilege instanceof Privilege.SudoWithoutPassword && result.exitCode() == 1
                    && result.stderrText().contains("a password is required")) {
                throw new RemoteException.PrivilegeFailed("sudo on " + target + " needs a password for this user;"
                        + " give the sudo password (CLI: --ask-sudo-password)");
            }
            return result;
        } finally {
            if (input != stdin) {
                Arrays.fill(input, (byte) 0);
            }
        }
    }

    private CommandResult exec(String commandLine, byte[] stdin, Duration timeout, String program,
            Consumer<String> stdoutLines) {
        ChannelExec channel;
        try {
            channel = (ChannelExec) session.openChannel("exec");
        } catch (JSchException e) {
            throw lost(e);
        }
        commands.incrementAndGet();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            channel.setCommand(commandLine.getBytes(StandardCharsets.UTF_8));
            InputStream out = channel.getInputStream();
            InputStream err = channel.getExtInputStream();
            OutputStream in = channel.getOutputStream();
            channel.connect((int) Math.max(1, Math.min(timeout.toMillis(), 30_000)));
            Thread feeder = Thread.ofVirtual().start(() -> feed(in, stdin));
            ByteArrayOutputStream stdout = new ByteArrayOutputStream();
            ByteArrayOutputStream stderr = new ByteArrayOutputStream();
            LineSplitter lines = stdoutLines == null ? null : new LineSplitter(stdoutLines);
            byte[] buffer = new byte[32 * 1024];
            while (true) {
                boolean progress = drain(out, stdout, buffer, lines) | drain(err, stderr, buffer, null);
                if (channel.isClosed() && out.available() == 0 && err.available() == 0) {
                    break;
                }
                if (stdout.size() + stderr.size() > MAX_OUTPUT) {
                    throw new RemoteException("'" + program + "' on " + target + " printed more than "
                            + MAX_OUTPUT / (1024 * 1024) + " MB; abandoned");
                }
                if (System.nanoTime() > deadline) {
                    throw new RemoteException.Timeout("'" + program + "' on " + target + " did not finish within "
                            + timeout.toSeconds() + " s; abandoned");
                }
                if (!session.isConnected()) {
                    throw new RemoteException.ConnectionFailed("the connection to " + target + " was lost while '"
                            + program + "' ran", null);
                }
                if (!progress) {
                    Thread.sleep(2);
                }
            }
            feeder.join(1000);
            if (lines != null) {
                lines.finish();
            }
            return new CommandResult(channel.getExitStatus(), stdout.toByteArray(), stderr.toByteArray());
        } catch (JSchException | IOException e) {
            throw lost(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException("interrupted while '" + program + "' ran on " + target);
        } finally {
            channel.disconnect();
        }
    }

    private static boolean drain(InputStream stream, ByteArrayOutputStream sink, byte[] buffer, LineSplitter lines)
            throws IOException {
        boolean any = false;
        while (stream.available() > 0) {
            int n = stream.read(buffer, 0, Math.min(buffer.length, stream.available()));
            if (n <= 0) {
                break;
            }
            sink.write(buffer, 0, n);
            if (lines != null) {
                lines.accept(buffer, n);
            }
            any = true;
        }
        return any;
    }

    private static void feed(OutputStream in, byte[] stdin) {
        try (in) {
            new ByteArrayInputStream(stdin).transferTo(in);
        } catch (IOException e) {
            // The command ended without reading all of its input; its exit code tells the story.
        }
    }

    private RemoteException lost(Exception e) {
        return new RemoteException.ConnectionFailed("the SSH session to " + target + " failed: " + e.getMessage(), e);
    }

    @Override
    public RemoteFiles files() {
        return new Sftp();
    }

    @Override
    public SessionStats stats() {
        return new SessionStats(1, commands.get(), transfers.get());
    }

    @Override
    public synchronized void close() {
        if (sftp != null) {
            sftp.disconnect();
        }
        session.disconnect();
    }

    private synchronized ChannelSftp sftp() {
        try {
            if (sftp == null || sftp.isClosed()) {
                sftp = (ChannelSftp) session.openChannel("sftp");
                sftp.connect(30_000);
            }
            return sftp;
        } catch (JSchException e) {
            throw lost(e);
        }
    }

    private final class Sftp implements RemoteFiles {
        @Override
        public String home() {
            try {
                return sftp().getHome();
            } catch (SftpException e) {
                throw new RemoteException("SFTP on " + target + ": cannot find the home directory: " + e.getMessage());
            }
        }

        @Override
        public void createPrivateDirectory(String path) {
            try {
                ChannelSftp channel = sftp();
                channel.mkdir(path);
                channel.chmod(0700, path);
            } catch (SftpException e) {
                throw new RemoteException("SFTP on " + target + ": cannot create " + path + ": " + e.getMessage());
            }
        }

        @Override
        public void write(String path, byte[] content) {
            try {
                ChannelSftp channel = sftp();
                channel.put(new ByteArrayInputStream(content), path, ChannelSftp.OVERWRITE);
                channel.chmod(0600, path);
                transfers.incrementAndGet();
            } catch (SftpException e) {
                throw new RemoteException("SFTP on " + target + ": cannot write " + path + ": " + e.getMessage());
            }
        }
    }

    /** Cuts a byte stream into UTF-8 lines for a progress listener. */
    private static final class LineSplitter {
        private final Consumer<String> listener;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSplitter(Consumer<String> listener) {
            this.listener = listener;
        }

        void accept(byte[] bytes, int length) {
            for (int i = 0; i < length; i++) {
                if (bytes[i] == '\n') {
                    listener.accept(line.toString(StandardCharsets.UTF_8));
                    line.reset();
                } else {
                    line.write(bytes[i]);
                }
            }
        }

        void finish() {
            if (line.size() > 0) {
                listener.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            }
        }
    }
}
