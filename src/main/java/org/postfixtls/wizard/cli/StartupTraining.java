package org.postfixtls.wizard.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.postfixtls.wizard.domain.cert.GeneratedCertificate;
import org.postfixtls.wizard.domain.cert.GeneratedKeyType;
import org.postfixtls.wizard.domain.cert.SelfSignedCertificateGenerator;

/**
 * The training run of a command's startup cache (decision 0068): the JVM records which classes the command loads and
 * links, and the launcher maps them ready-made when that command starts. One cache per command, because the JVM loads
 * a cache's classes eagerly: a cache holding everything would slow {@code --version} down. {@code verify} runs (text
 * and JSON) against a loopback SMTP server speaking STARTTLS and implicit TLS with a throw-away RSA certificate;
 * nothing is printed. Started by {@code packaging/train-cli-cache} through the launcher itself, so the JVM options
 * match the ones users get.
 */
public final class StartupTraining {

    private static final String NAME = "training.postfix-tls-wizard.invalid";

    private StartupTraining() {
    }

    /**
     * Trains {@code command}; only {@code verify} has a training so far. It probes the training server that
     * {@link #main} runs in another JVM (its ports and CA file in {@code pftw.training.server}), so the server's classes
     * (JSSE's server side, the certificate generator) stay out of the cache: the JVM loads all of a cache's classes at
     * every start.
     */
    public static void run(String command) throws Exception {
        if (!command.equals("verify")) {
            throw new IllegalArgumentException("no startup training for '" + command + "'");
        }
        String[] server = Files.readString(Path.of(System.getProperty("pftw.training.server"))).strip().split(" ");
        cli("verify", "--host", "127.0.0.1", "--hostname", NAME, "--smtp-port", server[0], "--submission-port", server[1],
                "--submissions-port", server[2], "--ca-file", server[3], "--timeout", "5");
    }

    /**
     * The training server: STARTTLS on two ports, implicit TLS on a third, with a throw-away RSA certificate; writes
     * "SMTP SUBMISSION SUBMISSIONS CA_FILE" to {@code args[0]} and serves until killed (at most {@code args[1]} s).
     */
    public static void main(String[] args) throws Exception {
        GeneratedCertificate certificate = new SelfSignedCertificateGenerator().generate(NAME, GeneratedKeyType.RSA_2048);
        Path ca = Files.createTempFile("pftw-training", ".pem");
        try (TrainingServer starttls = new TrainingServer(certificate, false);
             TrainingServer submission = new TrainingServer(certificate, false);
             TrainingServer implicit = new TrainingServer(certificate, true)) {
            Files.write(ca, certificate.certificatePem());
            Path ready = Path.of(args[0] + ".tmp");
            Files.writeString(ready, starttls.port() + " " + submission.port() + " " + implicit.port() + " " + ca + "\n");
            Files.move(ready, Path.of(args[0]), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(Long.parseLong(args[1]) * 1000);
        } finally {
            Files.deleteIfExists(ca);
        }
    }

    private static void cli(String... args) {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        WizardCli.run(nowhere, nowhere, args);
    }

    /** Just enough SMTP for a verification: banner, EHLO, STARTTLS (or TLS first), EHLO again, QUIT. */
    private static final class TrainingServer implements AutoCloseable {
        private final SSLContext tls;
        private final boolean implicit;
        private final ServerSocket listener;
        private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

        TrainingServer(GeneratedCertificate certificate, boolean implicit) throws Exception {
            this.tls = context(certificate);
            this.implicit = implicit;
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.submit(this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    threads.submit(() -> serve(client));
                } catch (IOException e) {
                    return; // closed
                }
            }
        }

        private void serve(Socket plain) {
            try (Socket socket = plain) {
                Socket current = implicit ? startTls(socket) : socket;
                boolean inTls = implicit;
                send(current, "220 " + NAME + " ESMTP training");
                while (true) {
                    String line = readLine(current.getInputStream());
                    if (line == null) {
                        return;
                    }
                    String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(java.util.Locale.ROOT) : line;
                    switch (verb) {
                        case "EHLO" -> send(current, inTls ? "250-" + NAME + "\r\n250-AUTH PLAIN\r\n250 8BITMIME"
                                : "250-" + NAME + "\r\n250-STARTTLS\r\n250 8BITMIME");
                        case "STAR" -> {
                            send(current, "220 2.0.0 Ready to start TLS");
                            current = startTls(socket); // what was pipelined behind STARTTLS stays unread, as in Postfix
                            inTls = true;
                        }
                        case "MAIL" -> send(current, inTls ? "250 2.1.0 Ok" : "530 5.7.0 Must issue a STARTTLS command first");
                        case "QUIT" -> {
                            send(current, "221 2.0.0 Bye");
                            return;
                        }
                        default -> send(current, "250 2.0.0 Ok");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a probe that is refused or hangs up is part of the training
            }
        }

        private SSLSocket startTls(Socket socket) throws IOException {
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, null, socket.getPort(), false);
            secure.setUseClientMode(false);
            secure.startHandshake();
            return secure;
        }

        private static void send(Socket socket, String reply) throws IOException {
            OutputStream out = socket.getOutputStream();
            out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        /** Byte by byte, so nothing after the line is consumed from the plaintext stream before a handshake. */
        private static String readLine(InputStream in) throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    return line.toString().strip();
                }
                line.append((char) b);
            }
            return null;
        }

        private static SSLContext context(GeneratedCertificate certificate) throws Exception {
            Certificate cert = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(certificate.certificatePem()));
            String pem = new String(certificate.privateKeyPem(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("training", key, new char[0], new Certificate[] {cert});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[0]);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        }

        @Override
        public void close() throws IOException {
            listener.close();
            threads.shutdownNow();
        }
    }
}
