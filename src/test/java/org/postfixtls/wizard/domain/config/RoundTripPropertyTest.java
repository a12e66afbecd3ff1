package org.postfixtls.wizard.domain.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.policy.PolicyMap;

/** Parse then render must give back every input byte for byte, whatever the input. */
class RoundTripPropertyTest {

    private static final String[] FRAGMENTS = {
        "smtpd_tls_security_level", " = ", "=", "may", "\n", "\r\n", "\r", "\t", "  ", "#", "# comment", "-o",
        " -o ", "{", "}", "{ a = b }", "smtpd_use_tls=yes", "submission inet n - y - - smtpd", "#submission inet n - y - - smtpd",
        "  -o smtpd_tls_wrappermode=yes", "#  -o syslog_name=postfix/submission", "$myhostname", "${name}", "*", "[", "]",
        ":25", ".example.com", "encrypt", "verify match=hostname", "\u0000", "\u00ff", "\u00e9", " ", "\f", "\u000b",
        "2587 inet n - - - - smtpd", "inet", "unix", "x", "=\n", "\n\n", "  \n"
    };

    @Test
    void randomStructuredInputSurvivesEveryParser() {
        Random random = new Random(20240603L);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int parts = random.nextInt(40);
            for (int p = 0; p < parts; p++) {
                text.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
            assertRoundTrip(text.toString(), "seeded case " + i);
        }
    }

    @Test
    void binaryGarbageSurvivesEveryParser() {
        Random random = new Random(42L);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(400)];
            random.nextBytes(bytes);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            assertRoundTrip(text, "garbage case " + i);
            assertEquals(bytes.length, text.getBytes(StandardCharsets.ISO_8859_1).length);
        }
    }

    @Test
    void edgeCases() {
        for (String text : new String[] {"", "\n", "\r\n", "a", "a=", "=a", " a = b", "a = b\n c", "#x\n d", "\r", "a=b\r\n  c\r\n",
            "a = 1\na = 2\n", "smtp inet n - y - - smtpd -o { x = y z }", "#smtp inet", "\n\t-o a=b\n"}) {
            assertRoundTrip(text, text);
        }
    }

    private static void assertRoundTrip(String text, String label) {
        assertEquals(text, MainCf.parse(text).render(), "main.cf " + label);
        assertEquals(text, MasterCf.parse(text).render(), "master.cf " + label);
        assertEquals(text, PolicyMap.parse(text).render(), "policy " + label);
    }
}
