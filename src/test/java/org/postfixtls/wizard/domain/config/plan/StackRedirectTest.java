package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.testsupport.Corpus;

/**
 * Issue 13, defect 11: on mailcow, docker-mailserver and Mailu (the real files of corpus-real) the plan is written
 * into the stack's override file, edited in place, and main.cf (and master.cf where the stack rewrites it) is left
 * as it is. The real postconf judges the result after a simulated container start in RealCorpusMatrixIT and
 * StackStartIT.
 */
class StackRedirectTest {

    private static final PostfixVersion VERSION = PostfixVersion.parse("3.7.11").orElseThrow();

    /** An admin's extra.cf: postfix.sh's myhostname line, a relay of their own and a grade the plan changes. */
    private static final String EXTRA_CF = "myhostname = mx.example.org\n# relay through the provider\n"
            + "relayhost = [smtp.example.net]:587\nsmtpd_tls_ciphers = medium\n";

    @Test
    void mailcowGetsItsExtraCfEditedInPlaceAndMainCfStaysAsItIs() {
        ChangeSet plan = plan("mailcow", Preset.MANDATORY, List.of(new OverrideFile("extra.cf",
                "/opt/postfix/conf/extra.cf", EXTRA_CF)), baseline());
        assertFalse(plan.file("main.cf").orElseThrow().changed(), "main.cf is cut and rebuilt at every start");
        String extra = plan.content("extra.cf");
        assertTrue(extra.startsWith("myhostname = mx.example.org\n# relay through the provider\n"
                + "relayhost = [smtp.example.net]:587\nsmtpd_tls_ciphers = high\n"), "kept lines stay, the changed"
                + " one is edited where it was:\n" + extra);
        assertEquals(1, extra.lines().filter(l -> l.startsWith("smtpd_tls_ciphers")).count(), extra);
        assertTrue(extra.contains("\nsmtp_tls_security_level = encrypt\n"), extra);
        assertEquals(Map.of("extra.cf", "/opt/postfix/conf/extra.cf"), plan.stack().locations());
        // lint judges what Postfix runs after the start, not the untouched main.cf
        assertEquals("high", MainCf.parse(plan.running("main.cf")).value("smtpd_tls_ciphers"));
        assertEquals("medium", MainCf.parse(plan.content("main.cf")).value("smtpd_tls_ciphers"));
        // mailcow does not rewrite master.cf: the public listener's mandatory level stays an edit there
        assertTrue(plan.file("master.cf").orElseThrow().changed());
        assertReasonsFollowTheirLines(plan, "extra.cf");
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("docker compose restart postfix-mailcow")),
                plan.notes()::toString);
        assertNothingLeftToDo("mailcow", Preset.MANDATORY, plan, "extra.cf");
    }

    @Test
    void mailcowWithoutACopyOfExtraCfTakesItFromMainCfsUserOverrides() {
        ChangeSet plan = plan("mailcow", Preset.RECOMMENDED, List.of(), baseline());
        assertTrue(plan.content("extra.cf").startsWith("myhostname = mx.example.org\n"), plan.content("extra.cf"));
        assertEquals("myhostname = mx.example.org\n", plan.file("extra.cf").orElseThrow().before());
        assertTrue(plan.notes().stream().anyMatch(n -> n.contains("No copy of extra.cf was given")));
    }

    @Test
    void dockerMailserverGetsPostfixMainAndMasterCfAndKeepsTheAdminsLines() {
        String mainOverride = "# ours\nmessage_size_limit = 52428800\n";
        String masterOverride = "# ours\nsubmission/inet/syslog_name=postfix/submission-ours\n";
        ChangeSet plan = plan("docker-mailserver", Preset.MANDATORY, List.of(
                new OverrideFile("postfix-main.cf", null, mainOverride),
                new OverrideFile("postfix-master.cf", null, masterOverride)), baseline());
        assertFalse(plan.file("main.cf").orElseThrow().changed());
        assertFalse(plan.file("master.cf").orElseThrow().changed(), "the image's master.cf is used at every start");
        assertTrue(plan.content("postfix-main.cf").startsWith(mainOverride + "# TLS settings added by Postfix TLS"
                + " Wizard\n"), plan.content("postfix-main.cf"));
        String master = plan.content("postfix-master.cf");
        assertTrue(master.startsWith(masterOverride), "the site's syslog_name stays (fail2ban matches it):\n" + master);
        assertTrue(master.contains("\nsmtp/inet/smtpd_tls_security_level=encrypt\n"), master);
        assertTrue(master.lines().allMatch(l -> l.startsWith("#") || l.matches("[0-9a-z][^/=]*/[a-z]+/[a-z_]+=.+")),
                "service/type/parameter=value lines only (postconf -P):\n" + master);
        assertReasonsFollowTheirLines(plan, "postfix-main.cf");
        assertTrue(plan.changes().stream().anyMatch(c -> c.file().equals("postfix-master.cf")
                && c.subject().startsWith("service smtp/inet")), plan.changes()::toString);
        assertEquals("/tmp/docker-mailserver/postfix-master.cf", plan.location("postfix-master.cf").orElseThrow());
        assertNothingLeftToDo("docker-mailserver", Preset.MANDATORY, plan, "postfix-main.cf", "postfix-master.cf");
    }

    @Test
    void mailuGetsOneSettingPerLineWithDollarSignsSafeFromStartPysShell() {
        String existing = "message_size_limit = 80000000\n";
        ChangeSet plan = plan("mailu", Preset.RECOMMENDED, List.of(new OverrideFile("postfix.cf", "/overrides/postfix.cf",
                existing)), withCertificate());
        assertFalse(plan.refused(), plan.refusals()::toString);
        String cf = plan.content("postfix.cf");
        assertTrue(cf.startsWith(existing), cf);
        assertTrue(cf.contains("\nsmtpd_tls_cert_file = /certs/fullchain.pem\n"), cf);
        // start.py runs sh -c 'postconf -e "LINE"': an unescaped $name would reach Postfix empty
        assertTrue(cf.lines().filter(l -> l.contains("$")).allMatch(l -> l.matches("([^$]|\\\\\\$)*")), cf);
        String masterLines = plan.content("postfix.master");
        assertTrue(masterLines.lines().filter(l -> !l.startsWith("#")).allMatch(l -> l.matches("[^ /=]+/inet = .+")),
                "one complete service per line (postconf -Me):\n" + masterLines);
        assertTrue(masterLines.contains("submission/inet = submission inet n"), masterLines);
        assertFalse(plan.file("master.cf").orElseThrow().changed());
        assertReasonsFollowTheirLines(plan, "postfix.cf");
    }

    @Test
    void whereTheOverrideFileLivesIsPartOfTheApprovedPlan() {
        ChangeSet standard = plan("mailcow", Preset.RECOMMENDED, List.of(), baseline());
        PlanRequest elsewhere = PlanRequest.of(Corpus.readReal("mailcow", "main.cf"),
                Corpus.readReal("mailcow", "master.cf"), baseline(Preset.RECOMMENDED), VERSION)
                .withConfigDirectory("/opt/postfix/conf").withStackDirectory("/srv/mailcow/data/conf/postfix");
        ChangeSet moved = Planner.plan(elsewhere);
        assertEquals(standard.files(), moved.files());
        assertEquals("/srv/mailcow/data/conf/postfix/extra.cf", moved.location("extra.cf").orElseThrow());
        assertNotEquals(PlanHash.of(standard), PlanHash.of(moved));
        assertTrue(PlanHash.canonicalForm(moved).contains("extra.cf before "), PlanHash.canonicalForm(moved));
        assertTrue(PlanHash.canonicalForm(moved).contains(" at /srv/mailcow/data/conf/postfix/extra.cf\n"));
    }

    @Test
    void aPlainServerHasNoStackFilesAndTheSameHashAsBefore() {
        ChangeSet plan = plan("debian-stock", Preset.RECOMMENDED, List.of(new OverrideFile("extra.cf", null,
                "x = y\n")), baseline());
        assertEquals(null, plan.stack());
        assertTrue(plan.files().stream().map(FileChange::name).allMatch(n -> List.of("main.cf", "master.cf",
                "tls_policy").contains(n)), "no override file is added: " + plan.files());
        assertFalse(PlanHash.canonicalForm(plan).contains(" at "));
    }

    /** Every change is listed against the file that carries it, with its reason, and that file has the line. */
    private static void assertReasonsFollowTheirLines(ChangeSet plan, String override) {
        assertTrue(plan.changes().stream().noneMatch(c -> c.file().equals("main.cf")), plan.changes()::toString);
        List<Change> moved = plan.changes().stream().filter(c -> c.file().equals(override)).toList();
        assertFalse(moved.isEmpty(), plan.changes()::toString);
        MainCf file = MainCf.parse(plan.content(override));
        for (Change c : moved) {
            assertFalse(c.reason().isBlank(), c::toString);
            assertEquals(c.after() != null, file.get(c.subject()).isPresent(), c::toString);
        }
    }

    /** Planning again on what the stack will run (live files + the written override files) changes nothing. */
    private static void assertNothingLeftToDo(String entry, Preset preset, ChangeSet first, String... overrides) {
        List<OverrideFile> written = java.util.Arrays.stream(overrides)
                .map(n -> new OverrideFile(n, null, first.content(n))).toList();
        PlanRequest again = PlanRequest.of(Corpus.readReal(entry, "main.cf"), first.content("master.cf"),
                baseline(preset), VERSION).withPolicyMap(first.file("tls_policy").map(FileChange::after).orElse(null))
                .withConfigDirectory(configDirectory(entry)).withStackFiles(written);
        ChangeSet second = Planner.plan(again);
        assertTrue(second.files().stream().noneMatch(FileChange::changed), () -> second.files().stream()
                .filter(FileChange::changed).map(FileChange::name).toList().toString());
        assertEquals(List.of(), second.changes());
    }

    private static ChangeSet plan(String entry, Preset preset, List<OverrideFile> files, Profile profile) {
        Profile p = profile.preset() == preset ? profile : baseline(preset);
        return Planner.plan(PlanRequest.of(Corpus.readReal(entry, "main.cf"), Corpus.readReal(entry, "master.cf"),
                p, VERSION).withPolicyMap(Corpus.readReal(entry, "tls_policy"))
                .withConfigDirectory(configDirectory(entry)).withStackFiles(files));
    }

    /** mailcow's Postfix runs with config_directory /opt/postfix/conf (its extra.cf lives there). */
    private static String configDirectory(String entry) {
        return entry.equals("mailcow") ? "/opt/postfix/conf" : "/etc/postfix";
    }

    private static Profile baseline() {
        return baseline(Preset.MANDATORY);
    }

    private static Profile baseline(Preset preset) {
        return preset.baseline();
    }

    private static Profile withCertificate() {
        Profile b = Preset.RECOMMENDED.baseline();
        return new Profile(1, Preset.RECOMMENDED, new Profile.Certificate("/certs/fullchain.pem", "/certs/privkey.pem",
                b.certificate().caFile()), b.outbound(), b.inbound(), b.submission(), b.hardening(), b.sessionCache(),
                b.logging(), List.of(), null);
    }
}
