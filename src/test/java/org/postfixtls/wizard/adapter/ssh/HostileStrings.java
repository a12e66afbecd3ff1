package org.postfixtls.wizard.adapter.ssh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Strings built to break naive shell quoting: quotes, separators, substitutions, newlines, non-ASCII. */
final class HostileStrings {

    static final List<String> FIXED = List.of("", " ", "'", "\"", "'\\''", "a'b", "$(id)", "`id`", "${HOME}", "$HOME",
            "; rm -rf /tmp/pftw-nothing", "a && b", "a || b", "a | b", "x\ny", "\n", "\r\n", "\t", "*", "?", "[a]",
            "~", "~root", "-n", "--", "!", "!!", "#comment", "a#b", "\\", "\\\\'", "%s", "é ü 中文 🙂", "'\"'\"'",
            "$'\\x41'", "<(id)", ">x", "2>&1", "{a,b}", "a=b c", "\u00a0", "\u007f");

    private static final String ALPHABET = "abc '\"`$(){}[];&|<>*?~!#\\\n\r\t%^=,.:/@-+é中🙂";

    private HostileStrings() {
    }

    static List<String> random(long seed, int count, int maxLength) {
        Random random = new Random(seed);
        int[] codePoints = ALPHABET.codePoints().toArray();
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(maxLength + 1);
            for (int j = 0; j < length; j++) {
                s.appendCodePoint(random.nextInt(4) == 0 ? 0x20 + random.nextInt(0x5f)
                        : codePoints[random.nextInt(codePoints.length)]);
            }
            strings.add(s.toString());
        }
        return strings;
    }
}
