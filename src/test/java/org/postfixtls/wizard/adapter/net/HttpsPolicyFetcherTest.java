package org.postfixtls.wizard.adapter.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.verify.PolicyFetch;
import org.postfixtls.wizard.testsupport.TestPki;

/** The MTA-STS policy fetch against a real local HTTPS server, under a sender's rules (RFC 8461 3.3). */
class HttpsPolicyFetcherTest {

    private static final TestPki.Issued CA = TestPki.rootCa("Policy Test CA", TestPki.Algorithm.EC);
    private static final TestPki.Issued LEAF = TestPki.leaf("localhost", TestPki.Algorithm.EC, CA);
    private static final String POLICY = "version: STSv1\r\nmode: enforce\r\nmx: mx.example.test\r\nmax_age: 86400\r\n";

    private record Reply(int status, String type, byte[] body, String location) {
    }

    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    private final List<Socket> held = new ArrayList<>();
    private HttpsServer server;
    private volatile boolean stopped;

    @BeforeEach
    void start() throws Exception {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls()));
        server.createContext("/trickle", exchange -> {
            // headers at once, then one byte of the promised 1000 every 200 ms, for 30 s at most
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(200, 1000);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 150 && !stopped; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(200);
                }
            } catch (IOException | InterruptedException e) {
                // the client gave up, as it should
            }
        });
        server.createContext("/", exchange -> {
            Reply reply = replies.getOrDefault(exchange.getRequestURI().getPath(), new Reply(404, "text/plain", new byte[0], null));
            if (reply.type() != null) {
                exchange.getResponseHeaders().add("Content-Type", reply.type());
            }
            if (reply.location() != null) {
                exchange.getResponseHeaders().add("Location", reply.location());
            }
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        });
        server.start();
    }

    @AfterEach
    void stop() throws IOException {
        stopped = true;
        server.stop(0);
        for (Socket socket : held) {
            socket.close();
        }
    }

    private PolicyFetch fetch(String path, SSLContext trust) {
        URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + path);
        return new HttpsPolicyFetcher(trust, Duration.ofSeconds(3), domain -> uri).fetch("example.test");
    }

    private PolicyFetch fetch(String path) throws Exception {
        return fetch(path, clientTrusting(CA));
    }

    @Test
    void aPolicyServedAsTextPlainIsFetched() throws Exception {
        replies.put("/.well-known/mta-sts.txt", new Reply(200, "text/plain; charset=utf-8", POLICY.getBytes(StandardCharsets.UTF_8), null));
        assertEquals(new PolicyFetch.Fetched(POLICY), fetch("/.well-known/mta-sts.txt"));
    }

    @Test
    void aRedirectIsNotFollowedAndSaysWhereItPointed() throws Exception {
        replies.put("/old", new Reply(301, "text/plain", new byte[0], "https://elsewhere.example/policy"));
        PolicyFetch result = fetch("/old");
        String problem = assertInstanceOf(PolicyFetch.NotServed.class, result).problem();
        assertTrue(problem.contains("301") && problem.contains("elsewhere.example"), problem);
    }

    @Test
    void aMissingFileAWrongTypeAndAnOversizedFileAreNotServed() throws Exception {
        assertEquals(new PolicyFetch.NotServed("HTTP 404"), fetch("/nothing-here"));
        replies.put("/html", new Reply(200, "text/html", "<html>".getBytes(StandardCharsets.UTF_8), null));
        assertTrue(assertInstanceOf(PolicyFetch.NotServed.class, fetch("/html")).problem().contains("text/html"));
        replies.put("/big", new Reply(200, "text/plain", new byte[HttpsPolicyFetcher.MAX_BYTES + 1], null));
        assertTrue(assertInstanceOf(PolicyFetch.NotServed.class, fetch("/big")).problem().contains("64 KB"));
    }

    @Test
    void aCertificateSendersDoNotTrustIsAFinding() throws Exception {
        replies.put("/.well-known/mta-sts.txt", new Reply(200, "text/plain", POLICY.getBytes(StandardCharsets.UTF_8), null));
        TestPki.Issued otherCa = TestPki.rootCa("Someone Else", TestPki.Algorithm.EC);
        String problem = assertInstanceOf(PolicyFetch.NotServed.class,
                fetch("/.well-known/mta-sts.txt", clientTrusting(otherCa))).problem();
        assertTrue(problem.startsWith("TLS with localhost failed"), problem);
    }

    @Test
    void aServerThatNeverAnswersIsNotCheckedWithinTheTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    held.add(silent.accept());
                } catch (IOException closed) {
                    // the test ended
                }
            });
            URI uri = URI.create("https://localhost:" + silent.getLocalPort() + "/.well-known/mta-sts.txt");
            PolicyFetch result = new HttpsPolicyFetcher(clientTrusting(CA), Duration.ofSeconds(1), d -> uri).fetch("example.test");
            assertInstanceOf(PolicyFetch.NotChecked.class, result, result.toString());
            acceptor.interrupt();
        }
    }

    /** Issue 14 finding 5: the request timeout ended at the headers; a trickled body held the fetch for 40 s. */
    @Test
    void aTrickledBodyIsNotCheckedWithinTheTimeout() {
        URI uri = URI.create("https://localhost:" + server.getAddress().getPort() + "/trickle");
        long start = System.nanoTime();
        PolicyFetch result = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new HttpsPolicyFetcher(clientTrusting(CA), Duration.ofSeconds(1), d -> uri).fetch("example.test"));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        String problem = assertInstanceOf(PolicyFetch.NotChecked.class, result, result.toString()).reason();
        assertTrue(problem.contains("within 1 s"), problem);
        assertTrue(elapsed.compareTo(Duration.ofSeconds(10)) < 0, "one limit for the whole fetch (1 s), took " + elapsed);
    }

    @Test
    void aPolicyHostThatDoesNotResolveGivesNoVerdict() {
        PolicyFetch result = new HttpsPolicyFetcher(clientTrusting(CA), Duration.ofSeconds(3),
                HttpsPolicyFetcher::wellKnown).fetch("no-such-domain.invalid");
        assertInstanceOf(PolicyFetch.NotChecked.class, result, result.toString());
    }

    private static SSLContext serverTls() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", LEAF.keys().getPrivate(), new char[0], new Certificate[] {LEAF.certificate(), CA.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientTrusting(TestPki.Issued ca) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", ca.certificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
