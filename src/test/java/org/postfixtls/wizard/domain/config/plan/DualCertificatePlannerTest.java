package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postfixtls.wizard.domain.config.lint.Finding;
import org.postfixtls.wizard.domain.config.lint.LintInput;
import org.postfixtls.wizard.domain.config.lint.Linter;
import org.postfixtls.wizard.domain.config.lint.Severity;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import org.postfixtls.wizard.domain.profile.ProfileValidator;
import org.postfixtls.wizard.testsupport.Corpus;

/**
 * An ECDSA and an RSA certificate side by side (issue 16 section 4, the planner's part). postconf(5)
 * smtpd_tls_chain_files: "the sequence of PEM objects must be: key1, cert1, [chain1], key2, cert2, [chain2]";
 * before Postfix 3.4 the algorithm-specific smtpd_tls_cert_file/key_file (RSA) and eccert_file/eckey_file (ECDSA).
 */
class DualCertificatePlannerTest {

    static final String RSA_CHAIN = "/etc/letsencrypt/live/mx-rsa/fullchain.pem";
    static final String RSA_KEY = "/etc/letsencrypt/live/mx-rsa/privkey.pem";
    static final String EC_CHAIN = "/etc/letsencrypt/live/mx-ecdsa/fullchain.pem";
    static final String EC_KEY = "/etc/letsencrypt/live/mx-ecdsa/privkey.pem";

    static Profile dual(Preset preset) {
        return ProfileEdits.withCertificate(preset.baseline(), new Profile.Certificate(RSA_CHAIN, RSA_KEY,
                preset.baseline().certificate().caFile(), EC_CHAIN, EC_KEY));
    }

    static ChangeSet plan(String entry, Profile profile, PostfixVersion version) {
        return Planner.plan(PlanRequest.of(Corpus.read(entry, "main.cf"), Corpus.read(entry, "master.cf"),
                profile, version).withPolicyMap(Corpus.read(entry, "tls_policy")));
    }

    @ParameterizedTest
    @EnumSource(Preset.class)
    void from34BothGoIntoChainFilesEachKeyBeforeItsChainAndTheLegacyFilesGo(Preset preset) {
        for (String entry : Corpus.ENTRIES) {
            for (PostfixVersion version : List.of(new PostfixVersion(3, 4), new PostfixVersion(3, 7), PostfixVersion.V3_11)) {
                ChangeSet set = plan(entry, dual(preset), version);
                MainCf main = MainCf.parse(set.content("main.cf"));
                assertEquals(EC_KEY + ", " + EC_CHAIN + ", " + RSA_KEY + ", " + RSA_CHAIN,
                        main.get("smtpd_tls_chain_files").orElseThrow(), entry + " " + version);
                for (String legacy : List.of("smtpd_tls_cert_file", "smtpd_tls_key_file", "smtpd_tls_eccert_file",
                        "smtpd_tls_eckey_file")) {
                    assertFalse(main.isSet(legacy), legacy + " would be ignored with a warning");
                }
                List<Finding> findings = Linter.lint(LintInput.of(set.content("main.cf"), set.content("master.cf"),
                        set.file("tls_policy").map(FileChange::after).orElse(null), version));
                assertTrue(findings.stream().noneMatch(f -> f.id().equals("cert-file-ignored")
                        || f.id().equals("tls-without-certificate") || f.id().equals("chain-files-unsupported")),
                        findings::toString);
                ChangeSet again = Planner.plan(PlanRequest.of(set.content("main.cf"), set.content("master.cf"),
                        dual(preset), version)
                        .withPolicyMap(set.file("tls_policy").map(FileChange::after).orElse(null)));
                assertTrue(again.changes().isEmpty(), () -> "not idempotent: " + again.changes());
            }
        }
    }

    @Test
    void before34TheRsaAndEcdsaFileParametersAreUsed() {
        String main = Corpus.read("debian12", "main.cf") + "smtpd_tls_chain_files = /etc/postfix/old.pem\n";
        ChangeSet set = Planner.plan(PlanRequest.of(main, Corpus.read("debian12", "master.cf"),
                dual(Preset.RECOMMENDED), new PostfixVersion(3, 3)));
        MainCf after = MainCf.parse(set.content("main.cf"));
        assertEquals(RSA_CHAIN, after.get("smtpd_tls_cert_file").orElseThrow());
        assertEquals(RSA_KEY, after.get("smtpd_tls_key_file").orElseThrow());
        assertEquals(EC_CHAIN, after.get("smtpd_tls_eccert_file").orElseThrow());
        assertEquals(EC_KEY, after.get("smtpd_tls_eckey_file").orElseThrow());
        assertFalse(after.isSet("smtpd_tls_chain_files"));
        assertTrue(Linter.lint(LintInput.of(set.content("main.cf"), set.content("master.cf"), null,
                new PostfixVersion(3, 3))).stream().noneMatch(f -> f.severity() == Severity.ERROR
                && f.id().startsWith("chain-files")));
    }

    @Test
    void aServiceOverrideOfTheChainFilesGetsBothCertificates() {
        String master = Corpus.read("debian12", "master.cf") + "submission inet n - y - - smtpd\n"
                + "  -o smtpd_tls_security_level=encrypt\n  -o smtpd_tls_chain_files=/etc/postfix/old.pem\n";
        ChangeSet set = Planner.plan(PlanRequest.of(Corpus.read("debian12", "main.cf"), master,
                dual(Preset.RECOMMENDED), new PostfixVersion(3, 7)));
        // a value with spaces is written in master(5)'s "-o { name = value }" form
        assertEquals(EC_KEY + ", " + EC_CHAIN + ", " + RSA_KEY + ", " + RSA_CHAIN, MasterCf.parse(set.content("master.cf"))
                .servicesOnPort(587).get(0).option("smtpd_tls_chain_files"));
    }

    @Test
    void profileCarriesTheEcdsaPairAndChecksIt() throws Exception {
        Profile profile = dual(Preset.RECOMMENDED);
        Profile read = ProfileJson.read(ProfileJson.write(profile));
        assertEquals(profile.certificate(), read.certificate());
        assertFalse(ProfileJson.write(Preset.RECOMMENDED.baseline()).contains("ecdsa"), "single-certificate profiles"
                + " are written as before");
        Profile half = ProfileEdits.withCertificate(profile, new Profile.Certificate(RSA_CHAIN, RSA_KEY, null,
                EC_CHAIN, null));
        assertTrue(ProfileValidator.validate(half).stream().anyMatch(e -> e.path().equals("certificate.ecdsaKeyFile")));
        Profile alone = ProfileEdits.withCertificate(profile, new Profile.Certificate(null, null, null, EC_CHAIN,
                EC_KEY));
        assertTrue(ProfileValidator.validate(alone).stream().anyMatch(e -> e.path().equals("certificate.ecdsaChainFile")));
        assertEquals(EC_CHAIN, ProfileEdits.withPreset(profile, Preset.MANDATORY).certificate().ecdsaChainFile(),
                "a preset keeps the server's certificates");
    }

    @Test
    void combinedKeyAndChainFilesAreListedOnceSoPostfixNeverSeesOneKeyTwice() {
        String rsa = "/etc/postfix/rsa.pem";
        String ecdsa = "/etc/postfix/ecdsa.pem";
        Profile profile = ProfileEdits.withCertificate(Preset.RECOMMENDED.baseline(),
                new Profile.Certificate(rsa, rsa, null, ecdsa, ecdsa));
        for (String entry : Corpus.ENTRIES) {
            MainCf main = MainCf.parse(plan(entry, profile, new PostfixVersion(3, 5)).content("main.cf"));
            assertEquals(ecdsa + ", " + rsa, main.get("smtpd_tls_chain_files").orElseThrow(), entry);
        }
        Profile single = ProfileEdits.withCertificate(Preset.RECOMMENDED.baseline(),
                new Profile.Certificate(rsa, rsa, null));
        String main = Corpus.read("debian12", "main.cf") + "smtpd_tls_chain_files = /etc/postfix/old.pem\n";
        ChangeSet set = Planner.plan(PlanRequest.of(main, Corpus.read("debian12", "master.cf"), single,
                new PostfixVersion(3, 10)));
        assertEquals(rsa, MainCf.parse(set.content("main.cf")).get("smtpd_tls_chain_files").orElseThrow());
    }

    @Test
    void before34CombinedFilesGoIntoTheCertParametersAndTheKeyParametersPointAtThemToo() {
        String rsa = "/etc/postfix/rsa.pem";
        String ecdsa = "/etc/postfix/ecdsa.pem";
        ChangeSet set = Planner.plan(PlanRequest.of(Corpus.read("debian12", "main.cf"),
                Corpus.read("debian12", "master.cf"), ProfileEdits.withCertificate(Preset.RECOMMENDED.baseline(),
                new Profile.Certificate(rsa, rsa, null, ecdsa, ecdsa)), new PostfixVersion(3, 3)));
        MainCf after = MainCf.parse(set.content("main.cf"));
        assertEquals(ecdsa, after.get("smtpd_tls_eccert_file").orElseThrow());
        assertEquals(ecdsa, after.get("smtpd_tls_eckey_file").orElseThrow());
        assertEquals(rsa, after.get("smtpd_tls_key_file").orElseThrow());
    }

    @Test
    void theSameFilesForBothAlgorithmsAreRefused() {
        Profile same = ProfileEdits.withCertificate(Preset.RECOMMENDED.baseline(), new Profile.Certificate(RSA_CHAIN,
                RSA_KEY, null, RSA_CHAIN, EC_KEY));
        assertTrue(ProfileValidator.validate(same).stream().anyMatch(e -> e.path().equals("certificate.ecdsaChainFile")
                && e.message().contains("other files")));
        assertTrue(ProfileValidator.validate(dual(Preset.RECOMMENDED)).isEmpty());
    }
}
