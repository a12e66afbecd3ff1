package org.postfixtls.wizard.app.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;

/** The builder puts each fact in its own component (most are Strings: easy to swap); the rest as discovery would. */
class ServerFactsTest {

    @Test
    void everyFactGivenLandsInItsOwnComponent() {
        PostfixVersion version = new PostfixVersion(3, 7);
        ServerFacts.Sasl sasl = new ServerFacts.Sasl("dovecot", "private/auth", "/var/spool/postfix/private/auth", true);
        ServerFacts.CertificateCandidate certificate = new ServerFacts.CertificateCandidate("/etc/ssl/mx.pem", "main.cf",
                "root", "root", "0644", "CN=mx", List.of("mx.example.org"), "CN=ca", Instant.EPOCH, 30, false,
                List.of(), null);
        ServerFacts.Dnssec dnssec = new ServerFacts.Dnssec("validating", "127.0.0.1", "ad flag");
        OverrideFile extra = new OverrideFile("extra.cf", "/opt/conf/extra.cf", "a = b\n");
        TlsRuntime runtime = new TlsRuntime(null, "openssl 3.0.2", TlsRuntime.Support.YES, null);

        ServerFacts facts = ServerFacts.builder("root@mx").configDirectory("/etc/postfix").postfixVersion("3.7.11")
                .version(version).opensslVersion("OpenSSL 3.0.2").defaultDatabaseType("lmdb").myhostname("mx")
                .mydomain("example.org").parameters(Map.of("a", "b")).mainCf("main text").masterCf("master text")
                .tlsPolicy("policy text").sasl(sasl).masterRunning(true).serviceManager("systemd")
                .certificates(List.of(certificate)).dnssec(dnssec).stackMarkers(List.of("/marker"))
                .stackFiles(List.of(extra)).runtime(runtime).build();

        assertEquals(new ServerFacts("root@mx", "/etc/postfix", "3.7.11", version, "OpenSSL 3.0.2", "lmdb", "mx",
                "example.org", Map.of("a", "b"), "main text", "master text", "policy text", sasl, true, "systemd",
                List.of(certificate), dnssec, List.of("/marker"), List.of(extra), runtime), facts);
    }

    @Test
    void factsLeftOutAreWhatDiscoveryReportsWhenTheServerSaysNothing() {
        assertEquals(new ServerFacts("root@mx", "", "", null, "", "hash", "", "", Map.of(), "", "", null,
                new ServerFacts.Sasl("", "", null, null), false, "postfix", List.of(), ServerFacts.Dnssec.NOT_CHECKED,
                List.of(), List.of(), TlsRuntime.UNKNOWN), ServerFacts.builder("root@mx").build());
    }
}
