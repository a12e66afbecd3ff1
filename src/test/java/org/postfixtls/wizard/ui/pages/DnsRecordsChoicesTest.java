package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.cert.PublicKeys;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.records.MtaStsPolicy;
import org.postfixtls.wizard.domain.records.MtaStsTxtRecord;
import org.postfixtls.wizard.domain.records.TlsaRecord;

class DnsRecordsChoicesTest {

    private static final Profile RECOMMENDED = Preset.RECOMMENDED.baseline();
    private static final ServerFiles DEMO = DemoServer.load();
    private static final CertificateCandidate SNAKEOIL = DEMO.certificates().get(0);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:15:30Z"), ZoneOffset.UTC);

    private static Profile.MtaSts sts(List<String> mx, String mode, String report) {
        return new Profile.MtaSts("example.com", mx, mode, 86400, report);
    }

    @Test
    void withoutDataTheFormStartsFromTheServersNames() {
        assertEquals(new Profile.MtaSts("example.com", List.of("mail.example.com"), "testing",
                MtaStsPolicy.DEFAULT_MAX_AGE, "postmaster@example.com"), DnsRecordsChoices.effective(RECOMMENDED, DEMO));
        assertEquals(new Profile.MtaSts("", List.of(), "testing", MtaStsPolicy.DEFAULT_MAX_AGE, null),
                DnsRecordsChoices.effective(RECOMMENDED, null));
        Profile.MtaSts mine = sts(List.of("mx.example.com"), "enforce", null);
        Profile withData = DnsRecordsChoices.edit(RECOMMENDED, "example.com", "mx.example.com", "enforce", "86400", "");
        assertEquals(mine, DnsRecordsChoices.effective(withData, DEMO), "the profile's data wins");
    }

    @Test
    void whatTheFormWrites() {
        Profile edited = DnsRecordsChoices.edit(RECOMMENDED, " example.com ", "mail.example.com, mx2.example.com  mx3.example.com",
                "enforce", " 86400 ", " tlsrpt@example.com ");
        assertEquals(new Profile.MtaSts("example.com", List.of("mail.example.com", "mx2.example.com", "mx3.example.com"),
                "enforce", 86400, "tlsrpt@example.com"), edited.mtaSts());
        assertEquals(RECOMMENDED.policies(), edited.policies());
        assertSame(edited, DnsRecordsChoices.edit(edited, "example.com", "mail.example.com mx2.example.com,mx3.example.com",
                "enforce", "86400", "tlsrpt@example.com"));
    }

    @Test
    void noModeIsTestingAndABlankReportAddressIsNone() {
        Profile.MtaSts written = DnsRecordsChoices.edit(RECOMMENDED, "example.com", "mail.example.com", null, "86400", "  ")
                .mtaSts();
        assertEquals("testing", written.mode());
        assertNull(written.reportAddress());
    }

    @Test
    void aMaxAgeThatIsNoNumberReachesTheCheckAsMinusOne() {
        assertEquals(-1, DnsRecordsChoices.maxAgeOf(""));
        assertEquals(-1, DnsRecordsChoices.maxAgeOf("one week"));
        assertEquals(604800, DnsRecordsChoices.maxAgeOf(" 604800 "));
        Profile edited = DnsRecordsChoices.edit(RECOMMENDED, "example.com", "mail.example.com", "testing", "1w", "");
        assertEquals(Optional.of("DNS records, max_age (seconds): is -1; allowed: 0-31557600 seconds"),
                DnsRecordsChoices.firstProblem(edited));
    }

    @Test
    void theInlineProblemIsTheFirstOfThisForm() {
        assertEquals(Optional.empty(), DnsRecordsChoices.firstProblem(RECOMMENDED));
        Profile edited = DnsRecordsChoices.edit(RECOMMENDED, "example", "", "testing", "86400", "");
        assertEquals(Optional.of("DNS records, Mail domain: 'example' is not a domain name"), DnsRecordsChoices.firstProblem(edited));
    }

    @Test
    void withoutDomainOrMxThereIsNothingToPublish() {
        DnsRecordsChoices.Publication publication = DnsRecordsChoices.publication(
                DnsRecordsChoices.effective(RECOMMENDED, null), SNAKEOIL, CLOCK);
        assertEquals("Enter the mail domain and its MX host names.", publication.records());
        assertEquals("", publication.policyFile());
        assertNull(publication.policyUrl());
    }

    @Test
    void theRecordsOfACompleteForm() {
        DnsRecordsChoices.Publication publication = DnsRecordsChoices.publication(
                sts(List.of("mail.example.com", "*.mx.example.com"), "enforce", "tlsrpt@example.com"), SNAKEOIL, CLOCK);
        var key = PublicKeys.ofCertificate(SNAKEOIL.chain());
        assertEquals("; DANE (TLSA 3 1 1 of /etc/ssl/certs/ssl-cert-snakeoil.pem)\n"
                + TlsaRecord.of("mail.example.com", key, "current").zoneLine() + "\n"
                + TlsaRecord.of("mx.example.com", key, "current").zoneLine() + "\n"
                + "; MTA-STS (a new id each time the policy changes)\n"
                + MtaStsTxtRecord.fresh("example.com", CLOCK).zoneLine() + "\n"
                + "; TLS-RPT\n"
                + "_smtp._tls.example.com. IN TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.com\"\n",
                publication.records());
        assertTrue(publication.records().contains("_25._tcp.mx.example.com."), "a wildcard MX gets the TLSA of its base");
        assertEquals("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\nmx: *.mx.example.com\r\n"
                + "max_age: 86400\r\n", publication.policyFile());
        assertEquals("Serve it as https://mta-sts.example.com/.well-known/mta-sts.txt", publication.policyUrl());
    }

    @Test
    void withoutACertificateTheTlsaRecordIsExplained() {
        String records = DnsRecordsChoices.publication(sts(List.of("mail.example.com"), "testing", null), null, CLOCK)
                .records();
        assertTrue(records.startsWith("; DANE: choose a certificate in the Certificate step to compute its TLSA record\n"),
                records);
        assertTrue(records.endsWith("rua=mailto:postmaster@example.com\"\n"), "reports go to postmaster by default");
    }

    @Test
    void anUnreadableCertificateIsSaidInTheRecords() {
        CertificateCandidate broken = new CertificateCandidate("/etc/ssl/broken.pem", null,
                FileContent.of("/etc/ssl/broken.pem", "not a certificate".getBytes()), Optional.empty(), "test");
        String records = DnsRecordsChoices.publication(sts(List.of("mail.example.com"), "testing", null), broken, CLOCK)
                .records();
        assertTrue(records.startsWith("; DANE: the certificate could not be read ("), records);
        assertTrue(records.contains("_mta-sts.example.com."), "the other records are still there");
    }
}
