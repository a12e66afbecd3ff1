package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.verify.OutboundProbe;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;

class PolicyChoicesTest {

    private static final Profile RECOMMENDED = Preset.RECOMMENDED.baseline();

    private static ServerFiles withPolicyMap(String policyMap) {
        return new ServerFiles("test", "", "", policyMap, new PostfixVersion(3, 7), "hash", "/etc/postfix", List.of());
    }

    @Test
    void aRowsCellsBecomeAPolicyEntry() {
        assertEquals(new Profile.Policy("bank.example", TlsLevel.SECURE, List.of("hostname", "nexthop", "dot-nexthop"),
                ">=TLSv1.2", "high", null),
                PolicyChoices.policyOf(" bank.example ", TlsLevel.SECURE, "hostname:nexthop, dot-nexthop", " >=TLSv1.2 ",
                        "high", " "));
    }

    @Test
    void blankCellsAreAbsentAttributes() {
        assertEquals(new Profile.Policy("legacy.example", TlsLevel.ENCRYPT, List.of(), null, null, null),
                PolicyChoices.policyOf("legacy.example", TlsLevel.ENCRYPT, "", "", "", ""));
    }

    @Test
    void aPolicyShowsAsCellsAndReadsBackUnchanged() {
        Profile.Policy policy = new Profile.Policy("[mx.bank.example]:25", TlsLevel.SECURE,
                List.of("hostname", "nexthop"), null, "high", "RC4:3DES");
        assertEquals("hostname:nexthop", PolicyChoices.matchText(policy), "colon-separated, as tls_policy writes it");
        assertEquals("", PolicyChoices.cellText(policy.protocols()));
        assertEquals(policy, PolicyChoices.policyOf(policy.destination(), policy.level(),
                PolicyChoices.matchText(policy), PolicyChoices.cellText(policy.protocols()),
                PolicyChoices.cellText(policy.ciphers()), PolicyChoices.cellText(policy.exclude())));
    }

    @Test
    void fingerprintsKeepTheirColonsAndReadBackUnchanged() {
        String first = "3D:95:34:51:24:66:33:B9:D2:40:99:C0:C1:17:0B:D1:CB:BA:01:C6:3F:A2:BA:F4:1F:6B:35:C5:84:4E:F1:B6";
        String second = "A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90:A1:B2:C3:D4:E5:F6:07:18:29:3A:4B:5C:6D:7E:8F:90";
        Profile.Policy policy = PolicyChoices.policyOf("[mx.partner.example]", TlsLevel.FINGERPRINT,
                first + " | " + second, "", "", "");
        assertEquals(List.of(first, second), policy.match(), "two fingerprints, not 64 hex pairs");
        assertEquals(first + "|" + second, PolicyChoices.matchText(policy), "'|'-separated, as tls_policy writes it");
        assertEquals(policy, PolicyChoices.policyOf(policy.destination(), policy.level(), PolicyChoices.matchText(policy),
                "", "", ""));
        assertEquals(List.of(first, second), PolicyChoices.policyOf("[mx.partner.example]", TlsLevel.FINGERPRINT,
                first + ", " + second, "", "", "").match(), "commas work too");
    }

    @Test
    void aNewRowAsksForVerifiedTls() {
        assertEquals(TlsLevel.VERIFY, PolicyChoices.NEW_ROW_LEVEL);
    }

    @Test
    void theTableReplacesTheListAsAWhole() {
        List<Profile.Policy> rows = List.of(new Profile.Policy("a.example", TlsLevel.VERIFY, List.of(), null, null, null));
        Profile edited = PolicyChoices.edit(RECOMMENDED, rows);
        assertEquals(rows, edited.policies());
        assertEquals(RECOMMENDED.outbound(), edited.outbound());
        assertSame(edited, PolicyChoices.edit(edited, List.copyOf(rows)));
        assertEquals(List.of(), PolicyChoices.edit(edited, List.of()).policies());
    }

    @Test
    void theInlineProblemNamesTheRowAndTheField() {
        assertEquals(Optional.empty(), PolicyChoices.firstProblem(RECOMMENDED));
        Profile star = PolicyChoices.edit(RECOMMENDED, List.of(
                PolicyChoices.policyOf("ok.example", TlsLevel.VERIFY, "", "", "", ""),
                PolicyChoices.policyOf("*", TlsLevel.ENCRYPT, "", "", "", "")));
        assertEquals(Optional.of("Domain policies, row 2, Destination: '*' is never looked up in a TLS policy table (only transport"
                + " tables have that wildcard); set the global default with \u201cOutbound TLS, level\u201d instead"),
                PolicyChoices.firstProblem(star));
    }

    @Test
    void problemsOfOtherStepsAreNotShownUnderTheTable() {
        Profile badPort = SubmissionChoices.edit(RECOMMENDED, true, "", true, "465");
        assertEquals(Optional.empty(), PolicyChoices.firstProblem(badPort));
    }

    @Test
    void theServersTableIsListedAndItsStarLineExplained() {
        String text = PolicyChoices.existingEntries(DemoServer.load());
        assertTrue(text.startsWith("Already in the server's tls_policy (kept unless you add the same destination "
                + "below):"), text);
        assertTrue(text.contains("\n    partner-bank.example  verify match=hostname"), text);
        assertTrue(text.contains("\n    legacy-partner.example  encrypt\n"), text);
        assertTrue(text.endsWith("\n    *  encrypt protocols=!SSLv2:!SSLv3:!TLSv1:!TLSv1.1   ← never looked up by Postfix;"
                + " will be removed"), text);
        assertEquals(1, text.split("never looked up", -1).length - 1, "only the * line is marked");
    }

    @Test
    void noTableNoLine() {
        assertEquals("", PolicyChoices.existingEntries(null));
        assertEquals("", PolicyChoices.existingEntries(withPolicyMap(null)));
        assertEquals("", PolicyChoices.existingEntries(withPolicyMap("# only a comment\n")));
    }

    @Test
    void testingNeedsARowAnSshServerAndNoTestRunning() {
        assertTrue(PolicyChoices.canTest(true, ConnectionMode.SSH_SERVER, false));
        assertFalse(PolicyChoices.canTest(false, ConnectionMode.SSH_SERVER, false), "no row selected");
        assertFalse(PolicyChoices.canTest(true, ConnectionMode.SSH_SERVER, true), "a test is running");
        assertFalse(PolicyChoices.canTest(true, ConnectionMode.DEMO, false), "posttls-finger runs on the server");
        assertFalse(PolicyChoices.canTest(true, ConnectionMode.LOCAL_FILES, false));
        assertFalse(PolicyChoices.canTest(true, null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "*", "not a domain", "[mx.example.com]:99999"})
    void aRowWithoutAValidDestinationIsNotTested(String destination) {
        assertEquals(Optional.of("Destination: enter a domain or [host]:port to test."),
                PolicyChoices.untestable(PolicyChoices.policyOf(destination, TlsLevel.VERIFY, "", "", "", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bank.example", ".bank.example", "[mx.bank.example]", "[mx.bank.example]:587"})
    void aValidDestinationIsTested(String destination) {
        assertEquals(Optional.empty(),
                PolicyChoices.untestable(PolicyChoices.policyOf(destination, TlsLevel.VERIFY, "", "", "", "")));
    }

    @Test
    void aVerifiedConnectionMeetsVerify() {
        OutboundProbe probe = OutboundProbe.parse("bank.example", "verify",
                "posttls-finger: Verified TLS connection established to mx.bank.example[192.0.2.1]:25: TLSv1.3 with "
                        + "cipher TLS_AES_256_GCM_SHA384 (256/256 bits)");
        PolicyChoices.TestVerdict verdict = PolicyChoices.verdict(probe);
        assertTrue(verdict.ok());
        assertTrue(verdict.text().startsWith("bank.example: "), verdict.text());
        assertTrue(verdict.text().endsWith(", TLSv1.3, TLS_AES_256_GCM_SHA384 — meets 'verify'; safe to enforce."),
                verdict.text());
    }

    @Test
    void anUntrustedConnectionDoesNotMeetVerifyAndSaysWhatEnforcingWouldDo() {
        OutboundProbe probe = OutboundProbe.parse("bank.example", "verify",
                "posttls-finger: Untrusted TLS connection established to mx.bank.example[192.0.2.1]:25: TLSv1.2 with "
                        + "cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)");
        PolicyChoices.TestVerdict verdict = PolicyChoices.verdict(probe);
        assertFalse(verdict.ok());
        assertTrue(verdict.text().endsWith(" — does NOT meet 'verify': enforcing it now would keep mail to "
                + "bank.example in the queue."), verdict.text());
    }

    @Test
    void noConnectionIsSaid() {
        OutboundProbe probe = OutboundProbe.parse("gone.example", "encrypt",
                "posttls-finger: Failed to establish session to gone.example via gone.example: Host not found");
        PolicyChoices.TestVerdict verdict = PolicyChoices.verdict(probe);
        assertFalse(verdict.ok());
        assertEquals("gone.example: no connection — does NOT meet 'encrypt': enforcing it now would keep mail to "
                + "gone.example in the queue.", verdict.text());
    }

    @Test
    void aDisabledTestButtonSaysWhy() {
        assertTrue(PolicyChoices.whyNoTest(true, ConnectionMode.DEMO, false).orElseThrow().contains("connected over SSH"));
        assertTrue(PolicyChoices.whyNoTest(true, ConnectionMode.LOCAL_FILES, false).orElseThrow()
                .contains("local files"));
        assertTrue(PolicyChoices.whyNoTest(false, ConnectionMode.SSH_SERVER, false).orElseThrow()
                .startsWith("Select a destination"));
        assertTrue(PolicyChoices.whyNoTest(true, ConnectionMode.SSH_SERVER, true).orElseThrow().contains("running"));
        assertTrue(PolicyChoices.whyNoTest(true, ConnectionMode.SSH_SERVER, false).isEmpty());
    }
}
