package org.postfixtls.wizard.app.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.FileMetadata;
import org.postfixtls.wizard.domain.cert.GeneratedCertificate;
import org.postfixtls.wizard.domain.cert.GeneratedKeyType;
import org.postfixtls.wizard.domain.cert.KeyEvidence;
import org.postfixtls.wizard.domain.cert.SelfSignedCertificateGenerator;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;

/**
 * A built-in server for trainers and first-time users: Debian 12's Postfix 3.7 as it looks after years of blog
 * advice (the snakeoil certificate, an obsolete {@code smtpd_use_tls}, a policy table with a {@code *} line that
 * Postfix never reads). Every step of the wizard has something real to show on it, and nothing leaves the laptop.
 */
public final class DemoServer {

    public static final String HOSTNAME = "mail.example.com";
    public static final String SOURCE_PREFIX = "Demo server ";
    static final String SNAKEOIL_CERT = "/etc/ssl/certs/ssl-cert-snakeoil.pem";
    static final String SNAKEOIL_KEY = "/etc/ssl/private/ssl-cert-snakeoil.key";

    private DemoServer() {
    }

    public static ServerFiles load() {
        // Debian's snakeoil pair is self-signed and named after the machine; generated now so it is never expired.
        GeneratedCertificate snakeoil = new SelfSignedCertificateGenerator().generate(HOSTNAME, GeneratedKeyType.RSA_2048);
        FileContent chain = FileContent.of(SNAKEOIL_CERT, snakeoil.certificatePem(), new FileMetadata("root", "root", 0644));
        FileContent key = FileContent.of(SNAKEOIL_KEY, snakeoil.privateKeyPem(), new FileMetadata("root", "ssl-cert", 0640));
        CertificateCandidate candidate = new CertificateCandidate(SNAKEOIL_CERT, SNAKEOIL_KEY, chain,
                Optional.of(KeyEvidence.fromKeyFile(key)), "configured in main.cf (Debian's snakeoil certificate)");
        return new ServerFiles(SOURCE_PREFIX + HOSTNAME + " (built in, nothing is changed)", resource("main.cf"),
                resource("master.cf"), resource("tls_policy"), new PostfixVersion(3, 7), "hash", "/etc/postfix",
                List.of(candidate));
    }

    private static String resource(String name) {
        try (InputStream in = DemoServer.class.getResourceAsStream("demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo/" + name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
