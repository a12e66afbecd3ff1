package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.CertificateCheck;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.cert.Finding;
import org.postfixtls.wizard.domain.cert.FindingId;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;

class CertificateChoicesTest {

    private static final Profile RECOMMENDED = Preset.RECOMMENDED.baseline();

    private static InspectionReport report(FindingId... ids) {
        return new InspectionReport("/etc/ssl/chain.pem", Instant.now(), List.of(), Optional.empty(), List.of(),
                Optional.empty(), Arrays.stream(ids).map(id -> new Finding(id, id.id(), "advice")).toList());
    }

    @Test
    void typedPathsAreTrimmedAndKeepTheCaFile() {
        Profile edited = CertificateChoices.withPaths(RECOMMENDED, " /etc/ssl/chain.pem ", "/etc/ssl/private/key.pem");
        assertEquals(new Profile.Certificate("/etc/ssl/chain.pem", "/etc/ssl/private/key.pem", Preset.DEBIAN_CA_FILE),
                edited.certificate());
        assertEquals(RECOMMENDED.outbound(), edited.outbound());
    }

    @Test
    void anEmptyFieldLeavesWhatTheServerHas() {
        Profile edited = CertificateChoices.withPaths(RECOMMENDED, "/etc/ssl/chain.pem", "   ");
        assertEquals("/etc/ssl/chain.pem", edited.certificate().chainFile());
        assertNull(edited.certificate().keyFile());
        assertSame(RECOMMENDED, CertificateChoices.withPaths(RECOMMENDED, "", ""));
    }

    @Test
    void blockingFindingsAreNeverOfferedAnAcknowledgement() {
        for (FindingId blocking : CertificateChoices.BLOCKING) {
            InspectionReport report = report(FindingId.UNTRUSTED, blocking);
            assertEquals(Optional.of(blocking), CertificateChoices.blocking(report).map(Finding::id));
            assertFalse(CertificateChoices.offersAcknowledgement(report), blocking.id());
            assertEquals("Postfix cannot use this certificate as it is: fix the problems below.",
                    CertificateChoices.statusText(report));
        }
    }

    @Test
    void otherErrorsOfferTheAcknowledgement() {
        InspectionReport report = report(FindingId.HOSTNAME_MISMATCH, FindingId.KEY_PERMISSIONS, FindingId.SELF_SIGNED);
        assertTrue(CertificateChoices.offersAcknowledgement(report));
        assertEquals("3 problems found.", CertificateChoices.statusText(report));
    }

    @Test
    void warningsNeedNoConsent() {
        InspectionReport report = report(FindingId.SELF_SIGNED, FindingId.EXPIRES_SOON);
        assertFalse(CertificateChoices.hasErrors(report));
        assertFalse(CertificateChoices.offersAcknowledgement(report));
        assertEquals("2 problems found.", CertificateChoices.statusText(report));
        assertEquals("No problems found.", CertificateChoices.statusText(report()));
    }

    @Test
    void theDemosSnakeoilCertificateNeedsTheUsersConsent() {
        ServerFiles demo = DemoServer.load();
        InspectionReport report = CertificateCheck.inspect(demo.certificates().get(0), demo, Optional.empty());
        assertTrue(report.has(FindingId.SELF_SIGNED), report.findings().toString());
        assertEquals(Optional.empty(), CertificateChoices.blocking(report));
        assertTrue(CertificateChoices.offersAcknowledgement(report), report.findings().toString());
    }

    @Test
    void theRenewalHookIsOfferedForLetsEncryptOnly() {
        CertificateCandidate snakeoil = DemoServer.load().certificates().get(0);
        assertFalse(CertificateChoices.offersRenewalHook(snakeoil));
        CertificateCandidate letsEncrypt = new CertificateCandidate("/etc/letsencrypt/live/mx/fullchain.pem",
                "/etc/letsencrypt/live/mx/privkey.pem", snakeoil.chain(), snakeoil.key(), "Let's Encrypt live");
        assertTrue(CertificateChoices.offersRenewalHook(letsEncrypt));
    }
}
