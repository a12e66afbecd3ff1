package org.postfixtls.wizard.domain.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.cert.PublicKeys;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.TestPki.Algorithm;

class DnsRecordPlannerTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-16T08:09:10Z"), ZoneOffset.UTC);
    private final DnsRecordPlanner planner = new DnsRecordPlanner(clock);
    private final SubjectPublicKeyInfo current = spki(TestPki.keys(Algorithm.EC));
    private final SubjectPublicKeyInfo next = spki(TestPki.keys(Algorithm.EC));

    private static SubjectPublicKeyInfo spki(java.security.KeyPair keys) {
        return SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
    }

    @Test
    void tlsaForEachMxWithNextKeyForRollover() {
        DnsRecords records = planner.plan("Example.com", List.of("mx1.example.com", "mx2.example.com."), current,
                Optional.of(next), MtaStsMode.TESTING, MtaStsPolicy.DEFAULT_MAX_AGE, List.of());

        assertEquals(4, records.tlsa().size());
        assertEquals("_25._tcp.mx1.example.com. IN TLSA 3 1 1 " + TlsaRecord.spkiSha256Hex(current), records.tlsa().get(0).zoneLine());
        assertEquals("_25._tcp.mx1.example.com. IN TLSA 3 1 1 " + TlsaRecord.spkiSha256Hex(next), records.tlsa().get(1).zoneLine());
        assertEquals("next", records.tlsa().get(1).role());
        assertEquals("_25._tcp.mx2.example.com.", records.tlsa().get(3).ownerName());
        assertTrue(records.tlsa().get(0).sha256Hex().matches("[0-9a-f]{64}"));
    }

    @Test
    void mtaStsPolicyAndTxt() {
        DnsRecords records = planner.plan("example.com", List.of("mx1.example.com", "mx2.example.com"), current,
                Optional.empty(), MtaStsMode.ENFORCE, 86400, List.of("mailto:tls@example.com"));

        assertEquals("version: STSv1\r\nmode: enforce\r\nmx: mx1.example.com\r\nmx: mx2.example.com\r\nmax_age: 86400\r\n",
                records.mtaStsPolicy().text());
        assertEquals("_mta-sts.example.com. IN TXT \"v=STSv1; id=20260316T080910\"", records.mtaStsTxt().zoneLine());
        assertEquals("_smtp._tls.example.com. IN TXT \"v=TLSRPTv1; rua=mailto:tls@example.com\"", records.tlsRpt().zoneLine());
        assertEquals("https://mta-sts.example.com/.well-known/mta-sts.txt", records.mtaStsPolicy().url());
    }

    @Test
    void modeNoneWithMaxAgeZeroWithdrawsAPolicy() {
        DnsRecords records = planner.plan("example.com", List.of("mx1.example.com"), current, Optional.empty(),
                MtaStsMode.NONE, 0, List.of());
        assertEquals("version: STSv1\r\nmode: none\r\nmx: mx1.example.com\r\nmax_age: 0\r\n",
                records.mtaStsPolicy().text());
        assertTrue(records.notes().stream().anyMatch(n -> n.contains("withdraws")), records.notes().toString());
        assertThrows(BadInputException.class, () -> planner.plan("example.com", List.of("mx1.example.com"), current,
                Optional.empty(), MtaStsMode.NONE, -1, List.of()));
    }

    @Test
    void tlsRptDefaultsToPostmaster() {
        DnsRecords records = planner.plan("example.com", List.of("mx.example.com"), current, Optional.empty(),
                MtaStsMode.TESTING, 604800, List.of());
        assertEquals("v=TLSRPTv1; rua=mailto:postmaster@example.com", records.tlsRpt().value());
    }

    @Test
    void badValuesAreRejectedWithAReason() {
        assertThrows(BadInputException.class, () -> planner.plan("example.com", List.of("mx.example.com"), current,
                Optional.empty(), MtaStsMode.TESTING, 40_000_000L, List.of()));
        assertThrows(BadInputException.class, () -> planner.plan("not a domain", List.of("mx.example.com"), current,
                Optional.empty(), MtaStsMode.TESTING, 600, List.of()));
        assertThrows(BadInputException.class, () -> planner.plan("example.com", List.of(), current,
                Optional.empty(), MtaStsMode.TESTING, 600, List.of()));
        var e = assertThrows(BadInputException.class, () -> planner.plan("example.com", List.of("mx.example.com"), current,
                Optional.empty(), MtaStsMode.TESTING, 600, List.of("tls@example.com")));
        assertTrue(e.getMessage().contains("expected mailto:"), e.getMessage());
    }

    @Test
    void publicKeyOfACertificateAndOfItsPrivateKeyGiveTheSameTlsa() {
        var cert = TestPki.selfSigned("mx.example.com", Algorithm.RSA);
        String fromCert = TlsaRecord.spkiSha256Hex(PublicKeys.ofCertificate(FileContent.of("c", TestPki.pem(cert.certificate()))));
        String fromKey = TlsaRecord.spkiSha256Hex(PublicKeys.ofCertificateOrKey(FileContent.of("k", TestPki.privateKeyPem(cert.keys()))));
        String fromPublic = TlsaRecord.spkiSha256Hex(PublicKeys.ofCertificateOrKey(FileContent.of("p", TestPki.pem(cert.keys().getPublic()))));
        assertEquals(fromCert, fromKey);
        assertEquals(fromCert, fromPublic);
    }
}
