package org.postfixtls.wizard.domain.config.stack;

/**
 * Mailu's start.py runs {@code os.system('postconf -e "{}"'.format(line))} for every line of its override files,
 * so /bin/sh reads each line inside double quotes: {@code $name} would be expanded by the shell (to nothing) before
 * Postfix sees it. A value written there has {@code \ $ " `} escaped with a backslash, which the shell removes again.
 */
final class ShellQuoting {

    private ShellQuoting() {
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            if (c == '\\' || c == '$' || c == '"' || c == '`') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    /** What the shell hands to postconf for a line read inside double quotes. */
    static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && "\\$\"`".indexOf(value.charAt(i + 1)) >= 0) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }
}
