package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.postfixtls.wizard.domain.config.lint.Finding;
import org.postfixtls.wizard.domain.config.lint.LintInput;
import org.postfixtls.wizard.domain.config.lint.Linter;
import org.postfixtls.wizard.domain.config.lint.Severity;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.testsupport.Corpus;

/**
 * The planner on the releases after the test bed's 3.7: what Postfix 3.8 to 3.11 changed (RELEASE_NOTES-3.8 ...
 * 3.11) is proven here without a bed of that release.
 */
class PlannerVersionsTest {

    static final List<PostfixVersion> NEWER = Stream.of("3.8", "3.9", "3.10", "3.11")
            .map(v -> PostfixVersion.parse(v).orElseThrow()).toList();
    static final TlsRuntime OPENSSL_35 = new TlsRuntime(OpensslVersion.parse("OpenSSL 3.5.1 1 Jul 2025").orElseThrow(),
            "openssl version", TlsRuntime.Support.YES, null);
    /** Rules a plan must never trip on the release it was planned for. */
    static final Set<String> VERSION_RULES = Set.of("obsolete-parameter", "parameter-needs-newer-postfix",
            "protocol-list-excludes-tls13", "redundant-cipher-exclusion", "legacy-cipher-grade", "empty-curve-list",
            "eecdh-grade-ignored", "protocol-syntax-unsupported", "chain-files-unsupported");
    static final List<String> PROTOCOLS = List.of("smtpd_tls_protocols", "smtpd_tls_mandatory_protocols",
            "smtp_tls_protocols", "smtp_tls_mandatory_protocols", "lmtp_tls_protocols", "lmtp_tls_mandatory_protocols");

    static Stream<Arguments> presetsTimesCorpus() {
        return Stream.of(Preset.values()).flatMap(p -> Corpus.ENTRIES.stream().map(e -> Arguments.of(p, e)));
    }

    static ChangeSet plan(String main, String master, String policy, Profile profile, PostfixVersion version,
            TlsRuntime runtime) {
        return Planner.plan(PlanRequest.of(main, master, profile, version).withPolicyMap(policy).withRuntime(runtime));
    }

    static List<Finding> lintPlanned(String main, String master, String policy, ChangeSet set, PostfixVersion v,
            TlsRuntime runtime) {
        String policyAfter = set.file(Planner.TLS_POLICY).map(FileChange::after).orElse(policy);
        return Linter.lintPlanned(LintInput.of(main, master, policy, v).withRuntime(runtime),
                LintInput.of(set.content(Planner.MAIN_CF), set.content(Planner.MASTER_CF), policyAfter, v)
                        .withRuntime(runtime));
    }

    @ParameterizedTest
    @MethodSource("presetsTimesCorpus")
    void onEveryNewerReleaseThePlanIsIdempotentAndTripsNoVersionRule(Preset preset, String entry) {
        Profile profile = PlannerTest.withCertificate(preset);
        String main = Corpus.read(entry, "main.cf");
        String master = Corpus.read(entry, "master.cf");
        String policy = Corpus.read(entry, "tls_policy");
        for (PostfixVersion version : NEWER) {
            ChangeSet first = plan(main, master, policy, profile, version, OPENSSL_35);
            ChangeSet second = plan(first.content("main.cf"), first.content("master.cf"),
                    first.file("tls_policy").map(FileChange::after).orElse(null), profile, version, OPENSSL_35);
            assertTrue(second.changes().isEmpty(), () -> version + ": second plan changed " + second.changes());
            Set<String> tripped = lintPlanned(main, master, policy, first, version, OPENSSL_35).stream()
                    .map(Finding::id).filter(VERSION_RULES::contains).collect(Collectors.toSet());
            assertEquals(Set.of(), tripped, version + " " + entry);
            assertFalse(MainCf.parse(first.content("main.cf")).isSet("tls_eecdh_auto_curves"),
                    "the planner never replaces Postfix's curve list (3.11: the post-quantum default)");
        }
    }

    /** Every obsolete parameter main.cf can hold, each set to what it would mean today. */
    static final String OBSOLETE = "smtpd_use_tls = yes\nsmtpd_enforce_tls = no\nsmtp_use_tls = yes\n"
            + "smtp_enforce_tls = no\nsmtp_tls_per_site = hash:/etc/postfix/tls_per_site\n"
            + "smtp_tls_enforce_peername = no\nlmtp_use_tls = yes\nlmtp_enforce_tls = yes\n"
            + "lmtp_tls_per_site = hash:/etc/postfix/lmtp_per_site\nlmtp_tls_enforce_peername = no\n"
            + "postscreen_use_tls = yes\npostscreen_enforce_tls = no\ntlsproxy_use_tls = yes\ntlsproxy_enforce_tls = no\n"
            + "tlsproxy_client_use_tls = yes\ntlsproxy_client_enforce_tls = no\n"
            + "tlsproxy_client_per_site = hash:/etc/postfix/tlsproxy_per_site\ndisable_dns_lookups = yes\n"
            + "smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\npostscreen_tls_dh1024_param_file = /etc/postfix/dh.pem\n"
            + "tlsproxy_tls_dh1024_param_file = /etc/postfix/dh.pem\nsmtpd_tls_eecdh_grade = strong\n"
            + "postscreen_tls_eecdh_grade = strong\ntlsproxy_tls_eecdh_grade = strong\n";

    /**
     * RELEASE_NOTES-3.9: "The postconf command logs a warning when the following parameters are specified in main.cf
     * or master.cf: xxx_use_tls, xxx_enforce_tls (use the corresponding xxx_security_level setting instead);
     * xxx_per_site (use the corresponding xxx_policy_maps setting instead); disable_dns_lookups (use
     * smtp_dns_support_level instead); smtpd_tls_dh1024_param_file, smtpd_tls_eecdh_grade (do not specify, leave at
     * default)."
     */
    @ParameterizedTest
    @EnumSource(Preset.class)
    void everyObsoleteParameterIsReplacedByItsModernEquivalentWithAReason(Preset preset) {
        String main = Corpus.read("debian12", "main.cf") + OBSOLETE;
        String master = Corpus.read("debian12", "master.cf");
        for (PostfixVersion version : List.of(PostfixVersion.V3_9, PostfixVersion.V3_11)) {
            ChangeSet set = plan(main, master, null, PlannerTest.withCertificate(preset), version, TlsRuntime.UNKNOWN);
            MainCf after = MainCf.parse(set.content("main.cf"));
            for (ObsoleteParameters.Obsolete o : ObsoleteParameters.ALL) {
                assertFalse(after.isSet(o.name()), version + ": " + o.name() + " left behind");
                assertTrue(set.changes().stream().anyMatch(c -> c.subject().equals(o.name()) && c.after() == null
                        && !c.reason().isBlank()), o.name() + " removed without a reason");
            }
            // lmtp had no level of its own: lmtp_enforce_tls = yes meant encrypt
            assertEquals("encrypt", after.get("lmtp_tls_security_level").orElseThrow());
            // postscreen and tlsproxy inherit smtpd's/smtp's level, which the plan sets: their obsolete flags were ignored
            assertFalse(after.isSet("postscreen_tls_security_level"));
            assertTrue(set.changes().stream().anyMatch(c -> c.subject().equals("postscreen_use_tls")
                    && c.reason().contains("without effect")));
            String dns = after.get("smtp_dns_support_level").orElseThrow();
            assertTrue(dns.equals("disabled") || dns.equals("dnssec"), dns);
            assertTrue(set.changes().stream().anyMatch(c -> c.subject().equals("smtp_tls_per_site")
                    && c.risk() != null), "a table's entries are not carried over: said as a risk");
            assertTrue(lintPlanned(main, master, null, set, version, TlsRuntime.UNKNOWN).stream()
                    .noneMatch(f -> f.id().equals("obsolete-parameter")));
        }
    }

    /** RELEASE_NOTES-3.9: postconf warns about them "in main.cf or master.cf". */
    @Test
    void obsoleteServiceOptionsAreReplacedToo() {
        String master = Corpus.read("debian12", "master.cf") + "10587 inet n - y - - smtpd\n"
                + "  -o smtpd_enforce_tls=yes\n  -o syslog_name=postfix/internal\n"
                + "relay-lmtp unix - - y - - lmtp -o lmtp_use_tls=yes -o lmtp_tls_per_site=hash:/etc/postfix/per_site\n";
        ChangeSet set = plan(Corpus.read("debian12", "main.cf"), master, null,
                PlannerTest.withCertificate(Preset.RECOMMENDED), PostfixVersion.V3_9, TlsRuntime.UNKNOWN);
        org.postfixtls.wizard.domain.config.mastercf.MasterCf after =
                org.postfixtls.wizard.domain.config.mastercf.MasterCf.parse(set.content("master.cf"));
        var internal = after.services().stream().filter(s -> s.name().equals("10587")).findFirst().orElseThrow();
        assertEquals(null, internal.option("smtpd_enforce_tls"));
        assertEquals("postfix/internal", internal.option("syslog_name"), "site options stay");
        // main.cf's level (may) decides for it, so smtpd_enforce_tls had no effect (postconf(5) smtpd_enforce_tls)
        assertEquals(null, internal.option("smtpd_tls_security_level"));
        var lmtp = after.services().stream().filter(s -> s.name().equals("relay-lmtp")).findFirst().orElseThrow();
        assertEquals("may", lmtp.option("lmtp_tls_security_level"), "lmtp had no level: the one it meant");
        assertEquals(null, lmtp.option("lmtp_use_tls"));
        assertEquals(null, lmtp.option("lmtp_tls_per_site"));
        assertTrue(set.changes().stream().anyMatch(c -> c.subject().equals("service relay-lmtp/unix -o lmtp_tls_per_site")
                && c.risk() != null));
        assertTrue(lintPlanned(Corpus.read("debian12", "main.cf"), master, null, set, PostfixVersion.V3_9,
                TlsRuntime.UNKNOWN).stream().noneMatch(f -> f.id().equals("obsolete-parameter")));
        ChangeSet again = plan(set.content("main.cf"), set.content("master.cf"),
                set.file("tls_policy").map(FileChange::after).orElse(null),
                PlannerTest.withCertificate(Preset.RECOMMENDED), PostfixVersion.V3_9, TlsRuntime.UNKNOWN);
        assertTrue(again.changes().isEmpty(), () -> again.changes().toString());
    }

    @Test
    void parametersStillInUseBefore39AreKept() {
        String main = Corpus.read("debian12", "main.cf") + "smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem\n";
        ChangeSet set = plan(main, Corpus.read("debian12", "master.cf"), null,
                PlannerTest.withCertificate(Preset.RECOMMENDED), new PostfixVersion(3, 7), TlsRuntime.UNKNOWN);
        assertEquals("/etc/postfix/dh2048.pem", MainCf.parse(set.content("main.cf"))
                .get("smtpd_tls_dh1024_param_file").orElseThrow(), "3.7 still reads it for TLS 1.2 DHE");
    }

    /** A list that names protocols allows only those (postconf(5) smtpd_tls_protocols), TLS 1.3 excluded. */
    @ParameterizedTest
    @EnumSource(Preset.class)
    void planNeverWritesOrKeepsAProtocolListThatExcludesTls13(Preset preset) {
        String trap = "smtpd_tls_protocols = !SSLv2, !SSLv3, !TLSv1, TLSv1.1, TLSv1.2\n"
                + "smtpd_tls_mandatory_protocols = TLSv1.2\nsmtp_tls_protocols = TLSv1, TLSv1.1, TLSv1.2\n"
                + "smtp_tls_mandatory_protocols = TLSv1.3, TLSv1.2\nlmtp_tls_protocols = <=TLSv1.2\n";
        String main = Corpus.read("debian12", "main.cf") + trap;
        String master = Corpus.read("debian12", "master.cf");
        for (String v : List.of("3.5", "3.7", "3.8", "3.11")) {
            PostfixVersion version = PostfixVersion.parse(v).orElseThrow();
            ChangeSet set = plan(main, master, null, PlannerTest.withCertificate(preset), version, TlsRuntime.UNKNOWN);
            MainCf after = MainCf.parse(set.content("main.cf"));
            for (String name : PROTOCOLS) {
                after.get(name).ifPresent(value -> assertFalse(TlsStrength.excludesTls13ByAccident(value),
                        v + ": " + name + " = " + value));
            }
            assertTrue(lintPlanned(main, master, null, set, version, TlsRuntime.UNKNOWN).stream()
                    .noneMatch(f -> f.id().equals("protocol-list-excludes-tls13")), v);
            // the floor the admin had is kept where the preset does not set one: TLS 1.0 for opportunistic smtp
            if (!preset.baseline().hardening().clientSide() || !preset.baseline().hardening().floorOnOpportunistic()) {
                assertEquals(version.protocolFloor("TLSv1"), after.get("smtp_tls_protocols").orElseThrow(), v);
            }
            // "TLSv1.3, TLSv1.2" names 1.3: a deliberate list, left alone unless the preset sets its floor
            assertTrue(after.get("smtp_tls_mandatory_protocols").isPresent());
        }
    }

    /** RELEASE_NOTES-3.8: default settings exclude SEED, IDEA, 3DES, RC2, RC4, RC5, MD5, DH/ECDH key exchange, DSS. */
    @Test
    void from38TheExclusionsPostfixMakesItselfAreNotWritten() {
        Profile runbook = PlannerTest.withCertificate(Preset.RUNBOOK);
        String main = Corpus.read("debian12", "main.cf");
        String master = Corpus.read("debian12", "master.cf");
        String on37 = MainCf.parse(plan(main, master, null, runbook, new PostfixVersion(3, 7), TlsRuntime.UNKNOWN)
                .content("main.cf")).get("smtpd_tls_exclude_ciphers").orElseThrow();
        assertTrue(on37.contains("RC4") && on37.contains("3DES"), on37);
        ChangeSet set38 = plan(main, master, null, runbook, PostfixVersion.V3_8, TlsRuntime.UNKNOWN);
        String on38 = MainCf.parse(set38.content("main.cf")).get("smtpd_tls_exclude_ciphers").orElseThrow();
        for (String token : on38.split("[\\s,:]+")) {
            assertFalse(TlsStrength.excludedByDefaultSince38(token), on38);
        }
        assertTrue(on38.contains("aNULL") && on38.contains("eNULL"), "what 3.8 does not exclude itself stays");
        assertTrue(set38.changes().stream().anyMatch(c -> c.subject().equals("smtpd_tls_exclude_ciphers")
                && c.reason().contains("excludes them by default")));
    }

    /** An admin's own exclusions stay, even the ones 3.8 makes anyway: the planner never drops what the admin wrote. */
    @Test
    void adminsRedundantExclusionsStay() {
        String main = Corpus.read("debian12", "main.cf") + "smtpd_tls_exclude_ciphers = RC4, aNULL\n";
        String after = MainCf.parse(plan(main, Corpus.read("debian12", "master.cf"), null,
                PlannerTest.withCertificate(Preset.RUNBOOK), PostfixVersion.V3_11, TlsRuntime.UNKNOWN)
                .content("main.cf")).get("smtpd_tls_exclude_ciphers").orElseThrow();
        assertTrue(after.startsWith("RC4, aNULL"), after);
    }

    /**
     * RELEASE_NOTES-3.11: "changes the Postfix SMTP client smtp_tls_security_level default value to "may" ... and the
     * compatibility_level is 3.11 or higher"; with OpenSSL 3.5 "change the tls_eecdh_auto_curves default value".
     */
    @Test
    void on311TheOutboundLevelStaysExplicitAndThePostQuantumDefaultIsLeftAlone() {
        String main = Corpus.read("debian12", "main.cf").replace("compatibility_level = 3.6", "compatibility_level = 3.11");
        ChangeSet set = plan(main, Corpus.read("debian12", "master.cf"), null,
                PlannerTest.withCertificate(Preset.RECOMMENDED), PostfixVersion.V3_11, OPENSSL_35);
        MainCf after = MainCf.parse(set.content("main.cf"));
        assertEquals("may", after.get("smtp_tls_security_level").orElseThrow(),
                "explicit: the 3.11 default depends on compatibility_level, which an admin may lower");
        assertFalse(after.isSet("tls_eecdh_auto_curves"));
        assertTrue(set.notes().stream().anyMatch(n -> n.contains("?X25519MLKEM768:DEFAULT")), set.notes()::toString);
        List<Finding> findings = lintPlanned(main, Corpus.read("debian12", "master.cf"), null, set,
                PostfixVersion.V3_11, OPENSSL_35);
        assertTrue(findings.stream().noneMatch(f -> f.severity() != Severity.INFO), findings::toString);
        ChangeSet unknown = plan(main, Corpus.read("debian12", "master.cf"), null,
                PlannerTest.withCertificate(Preset.RECOMMENDED), PostfixVersion.V3_11, TlsRuntime.UNKNOWN);
        assertTrue(unknown.notes().stream().noneMatch(n -> n.contains("X25519MLKEM768")), "unknown OpenSSL: no claim");
    }

    /** RELEASE_NOTES-3.9: tls_config_file limits "collateral damage from OS distributions that crank up security to 11". */
    @Test
    void strictSystemOpensslSettingGetsANoteWithTheSettingThatIsolatesPostfix() {
        TlsRuntime strict = new TlsRuntime(OpensslVersion.parse("OpenSSL 3.0.17").orElseThrow(), "openssl version",
                TlsRuntime.Support.UNKNOWN, "crypto policy FUTURE (/etc/crypto-policies/config)");
        String main = Corpus.read("debian12", "main.cf");
        String master = Corpus.read("debian12", "master.cf");
        ChangeSet on39 = plan(main, master, null, PlannerTest.withCertificate(Preset.RECOMMENDED), PostfixVersion.V3_9,
                strict);
        assertTrue(on39.notes().stream().anyMatch(n -> n.contains("FUTURE") && n.contains("tls_config_file = none")),
                on39.notes()::toString);
        ChangeSet on34 = plan(main, master, null, PlannerTest.withCertificate(Preset.RECOMMENDED),
                new PostfixVersion(3, 4), strict);
        assertTrue(on34.notes().stream().anyMatch(n -> n.contains("cannot ignore")), on34.notes()::toString);
        assertTrue(plan(main + "tls_config_file = none\n", master, null, PlannerTest.withCertificate(Preset.RECOMMENDED),
                PostfixVersion.V3_9, strict).notes().stream().noneMatch(n -> n.contains("FUTURE")));
    }
}
