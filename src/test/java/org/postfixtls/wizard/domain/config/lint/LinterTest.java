package org.postfixtls.wizard.domain.config.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.testsupport.Corpus;

class LinterTest {

    /** A configuration that triggers none of the rules; each case adds one flaw. */
    private static final String CLEAN_MAIN = "myhostname = mail.example.com\nmydomain = example.com\n"
            + "smtpd_tls_security_level = may\nsmtpd_tls_cert_file = /etc/le/fullchain.pem\n"
            + "smtpd_tls_key_file = /etc/le/privkey.pem\nsmtpd_tls_auth_only = yes\nsmtp_tls_security_level = may\n"
            + "smtpd_tls_mandatory_protocols = TLSv1.2 TLSv1.3\n";
    private static final String CLEAN_MASTER = "smtp inet n - y - - smtpd\n"
            + "submission inet n - y - - smtpd\n  -o smtpd_tls_security_level=encrypt\n";

    static Set<String> ids(String main, String master, String policy, String version) {
        return Linter.lint(LintInput.of(main, master, policy, PostfixVersion.parse(version).orElseThrow())).stream()
                .map(Finding::id).collect(Collectors.toSet());
    }

    @Test
    void cleanConfigurationHasNoFindings() {
        assertEquals(Set.of(), ids(CLEAN_MAIN, CLEAN_MASTER, null, "3.7"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "obsolete-parameter|smtpd_use_tls = yes||3.7",
        "eecdh-grade-ignored|smtpd_tls_eecdh_grade = strong||3.7",
        "chain-files-unsupported|smtpd_tls_chain_files = /k.pem, /c.pem||3.3",
        "protocol-syntax-unsupported|smtpd_tls_protocols = >=TLSv1.2||3.5",
        "legacy-protocol-syntax|smtpd_tls_protocols = !SSLv2, !SSLv3, !TLSv1||3.7",
        "mandatory-without-effect|smtp_tls_mandatory_ciphers = high||3.7",
        "encrypt-on-port-25|smtpd_tls_security_level = encrypt||3.7",
        "auth-without-tls|smtpd_sasl_auth_enable = yes\\nsmtpd_tls_auth_only = no||3.7",
        "cert-without-chain|smtpd_tls_cert_file = /etc/letsencrypt/live/mx/cert.pem||3.7",
        "tls-without-certificate|smtpd_tls_cert_file =||3.7",
        "dane-without-dnssec|smtp_tls_security_level = dane||3.7",
        "verify-without-ca|smtp_tls_security_level = verify||3.7",
        "duplicate-parameter|smtp_tls_security_level = may||3.7",
        "weak-protocol-enabled|smtpd_tls_protocols = SSLv3, TLSv1.2||3.7",
        "invalid-security-level|smtp_tls_security_level = sometimes||3.7",
        "outbound-plaintext|smtp_tls_security_level = none||3.7",
        "smtp-without-starttls|smtpd_tls_security_level = none||3.7",
        "submission-old-tls|smtpd_tls_mandatory_protocols = !SSLv2, !SSLv3||3.7",
        "cert-file-ignored|smtpd_tls_chain_files = /etc/le/privkey.pem, /etc/le/fullchain.pem||3.7",
        "eccert-file-ignored|smtpd_tls_chain_files = /etc/le/privkey.pem, /etc/le/fullchain.pem\\nsmtpd_tls_eccert_file = /etc/le-ec/fullchain.pem||3.7",
        "weak-cipher-grade|smtpd_tls_ciphers = export||3.7",
        "weak-protocol-enabled|smtpd_tls_protocols = !SSLv2||3.7",
        "outbound-mandatory-internet|smtp_tls_security_level = encrypt||3.7",
    })
    void mainCfRuleFires(String id, String extraMain, String ignored, String version) {
        assertFalse(ids(CLEAN_MAIN, CLEAN_MASTER, null, version).contains(id), "baseline must not trigger " + id);
        assertTrue(ids(CLEAN_MAIN + extraMain.replace("\\n", "\n") + "\n", CLEAN_MASTER, null, version).contains(id), id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "duplicate-service-port|587 inet n - y - - smtpd\\n  -o smtpd_tls_security_level=encrypt",
        "submission-without-tls|submission inet n - y - - smtpd\\n  -o smtpd_tls_security_level=may",
        "submissions-without-wrappermode|smtps inet n - y - - smtpd",
        "encrypt-on-port-25|smtp inet n - y - - smtpd -o { smtpd_tls_security_level = encrypt }",
        "auth-without-tls|2525 inet n - y - - smtpd -o smtpd_sasl_auth_enable=yes -o smtpd_tls_auth_only=no",
        "submission-old-tls|submissions inet n - y - - smtpd -o smtpd_tls_wrappermode=yes -o smtpd_tls_mandatory_protocols=>=TLSv1",
        "tls-without-certificate|2587 inet n - y - - smtpd -o smtpd_tls_security_level=encrypt -o smtpd_tls_cert_file=",
        "cert-file-ignored|2587 inet n - y - - smtpd -o smtpd_tls_security_level=encrypt -o smtpd_tls_chain_files=/k.pem,/c.pem",
        "eccert-file-ignored|2587 inet n - y - - smtpd -o smtpd_tls_chain_files=/k.pem,/c.pem -o smtpd_tls_eccert_file=/ec.pem",
    })
    void masterCfRuleFires(String id, String extraMaster) {
        assertTrue(ids(CLEAN_MAIN, CLEAN_MASTER + extraMaster.replace("\\n", "\n") + "\n", null, "3.7").contains(id), id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "star-policy-key|*  encrypt",
        "policy-for-own-domain|mail.example.com encrypt",
        "policy-match-wrong-level|partner.com encrypt match=hostname",
        "malformed-policy-key|partner..com encrypt",
        "dane-without-dnssec|.example.net dane",
        "verify-without-ca|partner.com secure",
    })
    void policyRuleFires(String id, String policy) {
        String main = CLEAN_MAIN + "smtp_tls_policy_maps = hash:/etc/postfix/tls_policy\n";
        assertFalse(ids(main, CLEAN_MASTER, "partner.com encrypt\n", "3.7").contains(id));
        assertTrue(ids(main, CLEAN_MASTER, policy + "\n", "3.7").contains(id), id);
    }

    @Test
    void dollarIndirectionIsExpandedLikePostconf() {
        String main = CLEAN_MAIN.replace("smtpd_tls_security_level = may", "smtpd_tls_security_level = $inbound_tls")
                + "inbound_tls = may\n";
        assertEquals(Set.of(), ids(main, CLEAN_MASTER, null, "3.7"));
        assertTrue(ids(main.replace("inbound_tls = may", "inbound_tls = sometimes"), CLEAN_MASTER, null, "3.7")
                .contains("invalid-security-level"));
    }

    @Test
    void perServiceOverridesCountForCertificateAndOutboundLevel() {
        String main = "smtpd_tls_auth_only = yes\nsmtpd_tls_mandatory_protocols = >=TLSv1.2\n";
        String master = "smtp inet n - y - - smtpd\n  -o smtpd_tls_security_level=may\n"
                + "  -o smtpd_tls_cert_file=/etc/le/fullchain.pem\n  -o smtpd_tls_key_file=/etc/le/privkey.pem\n"
                + "smtp unix - - y - - smtp\n  -o smtp_tls_security_level=may\n";
        Set<String> found = ids(main, master, null, "3.7");
        assertFalse(found.contains("tls-without-certificate"), found::toString);
        assertFalse(found.contains("outbound-plaintext"), found::toString);
        assertTrue(ids(main, master.replace("  -o smtpd_tls_cert_file=/etc/le/fullchain.pem\n", ""), null, "3.7")
                .contains("tls-without-certificate"));
    }

    @Test
    void daneMakesTheMandatorySettingsCount() {
        String main = CLEAN_MAIN.replace("smtp_tls_security_level = may", "smtp_tls_security_level = dane")
                + "smtp_dns_support_level = dnssec\nsmtp_tls_mandatory_protocols = >=TLSv1.2\n";
        assertFalse(ids(main, CLEAN_MASTER, null, "3.7").contains("mandatory-without-effect"));
    }

    @Test
    void certificateChainIsJudgedByTheFileWhenReadable() {
        String main = CLEAN_MAIN.replace("/etc/le/fullchain.pem", "/etc/ssl/mail/cert.pem");
        String pem = "-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n";
        LintInput input = LintInput.of(main, CLEAN_MASTER, null, new PostfixVersion(3, 7));
        assertFalse(Linter.lint(input).stream().anyMatch(f -> f.id().equals("cert-without-chain")),
                "mailcow's cert.pem holds the full chain; the name alone proves nothing");
        assertFalse(Linter.lint(input.readingFiles(p -> java.util.Optional.of(pem + pem))).stream()
                .anyMatch(f -> f.id().equals("cert-without-chain")));
        assertTrue(Linter.lint(input.readingFiles(p -> java.util.Optional.of(pem))).stream()
                .anyMatch(f -> f.id().equals("cert-without-chain")));
    }

    @Test
    void ownDomainsAreMydestinationOnly() {
        String main = CLEAN_MAIN + "smtp_tls_policy_maps = hash:/etc/postfix/tls_policy\n";
        assertFalse(ids(main, CLEAN_MASTER, "example.com encrypt\n", "3.7").contains("policy-for-own-domain"),
                "mydomain is not delivered locally unless mydestination lists it");
        assertTrue(ids(main + "mydestination = $mydomain\n", CLEAN_MASTER, "example.com encrypt\n", "3.7")
                .contains("policy-for-own-domain"));
    }

    @Test
    void droppedPolicyLookupIsAnError() {
        LintInput before = LintInput.of(CLEAN_MAIN + "smtp_tls_policy_maps = proxy:mysql:/opt/tls.cf"
                + " socketmap:inet:postfix-tlspol:8642:QUERY\n", CLEAN_MASTER, null, new PostfixVersion(3, 7));
        LintInput after = LintInput.of(CLEAN_MAIN + "smtp_tls_policy_maps = hash:/etc/postfix/tls_policy\n",
                CLEAN_MASTER, null, new PostfixVersion(3, 7));
        assertEquals(2, Linter.lintChange(before, after).stream()
                .filter(f -> f.id().equals("policy-lookup-dropped")).count());
        LintInput kept = LintInput.of(CLEAN_MAIN + "smtp_tls_policy_maps = hash:/etc/postfix/tls_policy,"
                + " proxy:mysql:/opt/tls.cf socketmap:inet:postfix-tlspol:8642:QUERY\n", CLEAN_MASTER, null,
                new PostfixVersion(3, 7));
        assertEquals(List.of(), Linter.lintChange(before, kept));
    }

    @Test
    void policyTableWithoutPolicyMapsParameter() {
        assertTrue(ids(CLEAN_MAIN, CLEAN_MASTER, "partner.com encrypt\n", "3.7").contains("policy-maps-unused"));
    }

    @Test
    void atLeastFifteenRules() {
        assertTrue(List.of("obsolete-parameter", "eecdh-grade-ignored", "chain-files-unsupported",
                "protocol-syntax-unsupported", "legacy-protocol-syntax", "mandatory-without-effect", "encrypt-on-port-25",
                "auth-without-tls", "cert-without-chain", "tls-without-certificate", "dane-without-dnssec",
                "verify-without-ca", "star-policy-key", "policy-for-own-domain", "duplicate-service-port",
                "duplicate-parameter", "weak-protocol-enabled", "invalid-security-level", "outbound-plaintext",
                "submission-without-tls", "submissions-without-wrappermode", "policy-match-wrong-level",
                "malformed-policy-key", "policy-maps-unused").size() >= 15);
    }

    @Test
    void recommendedPlanOnDebianDefaultsLeavesNoWarningsOrErrors() {
        Profile b = Preset.RECOMMENDED.baseline();
        Profile profile = new Profile(1, b.preset(), new Profile.Certificate("/etc/letsencrypt/live/mx/fullchain.pem",
                "/etc/letsencrypt/live/mx/privkey.pem", b.certificate().caFile()), b.outbound(), b.inbound(),
                b.submission(), b.hardening(), b.sessionCache(), b.logging(), List.of(), null);
        ChangeSet set = Planner.plan(PlanRequest.of(Corpus.read("debian12", "main.cf"), Corpus.read("debian12", "master.cf"),
                profile, new PostfixVersion(3, 7)));
        List<Finding> findings = Linter.lint(LintInput.of(set.content("main.cf"), set.content("master.cf"), null,
                new PostfixVersion(3, 7)));
        assertEquals(List.of(), findings.stream().filter(f -> f.severity() != Severity.INFO).toList());
        Set<String> before = ids(Corpus.read("handedited", "main.cf"), Corpus.read("handedited", "master.cf"),
                Corpus.read("handedited", "tls_policy"), "3.7");
        assertTrue(before.containsAll(Set.of("obsolete-parameter", "star-policy-key", "duplicate-service-port",
                "auth-without-tls", "duplicate-parameter")), before::toString);
    }
}
