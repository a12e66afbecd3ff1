package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileMetadata;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.postfixtls.wizard.testsupport.TestPki.concat;
import static org.postfixtls.wizard.testsupport.TestPki.pem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.TestPki.Algorithm;
import org.postfixtls.wizard.testsupport.TestPki.Issued;

class CertificateInspectorTest {

    private static final String HOST = "mail.example.com";
    private static final FileMetadata SAFE = new FileMetadata("root", "root", 0600);

    private final Issued root = TestPki.rootCa("Test Root", Algorithm.RSA);
    private final Issued intermediate = TestPki.intermediate("Test Intermediate", Algorithm.EC, root);
    private final CertificateInspector inspector = new CertificateInspector();

    private TrustAnchors rootOnly() {
        return TrustAnchors.fromPemBundle(FileContent.of("ca.pem", pem(root.certificate())));
    }

    private InspectionRequest request(byte[] chain) {
        return InspectionRequest.of(FileContent.of("fullchain.pem", chain)).withTrust(rootOnly()).withHostnames(List.of(HOST));
    }

    private static Set<String> ids(InspectionReport report) {
        return report.findings().stream().map(f -> f.id().id()).collect(Collectors.toSet());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void aCompleteTrustedChainWithItsKeyHasNoFindings(Algorithm algorithm) {
        Issued leaf = TestPki.leaf(HOST, algorithm, intermediate);
        KeyEvidence key = KeyEvidence.fromKeyFile(FileContent.of("privkey.pem", TestPki.privateKeyPem(leaf.keys()), SAFE));

        InspectionReport report = inspector.inspect(request(pem(leaf.certificate(), intermediate.certificate())).withKey(key));

        assertEquals(Set.of(), ids(report), () -> report.findings().toString());
        assertEquals(2, report.certificates().size());
        assertEquals(algorithm == Algorithm.RSA ? "RSA 2048" : algorithm == Algorithm.EC ? "EC P-256" : "Ed25519",
                report.leaf().publicKey().toString());
        assertEquals(List.of("DNS:" + HOST), report.leaf().subjectAlternativeNames());
        assertTrue(report.leaf().daysLeft() >= 88 && report.leaf().daysLeft() <= 90, "days left " + report.leaf().daysLeft());
        assertEquals(95, report.leaf().sha256Fingerprint().length());
        assertEquals(Boolean.TRUE, report.key().orElseThrow().matchesCertificate().orElseThrow());
    }

    @Test
    void aLoneLeafIsAnIncompleteChain() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        InspectionReport report = inspector.inspect(request(pem(leaf.certificate())));
        assertTrue(report.has(FindingId.CHAIN_INCOMPLETE));
        assertTrue(report.has(FindingId.UNTRUSTED));
    }

    @Test
    void aLoneLeafIsIncompleteEvenWithoutACaBundle() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        InspectionReport report = inspector.inspect(InspectionRequest.of(FileContent.of("cert.pem", pem(leaf.certificate()))));
        assertEquals(Set.of("chain-incomplete", "trust-not-checked"), ids(report));
    }

    @Test
    void issuerBeforeLeafIsWrongOrderButStillTrusted() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        InspectionReport report = inspector.inspect(request(pem(intermediate.certificate(), leaf.certificate())));
        assertTrue(report.has(FindingId.CHAIN_ORDER));
        assertFalse(report.has(FindingId.CHAIN_INCOMPLETE));
    }

    @Test
    void aChainFromAnotherCaIsUntrusted() {
        Issued otherRoot = TestPki.rootCa("Other Root", Algorithm.EC);
        Issued otherIntermediate = TestPki.intermediate("Other Intermediate", Algorithm.EC, otherRoot);
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, otherIntermediate);
        InspectionReport report = inspector.inspect(request(pem(leaf.certificate(), otherIntermediate.certificate(),
                otherRoot.certificate())));
        assertEquals(Set.of("untrusted"), ids(report));
        String message = report.findings().get(0).message();
        assertTrue(message.contains("no chain from it to a trusted CA"), message);
        assertFalse(message.contains("certification path"), "no JDK wording on screen: " + message);
    }

    @Test
    void selfSignedIsReportedAndUntrusted() {
        Issued self = TestPki.selfSigned(HOST, Algorithm.EC);
        InspectionReport report = inspector.inspect(request(pem(self.certificate())));
        assertEquals(Set.of("self-signed", "untrusted"), ids(report));
        assertTrue(report.leaf().selfSigned());
    }

    @Test
    void expiredLeaf() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.RSA, intermediate, Instant.now().minus(Duration.ofDays(100)),
                Instant.now().minus(Duration.ofDays(10)));
        InspectionReport report = inspector.inspect(request(pem(leaf.certificate(), intermediate.certificate())));
        assertEquals(Set.of("expired"), ids(report), () -> report.findings() + " expiry alone must not make the chain untrusted");
        assertTrue(report.leaf().daysLeft() < 0);
    }

    @Test
    void notYetValidLeaf() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate, Instant.now().plus(Duration.ofDays(2)),
                Instant.now().plus(Duration.ofDays(90)));
        InspectionReport report = inspector.inspect(request(pem(leaf.certificate(), intermediate.certificate())));
        assertEquals(Set.of("not-yet-valid"), ids(report));
    }

    @Test
    void expiresWithinTheWindow() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate, Instant.now().minus(Duration.ofDays(80)),
                Instant.now().plus(Duration.ofDays(10)));
        byte[] chain = pem(leaf.certificate(), intermediate.certificate());
        assertEquals(Set.of("expires-soon"), ids(inspector.inspect(request(chain))));
        assertEquals(Set.of(), ids(inspector.inspect(request(chain).withExpiryWindow(Duration.ofDays(5)))));
    }

    @Test
    void wrongHostname() {
        Issued leaf = TestPki.leaf("www.example.com", Algorithm.EC, intermediate);
        InspectionReport report = inspector.inspect(request(pem(leaf.certificate(), intermediate.certificate())));
        assertEquals(Set.of("hostname-mismatch"), ids(report));
    }

    @Test
    void mismatchedKey() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        KeyEvidence otherKey = KeyEvidence.fromKeyFile(FileContent.of("privkey.pem",
                TestPki.privateKeyPem(TestPki.keys(Algorithm.EC)), SAFE));
        InspectionReport report = inspector.inspect(request(pem(leaf.certificate(), intermediate.certificate())).withKey(otherKey));
        assertEquals(Set.of("key-mismatch"), ids(report));
        assertEquals(Boolean.FALSE, report.key().orElseThrow().matchesCertificate().orElseThrow());
    }

    @Test
    void encryptedKeyIsReportedWithoutAMatchVerdict() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.RSA, intermediate);
        KeyEvidence encrypted = KeyEvidence.fromKeyFile(FileContent.of("privkey.pem",
                TestPki.encryptedPrivateKeyPem(leaf.keys(), "secret"), SAFE));
        InspectionReport report = inspector.inspect(request(pem(leaf.certificate(), intermediate.certificate())).withKey(encrypted));
        assertEquals(Set.of("key-encrypted"), ids(report));
        assertEquals(KeyKind.ENCRYPTED_PRIVATE, report.key().orElseThrow().kind());
        assertTrue(report.key().orElseThrow().matchesCertificate().isEmpty());
    }

    @Test
    void aPublicKeyDerivedOnTheServerIsEnoughForTheMatch() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        byte[] chain = pem(leaf.certificate(), intermediate.certificate());
        KeyEvidence same = KeyEvidence.fromServer(FileContent.of("pubkey", pem(leaf.keys().getPublic())),
                "/etc/letsencrypt/live/x/privkey.pem", SAFE);
        KeyEvidence other = KeyEvidence.fromServer(FileContent.of("pubkey", pem(TestPki.keys(Algorithm.EC).getPublic())),
                "/etc/letsencrypt/live/x/privkey.pem", SAFE);

        assertEquals(Set.of(), ids(inspector.inspect(request(chain).withKey(same))));
        assertEquals(Set.of("key-mismatch"), ids(inspector.inspect(request(chain).withKey(other))));
    }

    @Test
    void aWorldReadableKeyIsAPermissionFinding() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        byte[] chain = pem(leaf.certificate(), intermediate.certificate());
        byte[] keyPem = TestPki.privateKeyPem(leaf.keys());

        for (FileMetadata bad : List.of(new FileMetadata("root", "root", 0644), new FileMetadata("root", "users", 0640),
                new FileMetadata("www-data", "root", 0600))) {
            var report = inspector.inspect(request(chain).withKey(KeyEvidence.fromKeyFile(FileContent.of("k", keyPem, bad))));
            assertEquals(Set.of("key-permissions"), ids(report), bad.toString());
        }
        var groupPostfix = new FileMetadata("root", "postfix", 0640);
        assertEquals(Set.of(), ids(inspector.inspect(request(chain)
                .withKey(KeyEvidence.fromKeyFile(FileContent.of("k", keyPem, groupPostfix))))));
    }

    @Test
    void aKeyWhereTheChainIsExpectedIsBadInput() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        var e = assertThrows(BadInputException.class,
                () -> inspector.inspect(request(TestPki.privateKeyPem(leaf.keys()))));
        assertTrue(e.getMessage().contains("private key") && e.getMessage().contains("expected a PEM certificate chain"),
                e.getMessage());
    }

    @Test
    void aCertificateWhereTheKeyIsExpectedIsBadInput() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        var e = assertThrows(BadInputException.class,
                () -> KeyEvidence.fromKeyFile(FileContent.of("key.pem", pem(leaf.certificate()))));
        assertTrue(e.getMessage().contains("contains a certificate; expected a PEM private key"), e.getMessage());
    }

    @Test
    void concatenatedRootIsAcceptedAsComplete() {
        Issued leaf = TestPki.leaf(HOST, Algorithm.EC, intermediate);
        InspectionReport report = inspector.inspect(request(concat(pem(leaf.certificate(), intermediate.certificate()),
                pem(root.certificate()))));
        assertEquals(Set.of(), ids(report));
    }
}
