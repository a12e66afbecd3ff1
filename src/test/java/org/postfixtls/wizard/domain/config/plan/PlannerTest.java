package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.testsupport.Corpus;

class PlannerTest {

    static final PostfixVersion V37 = new PostfixVersion(3, 7);
    static final PostfixVersion V35 = new PostfixVersion(3, 5);

    static Stream<Arguments> presetsTimesCorpus() {
        return Stream.of(Preset.values()).flatMap(p -> Corpus.ENTRIES.stream().map(e -> Arguments.of(p, e)));
    }

    static Profile withCertificate(Preset preset) {
        return withCertificate(preset, List.of(new Profile.Policy("partner-bank.com", TlsLevel.VERIFY,
                List.of("hostname"), null, null, null)));
    }

    static Profile withCertificate(Preset preset, List<Profile.Policy> policies) {
        Profile b = preset.baseline();
        return new Profile(1, preset, new Profile.Certificate("/etc/letsencrypt/live/mx/fullchain.pem",
                "/etc/letsencrypt/live/mx/privkey.pem", b.certificate().caFile()), b.outbound(), b.inbound(),
                b.submission(), b.hardening(), b.sessionCache(), b.logging(), policies, null);
    }

    static ChangeSet plan(String entry, Profile profile, PostfixVersion version) {
        return Planner.plan(PlanRequest.of(Corpus.read(entry, "main.cf"), Corpus.read(entry, "master.cf"),
                profile, version).withPolicyMap(Corpus.read(entry, "tls_policy")));
    }

    @ParameterizedTest
    @MethodSource("presetsTimesCorpus")
    void planningThePlannedFilesChangesNothing(Preset preset, String entry) {
        for (PostfixVersion version : List.of(V37, V35)) {
            Profile profile = withCertificate(preset);
            ChangeSet first = plan(entry, profile, version);
            ChangeSet second = Planner.plan(PlanRequest.of(first.content("main.cf"), first.content("master.cf"),
                    profile, version).withPolicyMap(first.file("tls_policy").map(FileChange::after).orElse(null)));
            assertTrue(second.isEmpty(), () -> "second plan changed: " + second.changes());
            assertTrue(second.changes().isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("presetsTimesCorpus")
    void everyChangeHasAReasonAndSource(Preset preset, String entry) {
        for (Change change : plan(entry, withCertificate(preset), V37).changes()) {
            assertFalse(change.reason().isBlank(), change::toString);
            assertFalse(change.source().isBlank(), change::toString);
        }
    }

    @ParameterizedTest
    @MethodSource("presetsTimesCorpus")
    void unrelatedParametersStayUnchanged(Preset preset, String entry) {
        MainCf before = MainCf.parse(Corpus.read(entry, "main.cf"));
        MainCf after = MainCf.parse(plan(entry, withCertificate(preset), V37).content("main.cf"));
        before.parameters().forEach((name, value) -> {
            if (!name.contains("tls") && !name.contains("dns_support")) {
                assertEquals(value, after.get(name).orElse(null), name);
            }
        });
    }

    @Test
    void versionDecidesProtocolSyntaxAndEecdhGrade() {
        ChangeSet modern = plan("mailsuite", withCertificate(Preset.RUNBOOK), V37);
        MainCf m = MainCf.parse(modern.content("main.cf"));
        assertTrue(m.get("smtpd_tls_eecdh_grade").isEmpty());
        ChangeSet old = plan("mailsuite", withCertificate(Preset.RUNBOOK), V35);
        assertEquals("strong", MainCf.parse(old.content("main.cf")).get("smtpd_tls_eecdh_grade").orElseThrow());

        assertEquals(">=TLSv1.2", MainCf.parse(plan("debian12", withCertificate(Preset.MANDATORY), V37)
                .content("main.cf")).get("smtp_tls_mandatory_protocols").orElseThrow());
        assertEquals("!SSLv2, !SSLv3, !TLSv1, !TLSv1.1", MainCf.parse(plan("debian12",
                withCertificate(Preset.MANDATORY), V35).content("main.cf")).get("smtpd_tls_protocols").orElseThrow());
    }

    @Test
    void obsoleteParametersAreMigratedAndRemoved() {
        ChangeSet set = plan("handedited", withCertificate(Preset.RECOMMENDED), V37);
        MainCf m = MainCf.parse(set.content("main.cf"));
        for (String obsolete : List.of("smtpd_use_tls", "smtp_use_tls", "smtp_enforce_tls", "smtp_tls_per_site")) {
            assertTrue(m.get(obsolete).isEmpty(), obsolete);
        }
        assertEquals("may", m.get("smtpd_tls_security_level").orElseThrow());
        assertTrue(set.changes().stream().anyMatch(c -> c.subject().equals("smtp_tls_per_site") && c.risk() != null));
        assertTrue(set.content("main.cf").contains("\r\n"), "keeps CRLF");
        assertTrue(set.content("main.cf").contains("mydestination = $myhostname,\r\n\tlocalhost.$mydomain,"));
    }

    @Test
    void starPolicyIsRemovedWithAnExplanationAndNeverWritten() {
        ChangeSet set = plan("handedited", withCertificate(Preset.MANDATORY), V37);
        String policy = set.content("tls_policy");
        assertFalse(policy.lines().anyMatch(l -> l.startsWith("*")));
        assertTrue(policy.contains("partner-bank.com        verify match=hostname"));
        assertTrue(set.changes().stream().anyMatch(c -> c.subject().equals("*") && c.reason().contains("never looks up")));
        assertEquals("hash:/etc/postfix/tls_policy", MainCf.parse(set.content("main.cf")).get("smtp_tls_policy_maps").orElseThrow());
    }

    @Test
    void debianCommentedSubmissionBlocksAreEnabledInPlace() {
        ChangeSet set = plan("debian12", withCertificate(Preset.RUNBOOK), V37);
        String master = set.content("master.cf");
        assertTrue(master.contains("\nsubmission inet n       -       y       -       -       smtpd\n"), master);
        assertTrue(master.contains("\nsubmissions     inet  n       -       y       -       -       smtpd\n"), master);
        assertTrue(master.contains("#127.0.0.1:submission inet n -   y       -       -       smtpd"));
        MasterCf parsed = MasterCf.parse(master);
        assertEquals(1, parsed.servicesOnPort(587).size());
        assertEquals("encrypt", parsed.servicesOnPort(587).get(0).option("smtpd_tls_security_level"));
        assertEquals("yes", parsed.servicesOnPort(465).get(0).option("smtpd_tls_wrappermode"));
        assertEquals(Corpus.read("debian12", "master.cf").lines().count(), master.lines().count() - 1,
                "Debian's blocks already hold every option but smtpd_tls_auth_only on submissions");
    }

    @Test
    void testbedPortNumbersAreUsedAsServiceNames() {
        Profile b = withCertificate(Preset.RECOMMENDED);
        Profile profile = new Profile(1, b.preset(), b.certificate(), b.outbound(), b.inbound(),
                new Profile.Submission(new Profile.Listener(true, 2587), new Profile.Listener(true, 2465)),
                b.hardening(), b.sessionCache(), b.logging(), b.policies(), null);
        MasterCf master = MasterCf.parse(plan("testbed", profile, V37).content("master.cf"));
        MasterService s = master.servicesOnPort(2587).get(0);
        assertEquals("2587", s.name());
        assertEquals("postfix/submission", s.option("syslog_name"));
        assertEquals("2465", master.servicesOnPort(2465).get(0).name());
        assertEquals(1, master.servicesOnPort(2465).size());
    }

    @Test
    void duplicateServicesOnOnePortAreReducedToOne() {
        MasterCf master = MasterCf.parse(plan("handedited", withCertificate(Preset.RECOMMENDED), V37).content("master.cf"));
        assertEquals(1, master.servicesOnPort(587).size());
        assertEquals("587", master.servicesOnPort(587).get(0).name());
        assertEquals("smtps", master.servicesOnPort(465).get(0).name(), "legacy smtps block enabled in place");
    }

    @Test
    void riskNotesAccompanyMandatoryOutbound() {
        Change outbound = plan("debian12", withCertificate(Preset.MANDATORY), V37).changes().stream()
                .filter(c -> c.subject().equals("smtp_tls_security_level")).findFirst().orElseThrow();
        assertEquals("encrypt", outbound.after());
        assertTrue(outbound.risk().contains("deferred"));
    }

    @Test
    void danePolicyTurnsOnDnssecLookups() {
        Profile b = Preset.RECOMMENDED.baseline();
        Profile profile = new Profile(1, b.preset(), b.certificate(), b.outbound(), b.inbound(), b.submission(),
                b.hardening(), b.sessionCache(), b.logging(),
                List.of(new Profile.Policy(".example.net", TlsLevel.DANE_ONLY, List.of(), null, null, null)), null);
        ChangeSet set = plan("debian12", profile, V37);
        assertEquals("dnssec", MainCf.parse(set.content("main.cf")).get("smtp_dns_support_level").orElseThrow());
    }

    @Test
    void chainFilesStayOnlyWhereSupported() {
        String main = "smtpd_tls_chain_files = /old/key.pem, /old/chain.pem\n";
        Profile profile = withCertificate(Preset.RECOMMENDED);
        MainCf modern = MainCf.parse(Planner.plan(PlanRequest.of(main, "", profile, V37)).content("main.cf"));
        assertEquals("/etc/letsencrypt/live/mx/privkey.pem, /etc/letsencrypt/live/mx/fullchain.pem",
                modern.get("smtpd_tls_chain_files").orElseThrow());
        MainCf old = MainCf.parse(Planner.plan(PlanRequest.of(main, "", profile, new PostfixVersion(3, 3)))
                .content("main.cf"));
        assertTrue(old.get("smtpd_tls_chain_files").isEmpty());
        assertEquals("/etc/letsencrypt/live/mx/fullchain.pem", old.get("smtpd_tls_cert_file").orElseThrow());
    }

    @Test
    void noPoliciesAndNoMapMeansNoPolicyFile() {
        ChangeSet set = Planner.plan(PlanRequest.of("", "", withCertificate(Preset.RUNBOOK, List.of()), V37));
        assertTrue(set.file("tls_policy").isEmpty());
        assertNull(MainCf.parse(set.content("main.cf")).get("smtp_tls_policy_maps").orElse(null));
    }
}
