package org.postfixtls.wizard.domain.config.mastercf;

import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.domain.config.text.PhysicalLines;

/** Whitespace-separated tokens of one physical master.cf line, with their offsets; {@code { ... }} is one token. */
record ServiceTokens(List<Token> tokens) {

    record Token(String text, int start, int end) {
    }

    static ServiceTokens of(String content) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = content.length();
        while (i < n) {
            while (i < n && PhysicalLines.isSpace(content.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            int start = i;
            if (content.charAt(i) == '{') {
                int close = content.indexOf('}', i);
                i = close < 0 ? n : close + 1;
            } else {
                while (i < n && !PhysicalLines.isSpace(content.charAt(i))) {
                    i++;
                }
            }
            tokens.add(new Token(content.substring(start, i), start, i));
        }
        return new ServiceTokens(tokens);
    }

    /** {@code name=value} or {@code { name = value }} as [name, value], or null. */
    static String[] option(String token) {
        String body = token;
        if (body.startsWith("{")) {
            body = body.substring(1, body.endsWith("}") ? body.length() - 1 : body.length());
        }
        int eq = body.indexOf('=');
        if (eq <= 0) {
            return null;
        }
        return new String[] {PhysicalLines.trim(body.substring(0, eq)), PhysicalLines.trim(body.substring(eq + 1))};
    }

    static String renderOption(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (PhysicalLines.isSpace(value.charAt(i))) {
                return "{ " + name + " = " + value + " }";
            }
        }
        return name + "=" + value;
    }
}
