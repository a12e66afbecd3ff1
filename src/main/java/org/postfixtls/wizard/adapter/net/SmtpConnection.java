package org.postfixtls.wizard.adapter.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.domain.verify.SmtpReply;

/**
 * One SMTP client connection, one command at a time, every read bounded by the per-reply timeout and the overall
 * deadline. Replies are parsed strictly: anything that is not "ddd-text" / "ddd text" is reported as garbage.
 * <p>
 * The deadline holds for every byte, also inside a TLS handshake or a ClientHello answer (libraries read whole
 * records in many reads): each socket read is armed with what is left of the overall time, and a watchdog closes
 * the socket when the overall time is up, so a server trickling one byte per reply timeout cannot stretch the
 * connection — nor can a write that never drains.
 */
final class SmtpConnection implements Closeable {

    /** RFC 5321 allows 512 octets per reply line; leave room for sloppy servers, not for a flood. */
    private static final int MAX_LINE = 4096;
    private static final int MAX_LINES = 200;

    private final Socket socket;
    private final ProbeTimeouts timeouts;
    private final Deadline deadline;
    private final EofTracking rawInput;
    private final ConnectionWatchdog.Armed watchdog;
    private InputStream in;
    private OutputStream out;

    private SmtpConnection(Socket socket, ProbeTimeouts timeouts, Deadline deadline, ConnectionWatchdog.Armed watchdog)
            throws IOException {
        this.socket = socket;
        this.timeouts = timeouts;
        this.deadline = deadline;
        this.watchdog = watchdog;
        // Buffered reads are safe across STARTTLS: the server sends nothing after its 220 until our ClientHello,
        // and the TLS layer reads from this same buffered stream.
        this.rawInput = new EofTracking(new BufferedInputStream(new DeadlineInput(socket.getInputStream())));
        this.in = rawInput;
        this.out = new DeadlineOutput(socket.getOutputStream());
    }

    static SmtpConnection open(String host, int port, ProbeTimeouts timeouts) throws IOException {
        Deadline deadline = new Deadline(timeouts.overall());
        Socket socket = new Socket();
        ConnectionWatchdog.Armed watchdog = ConnectionWatchdog.closeAfter(socket, timeouts.overall());
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), (int) Math.min(timeouts.connect().toMillis(),
                    timeouts.overall().toMillis()));
            return new SmtpConnection(socket, timeouts, deadline, watchdog);
        } catch (IOException | RuntimeException e) {
            watchdog.disarm();
            socket.close();
            throw e;
        }
    }

    /** Arms the socket timeout for the next network wait (reply or handshake flight). */
    void armReadTimeout() throws IOException {
        socket.setSoTimeout(deadline.readTimeoutMillis(timeouts.reply()));
    }

    /** The server closed its side (seen as end of stream on the raw connection, also during a handshake). */
    boolean peerClosed() {
        return rawInput.eof;
    }

    InputStream input() {
        return in;
    }

    OutputStream output() {
        return out;
    }

    /** After a TLS handshake: all further SMTP traffic goes through the TLS streams. */
    void switchTo(InputStream tlsIn, OutputStream tlsOut) {
        this.in = tlsIn;
        this.out = tlsOut;
    }

    void send(String command) throws IOException {
        sendRaw((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    void sendRaw(byte[] bytes) throws IOException {
        deadline.check();
        out.write(bytes);
        out.flush();
    }

    SmtpReply command(String command) throws IOException {
        send(command);
        return readReply();
    }

    SmtpReply readReply() throws IOException {
        try {
            return readReplyLines();
        } catch (java.net.SocketTimeoutException e) {
            throw overallOr(e);
        }
    }

    /** A read that timed out because the whole dialog ran out of time says so, not "no reply". */
    java.net.SocketTimeoutException overallOr(java.net.SocketTimeoutException e) {
        return deadline.expired() ? new java.net.SocketTimeoutException("overall time limit reached") : e;
    }

    private SmtpReply readReplyLines() throws IOException {
        List<String> lines = new ArrayList<>();
        int code = -1;
        while (true) {
            armReadTimeout();
            String line = readLine();
            if (line.length() < 3 || !isDigits(line.substring(0, 3))
                    || (line.length() > 3 && line.charAt(3) != ' ' && line.charAt(3) != '-')) {
                throw new SmtpProtocolException("not an SMTP reply: \"" + printable(line) + "\"");
            }
            int lineCode = Integer.parseInt(line.substring(0, 3));
            if (code >= 0 && lineCode != code) {
                throw new SmtpProtocolException("reply codes change within one reply (" + code + ", then " + lineCode + ")");
            }
            code = lineCode;
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (lines.size() > MAX_LINES) {
                throw new SmtpProtocolException("reply longer than " + MAX_LINES + " lines");
            }
            if (line.length() == 3 || line.charAt(3) == ' ') {
                return new SmtpReply(code, lines);
            }
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(line.size() == 0 ? "the server closed the connection"
                        : "the server closed the connection in the middle of a reply line");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
            if (line.size() > MAX_LINE) {
                throw new SmtpProtocolException("reply line longer than " + MAX_LINE + " bytes: \""
                        + printable(line.toString(StandardCharsets.ISO_8859_1)) + "\"");
            }
            armReadTimeout(); // a server trickling one byte at a time must not outlive the overall bound
        }
    }

    private static boolean isDigits(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (b.length() >= 60) {
                b.append("...");
                break;
            }
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }

    private static final class EofTracking extends java.io.FilterInputStream {
        volatile boolean eof;

        EofTracking(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            eof |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            eof |= n < 0;
            return n;
        }
    }

    /**
     * Every read on the socket waits at most the per-reply time and never past the overall deadline; a failure after
     * the deadline (the watchdog closed the socket) is reported as the overall limit, not as a broken connection.
     */
    private final class DeadlineInput extends java.io.FilterInputStream {
        DeadlineInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            armReadTimeout();
            try {
                return super.read();
            } catch (IOException e) {
                throw overallOr(e);
            }
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            armReadTimeout();
            try {
                return super.read(buffer, offset, length);
            } catch (IOException e) {
                throw overallOr(e);
            }
        }
    }

    private final class DeadlineOutput extends java.io.FilterOutputStream {
        DeadlineOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            deadline.check();
            try {
                out.write(buffer, offset, length);
            } catch (IOException e) {
                throw overallOr(e);
            }
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }
    }

    private IOException overallOr(IOException e) {
        return deadline.expired() ? new java.net.SocketTimeoutException("overall time limit reached") : e;
    }

    @Override
    public void close() {
        watchdog.disarm();
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a probe connection: nothing left to report
        }
    }
}
