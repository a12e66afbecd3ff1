package org.postfixtls.wizard.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.config.policy.PolicyMap;

class DocumentEditTest {

    @Test
    void mainCfReadsContinuationLinesAndLastDefinitionWins() {
        MainCf cf = MainCf.parse("a = 1\r\nb = x,\r\n# inside\r\n\ty\r\na=2\r\n");
        assertEquals("2", cf.get("a").orElseThrow());
        assertEquals("x, y", cf.get("b").orElseThrow());
        assertEquals(java.util.List.of("a"), cf.duplicates());
    }

    @Test
    void mainCfSetReplacesOnlyTheEffectiveLineKeepingCrlf() {
        MainCf cf = MainCf.parse("# head\r\na = 1\r\nc = 3\r\na = 2\r\n");
        assertTrue(cf.set("a", "9"));
        assertEquals("# head\r\na = 1\r\nc = 3\r\na = 9\r\n", cf.render());
        assertFalse(cf.set("a", "9"));
    }

    @Test
    void mainCfAppendsMissingParameterAndTerminatesAnUnterminatedLastLine() {
        MainCf cf = MainCf.parse("a = 1");
        cf.set("b", "2");
        assertEquals("a = 1\nb = 2\n", cf.render());
    }

    @Test
    void mainCfRemoveDropsEveryDefinitionWithItsContinuations() {
        MainCf cf = MainCf.parse("x = 1\nsmtpd_use_tls = yes\n  more\ny = 2\nsmtpd_use_tls=no\n");
        assertTrue(cf.remove("smtpd_use_tls"));
        assertEquals("x = 1\ny = 2\n", cf.render());
    }

    @Test
    void mainCfComparesListValuesLikePostfix() {
        MainCf cf = MainCf.parse("p = a, b,c\n");
        assertFalse(cf.set("p", "a b c"));
    }

    @Test
    void masterCfReadsBothOptionForms() {
        MasterCf cf = MasterCf.parse("smtp inet n - y - - smtpd\n  -o a=1\n# note\n  -o { b = two words }\n");
        MasterService smtp = cf.services().get(0);
        assertEquals("1", smtp.option("a"));
        assertEquals("two words", smtp.option("b"));
        assertEquals(25, smtp.port().getAsInt());
    }

    @Test
    void masterCfSetOptionsEditsOnlyTheOptionLine() {
        String text = "smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o a=1\n  -o b=2\npickup unix n - y 60 1 pickup\n";
        MasterCf cf = MasterCf.parse(text);
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("b", "3");
        wanted.put("c", "4");
        cf.setOptions(cf.indexOf(cf.servicesOnPort(587).get(0)), wanted);
        assertEquals("smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o a=1\n  -o b=3\n  -o c=4\n"
                + "pickup unix n - y 60 1 pickup\n", cf.render());
    }

    @Test
    void masterCfEnablesDebianCommentedBlockInPlace() {
        String text = "#submission inet n       -       y       -       -       smtpd\n"
                + "#  -o syslog_name=postfix/submission\n"
                + "#  -o smtpd_tls_security_level=encrypt\n"
                + "#     Instead of specifying complex smtpd_<xxx>_restrictions here,\n"
                + "#  -o smtpd_client_restrictions=\n"
                + "# Choose one: enable submissions for loopback clients only, or for any client.\n";
        MasterCf cf = MasterCf.parse(text);
        MasterService commented = cf.commentedServices().get(0);
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put("smtpd_tls_security_level", "encrypt");
        wanted.put("smtpd_sasl_auth_enable", "yes");
        cf.enableCommented(cf.indexOf(commented), "2587", wanted);
        assertEquals("2587 inet n       -       y       -       -       smtpd\n"
                + "#  -o syslog_name=postfix/submission\n"
                + "  -o smtpd_tls_security_level=encrypt\n"
                + "#     Instead of specifying complex smtpd_<xxx>_restrictions here,\n"
                + "#  -o smtpd_client_restrictions=\n"
                + "  -o smtpd_sasl_auth_enable=yes\n"
                + "# Choose one: enable submissions for loopback clients only, or for any client.\n", cf.render());
        MasterService enabled = cf.servicesOnPort(2587).get(0);
        assertEquals("encrypt", enabled.option("smtpd_tls_security_level"));
        assertEquals(null, enabled.option("syslog_name"));
    }

    @Test
    void masterCfRecognisesLegacySmtpsAndHostBoundNames() {
        MasterCf cf = MasterCf.parse("smtps inet n - y - - smtpd\n127.0.0.1:submission inet n - y - - smtpd\n");
        assertEquals(1, cf.servicesOnPort(465).size());
        assertTrue(cf.servicesOnPort(587).get(0).boundToHost());
    }

    @Test
    void serviceNamesForProfilePorts() {
        assertEquals("submission", MasterService.serviceNameForPort(587));
        assertEquals("submissions", MasterService.serviceNameForPort(465));
        assertEquals("2587", MasterService.serviceNameForPort(2587));
    }

    @Test
    void policyMapFirstDuplicateWinsAsInPostmap() {
        PolicyMap map = PolicyMap.parse("a.com encrypt\n# c\na.com may\n");
        assertEquals("encrypt", map.get("a.com").orElseThrow());
        assertTrue(map.set("b.com", "verify match=hostname"));
        assertEquals("a.com encrypt\n# c\na.com may\nb.com                   verify match=hostname\n", map.render());
    }
}
