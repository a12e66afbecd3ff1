package org.postfixtls.wizard.adapter.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A misbehaving SMTP server on loopback, for tests only: each behaviour is one way real servers (or middleboxes)
 * break the dialog. Every accepted connection gets the same behaviour.
 */
final class HostileSmtpServer implements AutoCloseable {

    enum Behaviour {
        /** Greets with something that is not an SMTP reply. */
        GARBAGE_BANNER,
        /** Accepts the connection and never says anything. */
        SILENT,
        /** Greets, then answers EHLO with binary noise. */
        GARBAGE_AFTER_EHLO,
        /** Offers STARTTLS, says 220 to it, reads the ClientHello and hangs up. */
        CLOSE_MID_HANDSHAKE,
        /** Offers STARTTLS and then refuses it with 454. */
        STARTTLS_REFUSED,
        /** Greets with a multi-line 421 and closes. */
        BUSY_421,
        /** Sends the banner one byte every 150 ms, forever. */
        TRICKLE,
        /** Answers correctly but slowly (250 ms per reply), without STARTTLS. */
        SLOW_NO_STARTTLS,
        /** Greets and hangs up before EHLO is answered. */
        DROP_AFTER_BANNER,
        /**
         * Offers and accepts STARTTLS, then answers the ClientHello with the header of a 12 KB handshake record and
         * its body one byte every 150 ms (for 30 s at most): every single read is quick, the record never completes.
         */
        TRICKLE_TLS_RECORD,
        /** Offers STARTTLS and refuses it with a 454 whose text carries terminal escapes and HTML/Markdown. */
        STARTTLS_REFUSED_WITH_MARKUP
    }

    /** The text of the {@link Behaviour#STARTTLS_REFUSED_WITH_MARKUP} refusal. */
    static final String MARKUP_REPLY = "4.7.0 \u001b[2J\u001b]0;owned\u0007 <img src=x onerror=alert(1)>"
            + " [details](javascript:alert(1)) **TLS** not available";

    private final ServerSocket server;
    private final Behaviour behaviour;
    private final List<Socket> accepted = new ArrayList<>();
    private final Thread acceptor;
    private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();

    HostileSmtpServer(Behaviour behaviour) throws IOException {
        this.behaviour = behaviour;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    /** Connections the client has not closed yet (a silent server notices the close by reading end of stream). */
    int openConnections() {
        return open.get();
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                synchronized (accepted) {
                    accepted.add(socket);
                }
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            switch (behaviour) {
                case GARBAGE_BANNER -> write(out, "HELLO THIS IS NOT SMTP\r\n");
                case SILENT -> {
                    open.incrementAndGet();
                    try {
                        while (socket.getInputStream().read() >= 0) {
                            // discard whatever the client says; never answer
                        }
                    } finally {
                        open.decrementAndGet();
                    }
                }
                case GARBAGE_AFTER_EHLO -> {
                    write(out, "220 hostile.test ESMTP\r\n");
                    in.readLine();
                    out.write(new byte[] {0x16, 0x03, 0x01, 0x00, 0x05, 0x00, (byte) 0xff, 0x0a, 0x0d, 0x0a});
                    out.flush();
                    Thread.sleep(60_000);
                }
                case CLOSE_MID_HANDSHAKE -> {
                    greetWithStarttls(out, in);
                    String command;
                    while ((command = in.readLine()) != null) {
                        if (command.equalsIgnoreCase("STARTTLS")) {
                            write(out, "220 2.0.0 Ready to start TLS\r\n");
                            socket.getInputStream().read(new byte[64]); // part of the ClientHello, then hang up
                            return;
                        }
                        write(out, command.toUpperCase().startsWith("MAIL") ? "530 5.7.0 Must issue a STARTTLS command first\r\n"
                                : "250 2.0.0 Ok\r\n");
                    }
                }
                case STARTTLS_REFUSED, STARTTLS_REFUSED_WITH_MARKUP -> {
                    greetWithStarttls(out, in);
                    String command;
                    while ((command = in.readLine()) != null) {
                        if (command.startsWith("STARTTLS")) {
                            write(out, behaviour == Behaviour.STARTTLS_REFUSED
                                    ? "454 4.7.0 TLS not available due to local problem\r\n" : "454 " + MARKUP_REPLY + "\r\n");
                        } else if (command.startsWith("QUIT")) {
                            write(out, "221 2.0.0 Bye\r\n");
                            return;
                        } else {
                            write(out, "250 2.0.0 Ok\r\n");
                        }
                    }
                }
                case BUSY_421 -> write(out, "421-hostile.test Service not available\r\n421 4.3.2 too busy, try later\r\n");
                case TRICKLE -> {
                    for (char c : "220 hostile.test ESMTP this banner never ends ".repeat(100).toCharArray()) {
                        out.write(c);
                        out.flush();
                        Thread.sleep(150);
                    }
                }
                case SLOW_NO_STARTTLS -> {
                    Thread.sleep(250);
                    write(out, "220 slow.test ESMTP\r\n");
                    String command;
                    while ((command = in.readLine()) != null) {
                        Thread.sleep(250);
                        if (command.startsWith("EHLO")) {
                            write(out, "250-slow.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n");
                        } else if (command.startsWith("QUIT")) {
                            write(out, "221 Bye\r\n");
                            return;
                        } else {
                            write(out, "250 Ok\r\n");
                        }
                    }
                }
                case TRICKLE_TLS_RECORD -> {
                    greetWithStarttls(out, in);
                    String command;
                    while ((command = in.readLine()) != null) {
                        if (command.equalsIgnoreCase("STARTTLS")) {
                            write(out, "220 2.0.0 Ready to start TLS\r\n");
                            socket.getInputStream().read(new byte[512]); // the ClientHello
                            out.write(new byte[] {0x16, 0x03, 0x03, 0x30, 0x00});
                            for (int i = 0; i < 200; i++) {
                                out.write(0x02);
                                out.flush();
                                Thread.sleep(150);
                            }
                            return;
                        }
                        write(out, command.toUpperCase().startsWith("MAIL") ? "530 5.7.0 Must issue a STARTTLS command first\r\n"
                                : "250 2.0.0 Ok\r\n");
                    }
                }
                case DROP_AFTER_BANNER -> {
                    write(out, "220 hostile.test ESMTP\r\n");
                    in.readLine();
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away or the test ended
        }
    }

    private static void greetWithStarttls(OutputStream out, BufferedReader in) throws IOException {
        write(out, "220 hostile.test ESMTP\r\n");
        in.readLine();
        write(out, "250-hostile.test\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (accepted) {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
        acceptor.interrupt();
    }
}
