package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.stack.MainOverride;
import org.postfixtls.wizard.domain.config.stack.MasterOverride;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.config.stack.StackDetector;
import org.postfixtls.wizard.domain.config.stack.StackLayout;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.testsupport.Corpus;

/** The planner on the real configurations of public mail stacks (corpus-real, see its MANIFEST.md). */
class RealStacksPlannerTest {

    static final PostfixVersion V37 = new PostfixVersion(3, 7);
    static final String CHAIN = "/etc/letsencrypt/live/mx/fullchain.pem";
    static final String KEY = "/etc/letsencrypt/live/mx/privkey.pem";

    static Profile profile(Preset preset, boolean certificate, List<Profile.Policy> policies) {
        Profile b = preset.baseline();
        return new Profile(1, preset, certificate ? new Profile.Certificate(CHAIN, KEY, b.certificate().caFile())
                : b.certificate(), b.outbound(), b.inbound(), b.submission(), b.hardening(), b.sessionCache(),
                b.logging(), policies, null);
    }

    static Profile profile(Preset preset) {
        return profile(preset, true, List.of());
    }

    static ChangeSet plan(String entry, Profile profile) {
        return Planner.plan(PlanRequest.of(Corpus.readReal(entry, "main.cf"), Corpus.readReal(entry, "master.cf"),
                profile, V37).withPolicyMap(Corpus.readReal(entry, "tls_policy")));
    }

    static Stream<Arguments> entriesTimesPresets() {
        return Corpus.REAL_ENTRIES.stream().flatMap(e -> Stream.of(Preset.values()).map(p -> Arguments.of(e, p)));
    }

    static final List<Profile.Policy> PARTNER = List.of(new Profile.Policy("partner-bank.com", TlsLevel.VERIFY,
            List.of("hostname"), null, null, null));

    // defect 1
    @Test
    void existingPolicyLookupsAreKeptBehindTheProfilesTable() {
        MainCf mailcow = MainCf.parse(runningMain("mailcow", plan("mailcow", profile(Preset.RECOMMENDED, true,
                PARTNER))));
        assertEquals(List.of("hash:/etc/postfix/tls_policy",
                "proxy:mysql:/opt/postfix/conf/sql/mysql_tls_policy_override_maps.cf",
                "socketmap:inet:postfix-tlspol:8642:QUERY"),
                PolicyChain.parse(mailcow.get("smtp_tls_policy_maps").orElseThrow()).lookups());
        ChangeSet mailu = plan("mailu", profile(Preset.MANDATORY, true, PARTNER));
        assertEquals(List.of("hash:/etc/postfix/tls_policy", "lmdb:/etc/postfix/tls_policy.map", "${podop}dane",
                "socketmap:unix:/tmp/mta-sts.socket:postfix"), PolicyChain.parse(MainCf.parse(runningMain("mailu", mailu))
                .get("smtp_tls_policy_maps").orElseThrow()).lookups());
        Change change = mailu.changes().stream().filter(c -> c.subject().equals("smtp_tls_policy_maps")).findFirst()
                .orElseThrow();
        assertTrue(change.reason().contains("first table that has an answer"), change.reason());
        MainCf chain = MainCf.parse(plan("variant-policy-chain", profile(Preset.RUNBOOK, true, PARTNER))
                .content("main.cf"));
        assertEquals("hash:/etc/postfix/tls_policy, socketmap:inet:127.0.0.1:8461:postfix",
                chain.get("smtp_tls_policy_maps").orElseThrow());
    }

    // defect 2
    @ParameterizedTest
    @ValueSource(strings = {"postfix-upstream", "mailu"})
    void noCertificateAnywhereRefusesAndChangesNothing(String entry) {
        for (Preset preset : Preset.values()) {
            ChangeSet set = plan(entry, profile(preset, false, List.of()));
            assertTrue(set.refused(), entry + " " + preset);
            assertTrue(set.refusals().get(0).contains("No server certificate"), set.refusals()::toString);
            assertTrue(set.isEmpty());
            assertTrue(set.changes().isEmpty());
        }
        assertFalse(plan(entry, profile(Preset.MANDATORY)).refused(), "a certificate in the profile is enough");
    }

    @Test
    void newSubmissionsServiceGetsTheOnlyCertificateSetByOverride() {
        ChangeSet set = plan("variant-tls-only-o", profile(Preset.RECOMMENDED, false, List.of()));
        assertFalse(set.refused(), set.refusals()::toString);
        MasterService submissions = MasterCf.parse(set.content("master.cf")).servicesOnPort(465).get(0);
        assertEquals("/etc/letsencrypt/live/mx.example.org/fullchain.pem", submissions.option("smtpd_tls_cert_file"));
        assertEquals("/etc/letsencrypt/live/mx.example.org/privkey.pem", submissions.option("smtpd_tls_key_file"));
    }

    // defect 3
    @Test
    void mandatoryInboundTlsReachesOnlyThePublicListeners() {
        for (String entry : List.of("mailcow", "mailu", "ispconfig", "iredmail")) {
            ChangeSet set = plan(entry, profile(Preset.MANDATORY));
            MainCf before = MainCf.parse(Corpus.readReal(entry, "main.cf"));
            MasterCf masterBefore = MasterCf.parse(Corpus.readReal(entry, "master.cf"));
            MainCf after = MainCf.parse(runningMain(entry, set));
            MasterCf masterAfter = MasterCf.parse(runningMaster(entry, set));
            List<MasterService> publicAfter = ServiceOverrides.publicSmtpd(masterAfter);
            for (MasterService s : publicAfter) {
                assertEquals("encrypt", ServiceOverrides.inbound(after, s), entry + " " + s.name());
            }
            Set<Integer> submissionPorts = Set.of(587, 465);
            for (MasterService old : masterBefore.services()) {
                if (!"smtpd".equals(old.command()) || !"inet".equals(old.type()) || publicAfter.stream().anyMatch(
                        p -> p.name().equals(old.name())) || submissionPorts.contains(old.port().orElse(-1))) {
                    continue;
                }
                MasterService now = masterAfter.services().stream().filter(s -> s.name().equals(old.name())
                        && s.type().equals(old.type())).findFirst().orElseThrow();
                assertEquals(ServiceOverrides.inbound(before, old), ServiceOverrides.inbound(after, now),
                        entry + ": internal listener " + old.name() + " keeps its level");
            }
            assertTrue(set.notes().stream().anyMatch(n -> n.startsWith("Listener smtp/inet changes")), entry
                    + set.notes());
        }
        MasterCf mailcow = MasterCf.parse(plan("mailcow", profile(Preset.MANDATORY)).content("master.cf"));
        assertEquals("encrypt", mailcow.services().stream().filter(s -> s.name().equals("10025")).findFirst()
                .orElseThrow().option("smtpd_tls_security_level"), "mailcow's HAProxy postscreen is public too");
    }

    @Test
    void withoutPort25TheOptionlessSmtpdIsTheMxListener() {
        Profile b = profile(Preset.MANDATORY);
        Profile bed = new Profile(1, b.preset(), b.certificate(), b.outbound(), b.inbound(),
                new Profile.Submission(new Profile.Listener(true, 2587), new Profile.Listener(true, 2465)),
                b.hardening(), b.sessionCache(), b.logging(), List.of(), null);
        ChangeSet set = Planner.plan(PlanRequest.of(Corpus.read("testbed", "main.cf"), Corpus.read("testbed",
                "master.cf"), bed, V37));
        MasterCf master = MasterCf.parse(set.content("master.cf"));
        assertEquals("encrypt", master.servicesOnPort(2525).get(0).option("smtpd_tls_security_level"));
        assertEquals(1, ServiceOverrides.publicSmtpd(master).size());
    }

    // defect 4
    @Test
    void contradictingOverridesAreChanged() {
        String main = Corpus.readReal("debian-stock", "main.cf");
        String master = Corpus.readReal("debian-stock", "master.cf")
                .replaceFirst("(?m)^(smtp +inet .*)$", "$1\n  -o smtpd_tls_security_level=may\n  -o smtpd_tls_cert_file=/old/c.pem")
                .replaceFirst("(?m)^(smtp +unix .*)$", "$1\n  -o smtp_tls_security_level=may");
        ChangeSet set = Planner.plan(PlanRequest.of(main, master, profile(Preset.MANDATORY), V37));
        MasterCf after = MasterCf.parse(set.content("master.cf"));
        MainCf mainAfter = MainCf.parse(set.content("main.cf"));
        MasterService smtpd = after.servicesOnPort(25).get(0);
        assertEquals("encrypt", mainAfter.value(smtpd, "smtpd_tls_security_level"));
        assertEquals(CHAIN, mainAfter.value(smtpd, "smtpd_tls_cert_file"));
        MasterService client = after.services().stream().filter(s -> s.name().equals("smtp") && s.type().equals("unix"))
                .findFirst().orElseThrow();
        assertEquals("encrypt", mainAfter.value(client, "smtp_tls_security_level"));
        String overrides = Corpus.readReal("debian-stock", "master.cf")
                .replaceFirst("(?m)^(smtp +inet .*)$", "$1\n  -o smtpd_tls_mandatory_ciphers=medium");
        ChangeSet conflicted = Planner.plan(PlanRequest.of(main, overrides, profile(Preset.MANDATORY), V37));
        assertTrue(conflicted.conflicts().stream().anyMatch(c -> c.contains("smtpd_tls_mandatory_ciphers")),
                conflicted.conflicts()::toString);
    }

    // defect 5
    @Test
    void shadowedDuplicatesOfManagedParametersAreRemoved() {
        for (boolean certificate : List.of(true, false)) {
            ChangeSet set = plan("variant-duplicates", profile(Preset.RUNBOOK, certificate, List.of()));
            MainCf after = MainCf.parse(set.content("main.cf"));
            List<String> dups = after.duplicates().stream().filter(Planner.MANAGED::contains).toList();
            assertEquals(List.of(), dups);
            assertTrue(set.changes().stream().anyMatch(c -> c.subject().endsWith("(earlier duplicate)")
                    && c.reason().contains("only the last definition counts")));
        }
    }

    // defect 6
    @ParameterizedTest
    @ValueSource(strings = {"docker-mailserver", "modoboa", "ispconfig", "mailcow"})
    void exclusionsAreMergedAndGradesNeverLowered(String entry) {
        MainCf before = MainCf.parse(Corpus.readReal(entry, "main.cf"));
        for (Preset preset : Preset.values()) {
            MainCf after = MainCf.parse(runningMain(entry, plan(entry, profile(preset))));
            for (String name : List.of("smtpd_tls_exclude_ciphers", "smtp_tls_exclude_ciphers")) {
                Set<String> was = tokens(before.value(name));
                assertTrue(tokens(after.value(name)).containsAll(was), entry + " " + preset + " " + name);
            }
            for (String name : List.of("smtpd_tls_mandatory_ciphers", "smtpd_tls_ciphers")) {
                if (before.get(name).isPresent() && after.get(name).isPresent()) {
                    assertTrue(TlsStrength.gradeRank(after.value(name)).orElseThrow()
                            >= TlsStrength.gradeRank(before.value(name)).orElseThrow(), entry + " " + name);
                }
            }
            for (String name : List.of("smtpd_tls_protocols", "smtpd_tls_mandatory_protocols")) {
                if (before.get(name).isPresent()) {
                    assertTrue(TlsStrength.protocolFloor(after.value(name))
                            >= TlsStrength.protocolFloor(before.value(name)), entry + " " + name);
                }
            }
        }
    }

    @Test
    void aStrongerGradeAndFloorOfTheAdminAreKept() {
        String main = "smtpd_tls_cert_file = /c.pem\nsmtpd_tls_key_file = /k.pem\n"
                + "smtpd_tls_mandatory_protocols = >=TLSv1.3\nsmtpd_tls_mandatory_ciphers = high\n";
        Profile b = Preset.RECOMMENDED.baseline();
        Profile medium = new Profile(1, b.preset(), b.certificate(), b.outbound(), b.inbound(), b.submission(),
                new Profile.Hardening("TLSv1.2", false, "medium", null, List.of(), false, null, null), b.sessionCache(),
                b.logging(), List.of(), null);
        ChangeSet set = Planner.plan(PlanRequest.of(main, "", medium, V37));
        MainCf after = MainCf.parse(set.content("main.cf"));
        assertEquals(">=TLSv1.3", after.get("smtpd_tls_mandatory_protocols").orElseThrow());
        assertEquals("high", after.get("smtpd_tls_mandatory_ciphers").orElseThrow());
        assertTrue(set.notes().stream().anyMatch(n -> n.contains("never weakens")), set.notes()::toString);
    }

    @Test
    void aGradeUsingTheAdminsOwnCipherListIsKept() {
        MainCf ispconfig = MainCf.parse(plan("ispconfig", profile(Preset.MANDATORY)).content("main.cf"));
        assertTrue(ispconfig.get("smtpd_tls_ciphers").isEmpty(), "default medium with ISPConfig's own list stays");
        assertEquals("medium", ispconfig.value("smtpd_tls_mandatory_ciphers"));
        assertTrue(ispconfig.isSet("tls_medium_cipherlist"));
    }

    // defect 7
    @Test
    void siteOptionsOfExistingSubmissionServicesStay() {
        for (Preset preset : Preset.values()) {
            MasterCf after = MasterCf.parse(plan("mailcow", profile(preset)).content("master.cf"));
            MasterCf before = MasterCf.parse(Corpus.readReal("mailcow", "master.cf"));
            for (int port : List.of(587, 465)) {
                MasterService was = before.servicesOnPort(port).get(0);
                MasterService now = after.servicesOnPort(port).get(0);
                for (Map.Entry<String, String> option : was.options().entrySet()) {
                    if (!SubmissionServices.TLS_OPTIONS.contains(option.getKey())) {
                        assertEquals(option.getValue(), now.option(option.getKey()), preset + " " + port + " "
                                + option.getKey());
                    }
                }
            }
            assertTrue(after.servicesOnPort(587).get(0).option("smtpd_client_restrictions")
                    .contains("permit_mynetworks"));
            assertEquals("smtps", after.servicesOnPort(465).get(0).name());
        }
    }

    // defect 8
    @ParameterizedTest
    @ValueSource(strings = {"mailcow", "variant-policy-chain"})
    void daneDowngradeCarriesARiskAndIsMarkedWeakening(String entry) {
        for (Preset preset : Preset.values()) {
            ChangeSet set = plan(entry, profile(preset));
            Change outbound = set.changes().stream().filter(c -> c.subject().equals("smtp_tls_security_level"))
                    .findFirst().orElseThrow();
            assertTrue(outbound.weakens(), preset + " " + outbound);
            assertNotNull(outbound.risk());
            assertTrue(outbound.risk().contains("dane"), outbound.risk());
            assertTrue(set.weakens());
        }
    }

    // defect 9
    @Test
    void indirectionIsFollowedNotOrphaned() {
        ChangeSet set = plan("variant-var-indirection", profile(Preset.MANDATORY));
        MainCf after = MainCf.parse(set.content("main.cf"));
        assertEquals("$outbound_tls", after.get("smtp_tls_security_level").orElseThrow());
        assertEquals("encrypt", after.value("smtp_tls_security_level"));
        assertEquals("$inbound_tls", after.get("smtpd_tls_security_level").orElseThrow(), "may stays may globally");
        ChangeSet again = Planner.plan(PlanRequest.of(set.content("main.cf"), set.content("master.cf"),
                profile(Preset.MANDATORY), V37));
        assertTrue(again.isEmpty(), again.changes()::toString);
    }

    @ParameterizedTest
    @MethodSource("entriesTimesPresets")
    void planningThePlanAgainChangesNothing(String entry, Preset preset) {
        ChangeSet first = plan(entry, profile(preset, true, PARTNER));
        // on a mail stack the output includes its override files (main.cf stays as it was)
        List<OverrideFile> overrides = first.files().stream().filter(f -> first.location(f.name()).isPresent())
                .map(f -> new OverrideFile(f.name(), null, f.after())).toList();
        ChangeSet second = Planner.plan(PlanRequest.of(first.content("main.cf"), first.content("master.cf"),
                profile(preset, true, PARTNER), V37)
                .withPolicyMap(first.file("tls_policy").map(FileChange::after).orElse(null))
                .withStackFiles(overrides));
        assertTrue(second.isEmpty(), () -> entry + " " + preset + ": " + second.changes());
    }

    /** main.cf as Postfix runs it after the stack's start, when the plan wrote the stack's override file. */
    private static String runningMain(String entry, ChangeSet set) {
        return layout(entry, set).map(l -> MainOverride.effective(l, set.content("main.cf"),
                set.file(l.mainName()).map(FileChange::after).orElse(null))).orElse(set.content("main.cf"));
    }

    private static String runningMaster(String entry, ChangeSet set) {
        return layout(entry, set).filter(StackLayout::hasMasterOverride).map(l -> MasterOverride.effective(l,
                set.content("master.cf"), set.file(l.masterName()).map(FileChange::after).orElse(null)))
                .orElse(set.content("master.cf"));
    }

    private static java.util.Optional<StackLayout> layout(String entry, ChangeSet set) {
        if (set.stack() == null) {
            return java.util.Optional.empty();
        }
        return StackDetector.detect(Corpus.readReal(entry, "main.cf"), Corpus.readReal(entry, "master.cf"),
                List.of()).flatMap(d -> StackLayout.of(d.stack(), PlanRequest.DEFAULT_CONFIG_DIRECTORY, null));
    }

    private static Set<String> tokens(String value) {
        return Stream.of(value.trim().split("[\\s,:]+")).filter(t -> !t.isEmpty()).collect(Collectors.toSet());
    }
}
