package org.postfixtls.wizard.domain.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {

    @Test
    void controlSequencesAndDirectionOverridesBecomeVisibleEscapes() {
        assertEquals("454 \\x1b[2J\\x1b]0;t\\x07 x \\u009b31m \\u007f evil\\u202etxt.exe",
                UntrustedText.line("454 \u001b[2J\u001b]0;t\u0007 x \u009b31m \u007f evil\u202etxt.exe"));
        assertEquals("a\\x0ab\\x0d", UntrustedText.line("a\nb\r"));
        assertEquals("a\nb\tc\r\n\\x1b", UntrustedText.lines("a\nb\tc\r\n\u001b"));
        assertEquals("250 ok\\x0dFAKE: pass\r", UntrustedText.lines("250 ok\rFAKE: pass\r"), "no overprinting");
    }

    @Test
    void ordinaryTextIsReturnedAsItIs() {
        String text = "250-mx.example.com Grüße — ok";
        assertSame(text, UntrustedText.line(text));
    }
}
