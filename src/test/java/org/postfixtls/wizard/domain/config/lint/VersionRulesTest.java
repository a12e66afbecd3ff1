package org.postfixtls.wizard.domain.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.postfixtls.wizard.domain.config.plan.ObsoleteParameters;
import org.postfixtls.wizard.domain.config.plan.OpensslVersion;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.domain.config.plan.VersionGates;

/**
 * The rules for what Postfix 3.8 to 3.11 changed, each firing on the releases it names and silent on the others.
 * Quotes are from Postfix's RELEASE_NOTES-3.8 ... 3.11 and postconf(5) (proto/postconf.proto).
 */
class VersionRulesTest {

    /** Clean on every release: no rule of LinterTest's baseline or of this class fires. */
    private static final String MAIN = "myhostname = mail.example.com\nmydomain = example.com\n"
            + "smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/le/fullchain.pem\n"
            + "smtpd_tls_key_file = /etc/le/privkey.pem\nsmtpd_tls_auth_only = yes\nsmtp_tls_security_level = may\n";
    private static final String MASTER = "smtp inet n - y - - smtpd\n"
            + "submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n"
            + "  -o smtpd_tls_mandatory_protocols=>=TLSv1.2\n";
    private static final String MASTER_35 = MASTER.replace(">=TLSv1.2", "!SSLv2,!SSLv3,!TLSv1,!TLSv1.1");

    static List<Finding> lint(String main, String master, String policy, String version, TlsRuntime runtime) {
        PostfixVersion v = PostfixVersion.parse(version).orElseThrow();
        return Linter.lint(LintInput.of(main, master, policy, v).withRuntime(runtime));
    }

    static List<Finding> lint(String extraMain, String version) {
        String master = PostfixVersion.parse(version).orElseThrow().atLeast(PostfixVersion.MODERN_TLS) ? MASTER : MASTER_35;
        return lint(MAIN + extraMain.replace("\\n", "\n") + "\n", master, null, version, TlsRuntime.UNKNOWN);
    }

    static Optional<Finding> find(List<Finding> findings, String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    @ParameterizedTest
    @CsvSource({"3.5", "3.7", "3.8", "3.9", "3.10", "3.11"})
    void baselineIsCleanOnEveryRelease(String version) {
        assertEquals(List.of(), lint("", version));
    }

    static Stream<Arguments> obsoleteNames() {
        return ObsoleteParameters.ALL.stream().map(o -> Arguments.of(o.name()));
    }

    /** RELEASE_NOTES-3.9: "The postconf command logs a warning when the following parameters are specified ...". */
    @ParameterizedTest
    @MethodSource("obsoleteNames")
    void everyParameterPostconf39WarnsAboutIsLintedInMainCfAndMasterCf(String name) {
        Finding f = find(lint(name + " = yes", "3.9"), "obsolete-parameter").orElseThrow(() -> new AssertionError(name));
        assertEquals(Severity.WARNING, f.severity());
        assertTrue(f.message().contains("postconf of Postfix 3.9 warns"), f.message());
        String master = MASTER + "2525 inet n - y - - smtpd\n  -o " + name + "=yes\n";
        assertTrue(find(lint(MAIN, master, null, "3.11", TlsRuntime.UNKNOWN), "obsolete-parameter").orElseThrow()
                .message().contains("service 2525/inet"), name);
    }

    @Test
    void leaveAtDefaultParametersAreObsoleteOnlyWhereTheyAre() {
        // smtpd_tls_dh1024_param_file still sets the DHE group of TLS 1.2 before 3.9
        assertTrue(find(lint("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem", "3.8"), "obsolete-parameter")
                .isEmpty());
        assertTrue(find(lint("smtpd_tls_dh1024_param_file = /etc/postfix/dh2048.pem", "3.9"), "obsolete-parameter")
                .isPresent());
        // 3.6 to 3.8 ignore smtpd_tls_eecdh_grade silently (info); 3.9's postconf warns (obsolete-parameter)
        List<Finding> on38 = lint("smtpd_tls_eecdh_grade = strong", "3.8");
        assertTrue(find(on38, "eecdh-grade-ignored").isPresent() && find(on38, "obsolete-parameter").isEmpty());
        List<Finding> on39 = lint("smtpd_tls_eecdh_grade = strong", "3.9");
        assertTrue(find(on39, "eecdh-grade-ignored").isEmpty() && find(on39, "obsolete-parameter").isPresent());
        // replaced in 2.3: obsolete on every release, without the 3.9 postconf sentence before 3.9
        assertFalse(find(lint("smtp_use_tls = yes", "3.7"), "obsolete-parameter").orElseThrow().message()
                .contains("warns"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // the popular Ansible role's list; the fix keeps TLS 1.3 ("(or >=TLSv1.1 to keep accepting TLSv1.1)")
        "smtpd_tls_protocols = !SSLv2, !SSLv3, !TLSv1, TLSv1.1, TLSv1.2|3.7|smtpd_tls_protocols = >=TLSv1.2",
        "smtpd_tls_mandatory_protocols = TLSv1.2|3.7|smtpd_tls_mandatory_protocols = >=TLSv1.2",
        "smtp_tls_protocols = TLSv1.2|3.11|smtp_tls_protocols = >=TLSv1.2",
        "smtp_tls_protocols = <=TLSv1.2|3.7|smtp_tls_protocols = >=TLSv1.2",
        // before 3.6 the >= form does not exist: the exclusion list
        "smtpd_tls_protocols = TLSv1.2|3.5|smtpd_tls_protocols = !SSLv2, !SSLv3, !TLSv1, !TLSv1.1",
    })
    void protocolListThatNamesProtocolsIsAnErrorWithTheFloorAsFix(String line, String version, String fix) {
        Finding f = find(lint(line, version), "protocol-list-excludes-tls13").orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.fix().startsWith("Write " + fix), f.fix());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"smtpd_tls_protocols = >=TLSv1.2|3.7",
        "smtpd_tls_protocols = !SSLv2, !SSLv3, !TLSv1, !TLSv1.1|3.5", "smtpd_tls_protocols = TLSv1.2 TLSv1.3|3.7",
        "smtpd_tls_protocols = !SSLv2, !SSLv3, !TLSv1.3|3.7"})
    void floorsAndExplicitExclusionsOfTls13AreNoTrap(String line, String version) {
        assertTrue(find(lint(line, version), "protocol-list-excludes-tls13").isEmpty(), line);
    }

    @Test
    void protocolTrapIsFoundInServiceOptionsAndPolicyEntries() {
        String master = MASTER + "2587 inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n"
                + "  -o smtpd_tls_mandatory_protocols=TLSv1.2\n";
        assertTrue(find(lint(MAIN, master, null, "3.7", TlsRuntime.UNKNOWN), "protocol-list-excludes-tls13")
                .orElseThrow().message().contains("service 2587/inet"));
        List<Finding> policy = lint(MAIN + "smtp_tls_policy_maps = hash:/etc/postfix/tls_policy\n", MASTER,
                "partner.example encrypt protocols=TLSv1.2\n", "3.7", TlsRuntime.UNKNOWN);
        assertTrue(find(policy, "protocol-list-excludes-tls13").orElseThrow().message().contains("partner.example"));
    }

    /** RELEASE_NOTES-3.8: "Postfix treats the "export" and "low" cipher grade settings as "medium"". */
    @Test
    void exportAndLowGradesActAsMediumFrom38() {
        List<Finding> on37 = lint("smtpd_tls_ciphers = export", "3.7");
        assertTrue(find(on37, "weak-cipher-grade").isPresent() && find(on37, "legacy-cipher-grade").isEmpty());
        List<Finding> on38 = lint("smtpd_tls_ciphers = low", "3.8");
        assertTrue(find(on38, "weak-cipher-grade").isEmpty());
        assertEquals(Severity.INFO, find(on38, "legacy-cipher-grade").orElseThrow().severity());
        assertTrue(find(lint("smtpd_tls_ciphers = null", "3.8"), "weak-cipher-grade").isPresent(), "null stays weak");
    }

    /**
     * RELEASE_NOTES-3.8: "Postfix default settings now exclude the following deprecated or unused ciphers (SEED,
     * IDEA, 3DES, RC2, RC4, RC5), digest (MD5), key exchange algorithms (DH, ECDH), and public key algorithm (DSS)".
     */
    @Test
    void exclusionsPostfix38MakesItselfAreRedundant() {
        Finding f = find(lint("smtpd_tls_exclude_ciphers = aNULL, RC4, MD5, kECDH, PSK", "3.8"),
                "redundant-cipher-exclusion").orElseThrow();
        assertEquals(Severity.INFO, f.severity());
        assertTrue(f.message().contains("RC4, MD5, kECDH") && !f.message().contains("PSK"), f.message());
        assertTrue(find(lint("smtpd_tls_exclude_ciphers = aNULL, RC4, MD5", "3.7"), "redundant-cipher-exclusion")
                .isEmpty());
        assertTrue(find(lint("smtpd_tls_exclude_ciphers = aNULL, PSK", "3.10"), "redundant-cipher-exclusion").isEmpty());
    }

    static Stream<Arguments> gates() {
        return VersionGates.GATES.stream().map(g -> Arguments.of(g.parameter(), g.since().toString()));
    }

    /** postconf(5) "This feature is available in Postfix 3.x and later" for each gated parameter. */
    @ParameterizedTest
    @MethodSource("gates")
    void parameterOfANewerPostfixIsFlaggedOnOlderOnly(String parameter, String since) {
        PostfixVersion first = PostfixVersion.parse(since).orElseThrow();
        assertTrue(find(lint(parameter + " = no", since), "parameter-needs-newer-postfix").isEmpty(), parameter);
        PostfixVersion older = new PostfixVersion(3, 4);
        assertTrue(first.atLeast(new PostfixVersion(3, 5)));
        Finding f = find(lint(parameter + " = no", older.toString()), "parameter-needs-newer-postfix").orElseThrow();
        assertTrue(f.message().contains("needs Postfix " + since), f.message());
    }

    /** tls_config_file: "Available in Postfix 3.9, 3.8.1, 3.7.6, 3.6.10, 3.5.20 and later" (postfix-3.5 patch 20). */
    @Test
    void backportedParametersAreNotFlaggedOnTheirOlderLines() {
        assertTrue(find(lint("tls_config_file = none", "3.7"), "parameter-needs-newer-postfix").isEmpty());
        // postconf(5) smtp_tls_enforce_sts_mx_patterns: "available in Postfix >= 3.10.5"
        assertTrue(find(lint("smtp_tls_enforce_sts_mx_patterns = yes", "3.10"), "parameter-needs-newer-postfix")
                .isEmpty());
        assertTrue(find(lint("smtp_tls_enforce_sts_mx_patterns = yes", "3.9"), "parameter-needs-newer-postfix")
                .isPresent());
    }

    /**
     * RELEASE_NOTES-3.9: "enabling Postfix raw key support will break authentication based on certificate
     * fingerprints in check_ccert_access or smtp_tls_policy_maps".
     */
    @Test
    void rawPublicKeysWithCertificateFingerprintsAreFlagged() {
        String server = "smtpd_tls_enable_rpk = yes\nsmtpd_client_restrictions = check_ccert_access"
                + " hash:/etc/postfix/ccert, permit";
        assertEquals(Severity.WARNING, find(lint(server, "3.9"), "rpk-breaks-certificate-fingerprint").orElseThrow()
                .severity());
        assertTrue(find(lint(server.replace("= yes", "= no"), "3.9"), "rpk-breaks-certificate-fingerprint").isEmpty());
        String main = MAIN + "smtp_tls_policy_maps = hash:/etc/postfix/tls_policy\n";
        String policy = "[mx.partner.example]:25 fingerprint match=3D:95:34:51 enable_rpk=yes\n";
        assertTrue(find(lint(main, MASTER, policy, "3.9", TlsRuntime.UNKNOWN), "rpk-breaks-certificate-fingerprint")
                .orElseThrow().message().contains("[mx.partner.example]:25"));
        assertTrue(find(lint(main, MASTER, policy.replace(" enable_rpk=yes", ""), "3.9", TlsRuntime.UNKNOWN),
                "rpk-breaks-certificate-fingerprint").isEmpty(), "no raw keys requested");
        assertTrue(find(lint(main + "smtp_tls_enable_rpk = yes\n", MASTER, policy.replace(" enable_rpk=yes", ""), "3.9",
                TlsRuntime.UNKNOWN), "rpk-breaks-certificate-fingerprint").isPresent(), "global smtp_tls_enable_rpk");
    }

    /**
     * RELEASE_NOTES-3.9: tls_config_file and tls_config_name "can be used to limit collateral damage from OS
     * distributions that crank up security to 11, increasing the number of plaintext email deliveries".
     */
    @Test
    void strictSystemOpensslSettingIsFlaggedWithTheSettingThatIsolatesPostfix() {
        TlsRuntime strict = new TlsRuntime(OpensslVersion.parse("OpenSSL 3.0.17").orElseThrow(), "openssl version",
                TlsRuntime.Support.UNKNOWN, "/usr/lib/ssl/openssl.cnf: MinProtocol = TLSv1.2");
        Finding f = find(lint(MAIN, MASTER, null, "3.9", strict), "system-openssl-policy").orElseThrow();
        assertTrue(f.fix().startsWith("Set tls_config_file = none"), f.fix());
        assertTrue(f.message().contains("MinProtocol = TLSv1.2"));
        assertTrue(find(lint(MAIN + "tls_config_file = none\n", MASTER, null, "3.9", strict), "system-openssl-policy")
                .isEmpty());
        assertTrue(find(lint(MAIN, MASTER, null, "3.9", TlsRuntime.UNKNOWN), "system-openssl-policy").isEmpty());
        assertTrue(find(lint(MAIN, MASTER_35, null, "3.4", strict), "system-openssl-policy").orElseThrow().fix()
                .contains("upgrade"));
        // postconf(5) tls_config_file: "none (recommended, OpenSSL 1.1.1b or later only)"
        TlsRuntime old = new TlsRuntime(OpensslVersion.parse("OpenSSL 1.1.1a  20 Nov 2018").orElseThrow(), null,
                TlsRuntime.Support.UNKNOWN, strict.systemPolicy());
        assertTrue(find(lint(MAIN, MASTER, null, "3.9", old), "system-openssl-policy").orElseThrow().fix()
                .contains("cannot skip"));
    }

    /**
     * postconf(5) tls_ffdhe_auto_groups: "setting tls_eecdh_auto_curves empty disables TLS 1.3 EC key agreement in
     * OpenSSL 3.0 and later. If both are set empty, Postfix will fall back to OpenSSL preferences"; RELEASE_NOTES-3.10:
     * "Postfix now allows the tls_eecdh_auto_curves and tls_ffdhe_auto_groups parameter values to have an empty value".
     */
    @Test
    void emptyCurveListIsJudgedByRelease() {
        assertTrue(find(lint("tls_eecdh_auto_curves =", "3.10"), "empty-curve-list").isPresent(), "ffdhe left at default");
        assertTrue(find(lint("tls_eecdh_auto_curves =\\ntls_ffdhe_auto_groups =", "3.10"), "empty-curve-list").isEmpty());
        assertTrue(find(lint("tls_eecdh_auto_curves =", "3.7"), "empty-curve-list").orElseThrow().message()
                .contains("3.10"));
    }

    /** RELEASE_NOTES-3.11 [Feature 20251102]; mail_params.h: OpenSSL >= 3.5 → DEF_TLS_EECDH_AUTO "?X25519MLKEM768:DEFAULT". */
    @Test
    void ownCurveListOn311WithOpenssl35LosesThePostQuantumDefault() {
        TlsRuntime ossl35 = new TlsRuntime(OpensslVersion.parse("OpenSSL 3.5.1 1 Jul 2025").orElseThrow(),
                "openssl version", TlsRuntime.Support.UNKNOWN, null);
        String curves = MAIN + "tls_eecdh_auto_curves = X25519 prime256v1 secp384r1\n";
        assertEquals(Severity.INFO, find(lint(curves, MASTER, null, "3.11", ossl35), "curves-override-pq-default")
                .orElseThrow().severity());
        assertTrue(find(lint(curves, MASTER, null, "3.11", TlsRuntime.UNKNOWN), "curves-override-pq-default").isEmpty(),
                "unknown OpenSSL: not claimed");
        assertTrue(find(lint(curves, MASTER, null, "3.10", ossl35), "curves-override-pq-default").isEmpty());
        assertTrue(find(lint(curves.replace("X25519 ", "X25519MLKEM768 X25519 "), MASTER, null, "3.11", ossl35),
                "curves-override-pq-default").isEmpty());
    }

    /** postconf(5) tls_required_enable: the header "limits the Postfix SMTP client TLS security level to "may"". */
    @Test
    void tlsRequiredHeaderCanLowerMandatoryOutboundTlsFrom310() {
        String mandatory = "smtp_tls_security_level = encrypt\\nrelayhost = [relay.example.com]:587";
        assertEquals(Severity.INFO, find(lint(mandatory, "3.10"), "tls-required-header-downgrade").orElseThrow()
                .severity());
        assertTrue(find(lint(mandatory + "\\ntls_required_enable = no", "3.10"), "tls-required-header-downgrade")
                .isEmpty());
        assertTrue(find(lint(mandatory, "3.9"), "tls-required-header-downgrade").isEmpty());
        assertTrue(find(lint("", "3.11"), "tls-required-header-downgrade").isEmpty(), "may is not lowered");
    }

    /** smtp.c: msg_warn("TLSRPT is selected, but TLSRPT is not compiled in") without USE_TLSRPT. */
    @Test
    void tlsrptNeedsABuildWithLibtlsrpt() {
        List<Finding> without = lint(MAIN + "smtp_tlsrpt_enable = yes\n", MASTER, null, "3.10",
                new TlsRuntime(null, null, TlsRuntime.Support.NO, null));
        assertEquals(Severity.ERROR, find(without, "tlsrpt-without-library").orElseThrow().severity());
        assertEquals(Severity.INFO, find(lint(MAIN + "smtp_tlsrpt_enable = yes\n", MASTER, null, "3.10",
                TlsRuntime.UNKNOWN), "tlsrpt-without-library").orElseThrow().severity());
        assertTrue(find(lint(MAIN + "smtp_tlsrpt_enable = yes\n", MASTER, null, "3.10",
                new TlsRuntime(null, null, TlsRuntime.Support.YES, null)), "tlsrpt-without-library").isEmpty());
    }

    @Test
    void stsMxPatternsSwitchedOffWithAPolicyServiceIsFlagged() {
        String main = "smtp_tls_policy_maps = socketmap:inet:127.0.0.1:8461:postfix\\n"
                + "smtp_tls_enforce_sts_mx_patterns = no";
        assertEquals(Severity.WARNING, find(lint(main, "3.11"), "sts-mx-patterns-not-enforced").orElseThrow()
                .severity());
        assertTrue(find(lint(main.replace("= no", "= yes"), "3.11"), "sts-mx-patterns-not-enforced").isEmpty());
    }

    /**
     * RELEASE_NOTES-3.11 [Feature 20250623]: "changes the Postfix SMTP client smtp_tls_security_level default value
     * to "may" if Postfix was built with TLS support, and the compatibility_level is 3.11 or higher".
     */
    @ParameterizedTest
    @CsvSource({"3.11,3.11,false", "3.11,3.10,true", "3.11,,true", "3.10,3.11,true", "3.12,3.11,false", "3.11,2,true"})
    void unsetOutboundLevelIsMayOn311AtCompatibilityLevel311(String version, String compat, boolean plaintext) {
        String main = MAIN.replace("smtp_tls_security_level = may\n", "")
                + (compat == null ? "" : "compatibility_level = " + compat + "\n");
        assertEquals(plaintext, find(lint(main, MASTER, null, version, TlsRuntime.UNKNOWN), "outbound-plaintext")
                .isPresent(), version + " at " + compat);
    }
}
