package org.postfixtls.wizard.adapter.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpATTRS;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
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
 *
 * <p>Root commands go through sudo. A sudo password is a secret for sudo alone and never shares a stream with data
 * (docs/decisions/0063-sudo-password-never-shares-a-stream.md): when sudo's policy needs no password, none is
 * sent; otherwise every command runs as {@code sudo -S -k} with the password as the only content of stdin, the
 * command itself reads {@code /dev/null}, and a command's own stdin is handed over as a file whose SHA-256 root
 * checks before using it.
 */
final class SshSession implements RemoteSession {

    /** Output beyond this is an error rather than an out-of-memory: no command of ours prints that much. */
    private static final int MAX_OUTPUT = 64 * 1024 * 1024;
    private static final Duration SUDO_CHECK = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * With a sudo password, for a command without stdin: should sudo not read the password (a rule that needs
     * none for this command), the command still never sees it.
     */
    static final String NO_STDIN = "exec </dev/null; exec \"$@\"";

    /**
     * With a sudo password, for a command with stdin ({@code $1} the uploaded file, {@code $2} its SHA-256): root
     * copies the login user's file into a directory of its own and runs the command on the copy only if the hash
     * matches, so a file swapped after the upload is refused and nothing runs. Exit 125 with a message otherwise.
     */
    static final String VERIFIED_STDIN = """
            d=$(mktemp -d) || exit 125
            if timeout 60 head -c 67108864 -- "$1" >"$d/stdin" 2>/dev/null \\
                && [ "$(sha256sum <"$d/stdin")" = "$2  -" ]; then
              exec <"$d/stdin"; rm -rf -- "$d"; shift 2; exec "$@"
            fi
            rm -rf -- "$d"
            echo "pftw: $1 is missing or changed after the upload (SHA-256 differs); nothing was run" >&2
            exit 125
            """;

    /** How commands reach root, settled when the session opens. */
    private enum Escalation {
        NONE, SUDO_WITHOUT_PASSWORD, SUDO_WITH_PASSWORD
    }

    private final Session session;
    private final String target;
    private final Privilege privilege;
    private final AtomicInteger commands = new AtomicInteger();
    private final AtomicInteger transfers = new AtomicInteger();
    private volatile Escalation escalation = Escalation.NONE;
    private ChannelSftp sftp;

    private SshSession(Session session, ConnectionSettings settings) {
        this.session = session;
        this.target = settings.target();
        this.privilege = settings.privilege();
    }

    static SshSession open(Session session, ConnectionSettings settings) {
        SshSession opened = new SshSession(session, settings);
        try {
            opened.escalation = opened.escalation();
            return opened;
        } catch (RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    private Escalation escalation() {
        return switch (privilege) {
            case Privilege.Root root -> Escalation.NONE;
            case Privilege.SudoWithoutPassword sudo -> Escalation.SUDO_WITHOUT_PASSWORD;
            case Privilege.SudoWithPassword sudo -> checkPassword(sudo);
        };
    }

    /**
     * Sends the password only when sudo's policy asks for one: a sudo that does not read it would pass it on to
     * the command. {@code -k} ignores a password sudo still remembers, so the probe answers for the policy alone;
     * the check then proves the password before any command runs with it.
     */
    private Escalation checkPassword(Privilege.SudoWithPassword sudo) {
        CommandResult probe = exec("sudo -n -k -- true", new byte[0], SUDO_CHECK, "sudo", null);
        if (probe.succeeded()) {
            return Escalation.SUDO_WITHOUT_PASSWORD;
        }
        byte[] password = passwordLine(sudo);
        CommandResult check;
        try {
            check = exec("sudo -S -k -p '' -- true", password, SUDO_CHECK, "sudo", null);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
        if (!check.succeeded()) {
            String error = check.stderrText();
            String why = rejectedPassword(check) ? "the sudo password was not accepted"
                    : error.contains("not in the sudoers") || error.contains("not allowed")
                            ? "the user may not use sudo"
                            : "sudo failed: " + check.firstErrorLine();
            throw new RemoteException.PrivilegeFailed(why + " (" + target + ")");
        }
        return Escalation.SUDO_WITH_PASSWORD;
    }

    private static boolean rejectedPassword(CommandResult result) {
        String error = result.stderrText();
        return result.exitCode() == 1 && (error.contains("incorrect password") || error.contains("Sorry, try again"));
    }

    private static byte[] passwordLine(Privilege.SudoWithPassword sudo) {
        byte[] password = SshConnector.utf8(sudo.password());
        byte[] line = Arrays.copyOf(password, password.length + 1);
        line[password.length] = '\n';
        Arrays.fill(password, (byte) 0);
        return line;
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
        String program = argv.get(0);
        return switch (escalation) {
            case NONE -> exec(ShellQuoting.join(argv), stdin, timeout, program, stdoutLines);
            case SUDO_WITHOUT_PASSWORD -> {
                CommandResult result = exec(ShellQuoting.join(concat(List.of("sudo", "-n", "--"), argv)), stdin,
                        timeout, program, stdoutLines);
                if (result.exitCode() == 1 && result.stderrText().contains("a password is required")) {
                    throw new RemoteException.PrivilegeFailed("sudo on " + target + " needs a password for this"
                            + " user; give the sudo password (CLI: --ask-sudo-password)");
                }
                yield result;
            }
            case SUDO_WITH_PASSWORD -> stdin.length == 0
                    ? withPassword(concat(List.of("sh", "-c", NO_STDIN, "sh"), argv), timeout, program, stdoutLines)
                    : withStdinFile(argv, stdin, timeout, stdoutLines);
        };
    }

    /** The command's stdin goes to root as a file in a private directory of the login user, checked by hash. */
    private CommandResult withStdinFile(List<String> argv, byte[] stdin, Duration timeout,
            Consumer<String> stdoutLines) {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        Sftp files = new Sftp();
        String directory = files.home() + "/.pftw-stdin-" + HexFormat.of().formatHex(random);
        String file = directory + "/stdin";
        try {
            files.createPrivateDirectory(directory);
            files.write(file, stdin);
            CommandResult result = withPassword(concat(List.of("sh", "-c", VERIFIED_STDIN, "sh", file,
                    sha256(stdin)), argv), timeout, argv.get(0), stdoutLines);
            if (result.exitCode() == 125 && result.stderrText().startsWith("pftw: ")) {
                throw new RemoteException("the input for '" + argv.get(0) + "' on " + target + " changed on the"
                        + " server between the upload and its use (another process of " + target
                        + " is interfering); nothing was run");
            }
            return result;
        } finally {
            files.delete(directory);
        }
    }

    private CommandResult withPassword(List<String> argv, Duration timeout, String program,
            Consumer<String> stdoutLines) {
        byte[] password = passwordLine((Privilege.SudoWithPassword) privilege);
        try {
            CommandResult result = exec(ShellQuoting.join(concat(List.of("sudo", "-S", "-k", "-p", "", "--"), argv)),
                    password, timeout, program, stdoutLines);
            if (rejectedPassword(result)) {
                throw new RemoteException.PrivilegeFailed("sudo on " + target + " no longer accepts the password");
            }
            return result;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
        if (any) {
            // JSch writes into a PipedInputStream, whose writer waits up to 1 s for room once the pipe is full and is
            // only woken by a reader that blocks; this loop polls instead, so wake it: without this, output beyond
            // the pipe's size arrives at about one pipe (32 KB) per second.
            synchronized (stream) {
                stream.notifyAll();
            }
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

    /** SFTP as the login user; one channel per session, so every transfer holds the session's lock. */
    private final class Sftp implements RemoteFiles {
        @Override
        public String home() {
            synchronized (SshSession.this) {
                try {
                    return sftp().getHome();
                } catch (SftpException e) {
                    throw new RemoteException("SFTP on " + target + ": cannot find the home directory: "
                            + e.getMessage());
                }
            }
        }

        @Override
        public void createPrivateDirectory(String path) {
            synchronized (SshSession.this) {
                try {
                    ChannelSftp channel = sftp();
                    channel.mkdir(path);
                    channel.chmod(0700, path);
                } catch (SftpException e) {
                    throw new RemoteException("SFTP on " + target + ": cannot create " + path + ": " + e.getMessage());
                }
            }
        }

        @Override
        public void write(String path, byte[] content) {
            synchronized (SshSession.this) {
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

        @Override
        public void delete(String path) {
            synchronized (SshSession.this) {
                try {
                    deleteTree(sftp(), path);
                } catch (SftpException e) {
                    throw new RemoteException("SFTP on " + target + ": cannot delete " + path + ": " + e.getMessage());
                }
            }
        }

        /** Links are removed, never followed: the tree is the login user's, whatever it points to is not ours. */
        private void deleteTree(ChannelSftp channel, String path) throws SftpException {
            SftpATTRS attributes;
            try {
                attributes = channel.lstat(path);
            } catch (SftpException e) {
                if (e.id == ChannelSftp.SSH_FX_NO_SUCH_FILE) {
                    return;
                }
                throw e;
            }
            if (!attributes.isDir()) {
                channel.rm(path);
                return;
            }
            for (ChannelSftp.LsEntry entry : channel.ls(path)) {
                String name = entry.getFilename();
                if (!name.equals(".") && !name.equals("..")) {
                    deleteTree(channel, path + "/" + name);
                }
            }
            channel.rmdir(path);
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
