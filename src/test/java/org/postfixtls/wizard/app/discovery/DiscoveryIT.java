package org.postfixtls.wizard.app.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.domain.config.stack.MailStack;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;

/** Discovery of the real test bed over SSH, in one command. */
class DiscoveryIT {

    private static Testbed testbed;

    @BeforeAll
    static void testbed() {
        testbed = Testbed.require();
    }

    @Test
    void findsVersionsFilesSaslCertificatesAndHowPostfixRuns() throws Exception {
        String dir = testbed.get("postfix.configDir");
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            ServerFacts facts = new Discovery().discover(session, dir, true);
            assertEquals(1, session.stats().commands(), "one remote command");
            assertEquals(dir, facts.configDirectory());
            assertEquals(testbed.get("postfix.version"), facts.postfixVersion());
            assertTrue(facts.opensslVersion().startsWith("OpenSSL 3"), facts.opensslVersion());
            // the bed's Postfix links Debian 12's libssl.so.3, and openssl(1) of the same release agrees
            assertEquals(3, facts.runtime().openssl().major(), facts.runtime().toString());
            assertTrue(facts.runtime().openssl().knowsMinor(), facts.runtime().toString());
            assertTrue(facts.runtime().opensslEvidence().contains("libssl.so.3"), facts.runtime().toString());
            // 3.7 predates TLSRPT (3.10): neither libtlsrpt nor smtp.c's "not compiled in" text, so not known
            assertEquals(TlsRuntime.Support.UNKNOWN, facts.runtime().tlsrpt());
            assertEquals("hash", facts.defaultDatabaseType());
            assertEquals("mail.testbed.example", facts.myhostname());
            assertEquals("testbed.example", facts.mydomain());
            assertEquals(new String(Files.readAllBytes(Path.of(dir, "main.cf")), StandardCharsets.ISO_8859_1),
                    facts.mainCf());
            assertEquals(new String(Files.readAllBytes(Path.of(dir, "master.cf")), StandardCharsets.ISO_8859_1),
                    facts.masterCf());
            assertNull(facts.tlsPolicy());
            assertEquals("dovecot", facts.sasl().type());
            assertEquals(Boolean.TRUE, facts.sasl().socketExists(), facts.sasl().toString());
            assertTrue(facts.masterRunning());
            assertEquals("postfix", facts.serviceManager());
            ServerFacts.CertificateCandidate snakeoil = facts.certificates().stream()
                    .filter(c -> c.path().equals(testbed.get("tls.snakeoilCert"))).findFirst().orElseThrow();
            assertEquals("main.cf", snakeoil.source());
            assertTrue(snakeoil.selfSigned());
            assertTrue(snakeoil.findings().contains("self-signed"), snakeoil.findings().toString());
            assertNotNull(snakeoil.notAfter());
            assertTrue(facts.dnssec().status().matches("validating|not-validating|unknown"), facts.dnssec().toString());
        }
    }

    @Test
    void aDirectoryWithoutMainCfIsReportedPlainly() {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            DiscoveryException e = assertThrows(DiscoveryException.class,
                    () -> new Discovery().discover(session, "/nonexistent/postfix", false));
            assertTrue(e.getMessage().contains("/nonexistent/postfix/main.cf does not exist"), e.getMessage());
        }
    }

    @Test
    void aMailcowCheckoutIsRecognisedFromItsMarkerFileOverSsh() throws Exception {
        // mailcow's layout on the host: <checkout>/mailcow.conf and <checkout>/data/conf/postfix/{main,master}.cf;
        // the files themselves are the test bed's plain ones, so only the marker file can give mailcow away
        Path checkout = Files.createTempDirectory(Path.of("/tmp"), "pftw-mailcow");
        Path conf = Files.createDirectories(checkout.resolve("data/conf/postfix"));
        String dir = testbed.get("postfix.configDir");
        try {
            Files.copy(Path.of(dir, "main.cf"), conf.resolve("main.cf"));
            Files.copy(Path.of(dir, "master.cf"), conf.resolve("master.cf"));
            Files.writeString(checkout.resolve("mailcow.conf"), "MAILCOW_HOSTNAME=mail.testbed.example\n");
            for (Path p : new Path[] {checkout, checkout.resolve("data"), checkout.resolve("data/conf"), conf}) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
                ServerFacts plain = new Discovery().discover(session, dir, false);
                assertTrue(plain.stack().isEmpty(), () -> "the test bed is no mail stack: " + plain.stack());
                ServerFacts facts = new Discovery().discover(session, conf.toString(), false);
                assertEquals(List.of(conf + "/../../../mailcow.conf"), facts.stackMarkers());
                assertEquals(MailStack.MAILCOW, facts.stack().orElseThrow().stack());
            }
        } finally {
            try (var walk = Files.walk(checkout)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
