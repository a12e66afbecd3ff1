package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.lint.LintInput;
import org.postfixtls.wizard.domain.config.lint.Linter;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.testsupport.Corpus;

/**
 * A profile that chose one certificate on a server that also has an ECDSA (or DSA) certificate configured. Postfix
 * gives the ECDSA certificate to every client that supports it (TLS_README "Server certificate and private key";
 * postconf(5) smtpd_tls_eccert_file), so leaving it would keep most clients on the old certificate: the plan
 * removes those settings and says what was served before. A profile with the pair still writes the pair.
 */
class StaleCertificatesPlannerTest {

    static final String CHOSEN = "/etc/letsencrypt/live/mail.example.com/fullchain.pem";
    static final String CHOSEN_KEY = "/etc/letsencrypt/live/mail.example.com/privkey.pem";
    static final String OLD_EC = "/etc/ssl/ecdsa/mail-2023.crt";
    static final String OLD_EC_KEY = "/etc/ssl/ecdsa/mail-2023.key";
    static final String MAIN_WITH_EC = Corpus.read("debian12", "main.cf")
            + "smtpd_tls_eccert_file = " + OLD_EC + "\nsmtpd_tls_eckey_file = " + OLD_EC_KEY + "\n";
    static final String MASTER = Corpus.read("debian12", "master.cf");

    static Profile single() {
        return ProfileEdits.withCertificate(Preset.RECOMMENDED.baseline(), new Profile.Certificate(CHOSEN, CHOSEN_KEY,
                Preset.RECOMMENDED.baseline().certificate().caFile()));
    }

    static ChangeSet plan(String main, String master, Profile profile, PostfixVersion version) {
        return Planner.plan(PlanRequest.of(main, master, profile, version));
    }

    static void assertIdempotent(ChangeSet set, Profile profile, PostfixVersion version) {
        ChangeSet again = plan(set.content("main.cf"), set.content("master.cf"), profile, version);
        assertTrue(again.changes().isEmpty(), () -> "not idempotent: " + again.changes());
    }

    static Change change(ChangeSet set, String subject) {
        return set.changes().stream().filter(c -> c.subject().equals(subject)).findFirst()
                .orElseThrow(() -> new AssertionError("no change of " + subject + " in " + set.changes()));
    }

    @Test
    void theOldEcdsaCertificateOfMainCfGoesSoTheChosenOneIsWhatClientsSee() {
        for (PostfixVersion version : List.of(new PostfixVersion(3, 3), new PostfixVersion(3, 7), PostfixVersion.V3_11)) {
            ChangeSet set = plan(MAIN_WITH_EC, MASTER, single(), version);
            MainCf after = MainCf.parse(set.content("main.cf"));
            assertEquals(CHOSEN, after.get("smtpd_tls_cert_file").orElseThrow(), version.toString());
            assertFalse(after.isSet("smtpd_tls_eccert_file"), version.toString());
            assertFalse(after.isSet("smtpd_tls_eckey_file"), version.toString());
            Change cert = change(set, "smtpd_tls_eccert_file");
            assertEquals(OLD_EC, cert.before());
            assertNull(cert.after());
            assertTrue(cert.reason().contains("ECDSA certificate " + OLD_EC) && cert.reason().contains(CHOSEN)
                    && cert.reason().contains("most clients"), cert.reason());
            assertTrue(cert.risk().contains(OLD_EC + " before") && cert.risk().contains("second certificate"),
                    cert.risk());
            assertTrue(cert.source().contains("TLS_README"), cert.source());
            assertEquals(OLD_EC_KEY, change(set, "smtpd_tls_eckey_file").before());
            assertIdempotent(set, single(), version);
        }
    }

    @Test
    void aPairProfileStillWritesThePairOverTheOldEcdsaCertificate() {
        Profile dual = DualCertificatePlannerTest.dual(Preset.RECOMMENDED);
        MainCf before34 = MainCf.parse(plan(MAIN_WITH_EC, MASTER, dual, new PostfixVersion(3, 3)).content("main.cf"));
        assertEquals(DualCertificatePlannerTest.EC_CHAIN, before34.get("smtpd_tls_eccert_file").orElseThrow());
        assertEquals(DualCertificatePlannerTest.EC_KEY, before34.get("smtpd_tls_eckey_file").orElseThrow());
        assertEquals(DualCertificatePlannerTest.RSA_CHAIN, before34.get("smtpd_tls_cert_file").orElseThrow());
        ChangeSet set = plan(MAIN_WITH_EC + "smtpd_tls_dcert_file = /etc/ssl/dsa.pem\n", MASTER, dual,
                new PostfixVersion(3, 7));
        MainCf after = MainCf.parse(set.content("main.cf"));
        assertEquals(dual.certificate().chainFilesValue(), after.get("smtpd_tls_chain_files").orElseThrow());
        assertFalse(after.isSet("smtpd_tls_dcert_file"), "ignored beside smtpd_tls_chain_files");
        assertIdempotent(set, dual, new PostfixVersion(3, 7));
    }

    @Test
    void anEccertLineBesideChainFilesIsIgnoredByPostfixAndGoesWithoutARisk() {
        String main = Corpus.read("debian12", "main.cf") + "smtpd_tls_chain_files = " + OLD_EC_KEY + ", " + OLD_EC
                + ", /etc/ssl/rsa-old.key, /etc/ssl/rsa-old.crt\nsmtpd_tls_eccert_file = " + OLD_EC + "\n";
        assertTrue(Linter.lint(LintInput.of(main, MASTER, null, new PostfixVersion(3, 7))).stream()
                .anyMatch(f -> f.id().equals("eccert-file-ignored") && f.message().contains(OLD_EC)));
        ChangeSet set = plan(main, MASTER, single(), new PostfixVersion(3, 7));
        MainCf after = MainCf.parse(set.content("main.cf"));
        assertEquals(CHOSEN_KEY + ", " + CHOSEN, after.get("smtpd_tls_chain_files").orElseThrow(),
                "only the chosen key and chain: the old ECDSA pair of the chain files goes too");
        assertFalse(after.isSet("smtpd_tls_eccert_file"));
        Change chainFiles = change(set, "smtpd_tls_chain_files");
        assertTrue(chainFiles.risk().contains(OLD_EC_KEY + ", " + OLD_EC + ", /etc/ssl/rsa-old.key")
                && chainFiles.risk().contains("ECDSA"), chainFiles.risk());
        Change dead = change(set, "smtpd_tls_eccert_file");
        assertTrue(dead.reason().contains("ignores"), dead.reason());
        assertNull(dead.risk());
        assertTrue(Linter.lint(LintInput.of(set.content("main.cf"), set.content("master.cf"), null,
                new PostfixVersion(3, 7))).stream().noneMatch(f -> f.id().equals("eccert-file-ignored")));
        assertIdempotent(set, single(), new PostfixVersion(3, 7));
    }

    @Test
    void chainFilesForOneOtherCertificateAreReplacedWithoutTheTwoCertificatesNote() {
        String main = Corpus.read("debian12", "main.cf") + "smtpd_tls_chain_files = /etc/ssl/old.key, /etc/ssl/old.crt\n";
        Change change = change(plan(main, MASTER, single(), new PostfixVersion(3, 7)), "smtpd_tls_chain_files");
        assertEquals(CHOSEN_KEY + ", " + CHOSEN, change.after());
        assertNull(change.risk(), "one certificate replaced by one: nothing else was served");
    }

    @Test
    void dsaSettingsAndAVariableOnlyTheyUsedGoToo() {
        String main = Corpus.read("debian12", "main.cf") + "ec_dir = /etc/ssl/ecdsa\n"
                + "smtpd_tls_eccert_file = ${ec_dir}/mail.crt\nsmtpd_tls_eckey_file = ${ec_dir}/mail.key\n"
                + "smtpd_tls_dcert_file = /etc/ssl/dsa/mail.crt\nsmtpd_tls_dkey_file = $smtpd_tls_dcert_file\n";
        ChangeSet set = plan(main, MASTER, single(), new PostfixVersion(3, 7));
        MainCf after = MainCf.parse(set.content("main.cf"));
        for (String name : List.of("smtpd_tls_eccert_file", "smtpd_tls_eckey_file", "smtpd_tls_dcert_file",
                "smtpd_tls_dkey_file", "ec_dir")) {
            assertFalse(after.isSet(name), name);
        }
        Change dsa = change(set, "smtpd_tls_dcert_file");
        assertTrue(dsa.reason().contains("DSA certificate /etc/ssl/dsa/mail.crt"), dsa.reason());
        assertIdempotent(set, single(), new PostfixVersion(3, 7));
    }

    @Test
    void overridesOfTheServicesTheProfileGovernsGoInternalListenersKeepTheirs() {
        String master = MASTER + "submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n"
                + "  -o smtpd_tls_eccert_file=" + OLD_EC + "\n  -o smtpd_tls_eckey_file=" + OLD_EC_KEY + "\n"
                + "127.0.0.1:10025 inet n - n - - smtpd\n  -o content_filter=\n  -o smtpd_tls_eccert_file=" + OLD_EC
                + "\n";
        String main = Corpus.read("debian12", "main.cf");
        for (PostfixVersion version : List.of(new PostfixVersion(3, 3), new PostfixVersion(3, 7))) {
            ChangeSet set = plan(main, master, single(), version);
            MasterCf after = MasterCf.parse(set.content("master.cf"));
            MasterService submission = after.servicesOnPort(587).get(0);
            assertNull(submission.option("smtpd_tls_eccert_file"), version.toString());
            assertNull(submission.option("smtpd_tls_eckey_file"), version.toString());
            assertEquals(OLD_EC, after.services().stream().filter(s -> s.name().equals("127.0.0.1:10025"))
                    .findFirst().orElseThrow().option("smtpd_tls_eccert_file"), "re-injection is not for clients");
            Change removed = change(set, "service submission/inet -o smtpd_tls_eccert_file");
            assertEquals(OLD_EC, removed.before());
            assertTrue(removed.reason().contains("ECDSA certificate " + OLD_EC), removed.reason());
            assertTrue(removed.source().contains("master(5) -o"), removed.source());
            assertIdempotent(set, single(), version);
        }
    }

    @Test
    void aServiceChainFilesOverrideWithAnOldEcdsaPairGetsTheChosenOneAndSaysWhatItServedBefore() {
        String master = MASTER + "submissions inet n - y - - smtpd\n  -o smtpd_tls_wrappermode=yes\n"
                + "  -o { smtpd_tls_chain_files = " + OLD_EC_KEY + ", " + OLD_EC + ", /etc/ssl/rsa.key, /etc/ssl/rsa.crt }\n";
        ChangeSet set = plan(Corpus.read("debian12", "main.cf"), master, single(), new PostfixVersion(3, 7));
        assertEquals(CHOSEN_KEY + ", " + CHOSEN, MasterCf.parse(set.content("master.cf")).servicesOnPort(465).get(0)
                .option("smtpd_tls_chain_files"));
        Change change = change(set, "service submissions/inet -o smtpd_tls_chain_files");
        assertTrue(change.risk().contains(OLD_EC) && change.risk().contains("ECDSA"), change.risk());
        assertIdempotent(set, single(), new PostfixVersion(3, 7));
    }

    @Test
    void aPairProfileBefore34WritesItsOwnEcdsaPairOverAServiceOverride() {
        String master = MASTER + "submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n"
                + "  -o smtpd_tls_eccert_file=" + OLD_EC + "\n  -o smtpd_tls_eckey_file=" + OLD_EC_KEY + "\n";
        Profile dual = DualCertificatePlannerTest.dual(Preset.RECOMMENDED);
        ChangeSet set = plan(Corpus.read("debian12", "main.cf"), master, dual, new PostfixVersion(3, 3));
        MasterService submission = MasterCf.parse(set.content("master.cf")).servicesOnPort(587).get(0);
        assertEquals(DualCertificatePlannerTest.EC_CHAIN, submission.option("smtpd_tls_eccert_file"));
        assertEquals(DualCertificatePlannerTest.EC_KEY, submission.option("smtpd_tls_eckey_file"));
        assertIdempotent(set, dual, new PostfixVersion(3, 3));
    }

    @Test
    void aProfileWithoutACertificateLeavesTheServersEcdsaCertificateAlone() {
        ChangeSet set = plan(MAIN_WITH_EC, MASTER, Preset.RECOMMENDED.baseline(), new PostfixVersion(3, 7));
        assertEquals(OLD_EC, MainCf.parse(set.content("main.cf")).get("smtpd_tls_eccert_file").orElseThrow());
    }
}
