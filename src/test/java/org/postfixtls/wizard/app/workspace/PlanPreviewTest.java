package org.postfixtls.wizard.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.plan.PlanPreview;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/** The demo server is what trainers show: every step must have something real to change on it. */
class PlanPreviewTest {

    private final ServerFiles demo = DemoServer.load();

    @Test
    void theDemoServerIsDebiansPostfixWithItsSnakeoilCertificate() {
        assertEquals("mail.example.com", demo.myhostname().orElseThrow());
        assertEquals("example.com", demo.mydomain().orElseThrow());
        assertEquals(1, demo.certificates().size());
        assertTrue(demo.certificates().get(0).key().isPresent());
    }

    @Test
    void theRecommendedPlanFixesTheDemosObsoleteAndDeadSettings() {
        PlanPreview preview = PlanPreview.of(demo.planRequest(Preset.RECOMMENDED.baseline()));
        String main = preview.changeSet().content(Planner.MAIN_CF);
        assertFalse(main.contains("smtpd_use_tls"), "obsolete parameter removed");
        assertTrue(main.contains("smtpd_tls_auth_only = yes"));
        String policy = preview.changeSet().content(Planner.TLS_POLICY);
        assertFalse(policy.lines().anyMatch(l -> l.startsWith("*")), "the never-read '*' line is gone");
        assertTrue(policy.contains("partner-bank.example"), "the real entries stay");
        assertTrue(preview.changeSet().changes().stream().allMatch(c -> c.reason() != null && !c.reason().isBlank()),
                "every change has a reason");
    }

    @Test
    void findingsAreThoseOfTheResultNotOfTodaysFiles() {
        PlanPreview preview = PlanPreview.of(demo.planRequest(Preset.RECOMMENDED.baseline()));
        assertTrue(preview.findingsAfter().stream().noneMatch(f -> f.message().contains("smtpd_use_tls")),
                preview.findingsAfter().toString());
    }

    @Test
    void switchingPresetsKeepsTheServersCertificateAndPolicies() {
        Profile edited = ProfileEdits.withPolicies(ProfileEdits.withCertificate(Preset.RECOMMENDED.baseline(),
                        new Profile.Certificate("/etc/ssl/a.pem", "/etc/ssl/a.key", null)),
                List.of(new Profile.Policy("bank.example", TlsLevel.SECURE, List.of(), null, null, null)));
        Profile mandatory = ProfileEdits.withPreset(edited, Preset.MANDATORY);
        assertEquals(Preset.MANDATORY, mandatory.preset());
        assertEquals(TlsLevel.ENCRYPT, mandatory.outbound().level());
        assertEquals("/etc/ssl/a.pem", mandatory.certificate().chainFile());
        assertEquals(Preset.DEBIAN_CA_FILE, mandatory.certificate().caFile(), "the preset's CA file fills the gap");
        assertEquals(edited.policies(), mandatory.policies());
    }
}
