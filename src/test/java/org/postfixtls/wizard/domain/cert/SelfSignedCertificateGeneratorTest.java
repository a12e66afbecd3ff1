package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileMetadata;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SelfSignedCertificateGeneratorTest {

    private final SelfSignedCertificateGenerator generator = new SelfSignedCertificateGenerator();

    @ParameterizedTest
    @EnumSource(value = GeneratedKeyType.class, names = {"EC", "RSA_2048"})
    void generatedCertificateIsOnlySelfSignedAndMatchesItsKey(GeneratedKeyType type) throws Exception {
        GeneratedCertificate generated = generator.generate("Mail.Example.com", type);

        var chain = CertificateInspector.parseChain(FileContent.of("c", generated.certificatePem()));
        var certificate = chain.get(0).certificate();
        assertEquals(List.of("mail.example.com"), chain.get(0).dnsNames());
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth EKU");
        assertEquals(-1, certificate.getBasicConstraints());

        InspectionReport report = new CertificateInspector().inspect(InspectionRequest
                .of(FileContent.of("c", generated.certificatePem()))
                .withHostnames(List.of("mail.example.com"))
                .withKey(KeyEvidence.fromKeyFile(FileContent.of("k", generated.privateKeyPem(),
                        new FileMetadata("root", "root", 0600)))));
        assertEquals(Set.of("self-signed", "trust-not-checked"),
                report.findings().stream().map(f -> f.id().id()).collect(Collectors.toSet()));
        assertEquals(type == GeneratedKeyType.EC ? "EC P-256" : "RSA 2048", report.leaf().publicKey().toString());
        assertEquals(KeyKind.PRIVATE, report.key().orElseThrow().kind());
    }

    @Test
    void rsa4096OnRequest() {
        GeneratedCertificate generated = generator.generate("mail.example.com", GeneratedKeyType.fromOption("rsa4096"));
        var spki = CertificateInspector.parseChain(FileContent.of("c", generated.certificatePem())).get(0).subjectPublicKeyInfo();
        assertEquals("RSA 4096", PublicKeyDescription.of(spki).toString());
    }

    @Test
    void warnsThatItIsForTestsOnlyAndNeverPrintsTheKey() {
        GeneratedCertificate generated = generator.generate("mail.example.com", GeneratedKeyType.EC);
        assertTrue(generated.warning().startsWith("TEST ONLY") && generated.warning().contains("reject"));
        assertFalse(generated.toString().contains("PRIVATE KEY"));
        assertTrue(new String(generated.privateKeyPem(), java.nio.charset.StandardCharsets.US_ASCII)
                .startsWith("-----BEGIN PRIVATE KEY-----"));
    }

    @Test
    void rejectsNonsenseHostnamesAndKeyTypes() {
        assertThrows(BadInputException.class, () -> generator.generate("not a host", GeneratedKeyType.EC));
        assertThrows(BadInputException.class, () -> GeneratedKeyType.fromOption("dsa"));
    }

    @Test
    void deployHookFallsBackToPostfixReloadWithoutSystemd() {
        String script = CertbotDeployHook.script();
        assertTrue(script.startsWith("#!/bin/sh\n"));
        assertTrue(script.contains("systemctl reload postfix"));
        assertTrue(script.contains("[ -d /run/systemd/system ]"));
        assertTrue(script.strip().endsWith("postfix reload"));
        assertEquals(0755, CertbotDeployHook.MODE);
    }
}
