package org.postfixtls.wizard.app.readiness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A minimal SMTP server on 127.0.0.1 that accepts every message: without STARTTLS, or with STARTTLS and the
 * certificate of a PKCS#12 file. Destinations of different TLS postures for the test bed's Postfix to deliver to.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final Optional<SSLContext> tls;
    private final Thread acceptor;

    private SmtpSink(Optional<SSLContext> tls) throws IOException {
        this.tls = tls;
        this.server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.acceptor = Thread.ofPlatform().daemon().name("smtp-sink-" + server.getLocalPort()).start(this::acceptLoop);
    }

    static SmtpSink plaintext() throws IOException {
        return new SmtpSink(Optional.empty());
    }

    static SmtpSink starttls(Path pkcs12, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(pkcs12)) {
            store.load(in, password);
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return new SmtpSink(Optional.of(context));
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket plain) {
        Socket socket = plain;
        try {
            socket.setSoTimeout(30_000);
            BufferedReader in = reader(socket);
            OutputStream out = socket.getOutputStream();
            send(out, "220 sink.readiness.test ESMTP");
            boolean secured = false;
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                switch (verb) {
                    case "EHLO" -> send(out, tls.isPresent() && !secured
                            ? "250-sink.readiness.test\r\n250-STARTTLS\r\n250 8BITMIME" : "250-sink.readiness.test\r\n250 8BITMIME");
                    case "HELO" -> send(out, "250 sink.readiness.test");
                    case "STAR" -> {
                        if (tls.isEmpty() || secured) {
                            send(out, "502 5.5.1 no");
                            continue;
                        }
                        send(out, "220 2.0.0 go ahead");
                        SSLSocket ssl = (SSLSocket) tls.get().getSocketFactory().createSocket(socket, null,
                                socket.getPort(), true);
                        ssl.setUseClientMode(false);
                        ssl.startHandshake();
                        socket = ssl;
                        in = reader(socket);
                        out = socket.getOutputStream();
                        secured = true;
                    }
                    case "DATA" -> {
                        send(out, "354 end with .");
                        String body;
                        while ((body = in.readLine()) != null && !body.equals(".")) {
                            // the message is not kept
                        }
                        send(out, "250 2.0.0 Ok: queued as SINK");
                    }
                    case "QUIT" -> {
                        send(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> send(out, "250 2.0.0 Ok");
                }
            }
        } catch (IOException e) {
            // the client went away (posttls-finger quits abruptly after a failed verification)
        } finally {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private static BufferedReader reader(Socket socket) throws IOException {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        acceptor.interrupt();
    }
}
