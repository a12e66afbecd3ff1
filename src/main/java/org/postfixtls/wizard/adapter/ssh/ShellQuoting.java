package org.postfixtls.wizard.adapter.ssh;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds the command line sshd hands to the login user's POSIX shell from an argv: each element becomes exactly
 * one word with its bytes unchanged. Single quotes make everything literal ({@code $}, backticks, {@code ;},
 * newlines); a single quote itself becomes {@code '\''}.
 */
public final class ShellQuoting {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuoting() {
    }

    public static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a command argument cannot contain a NUL character");
        }
        if (SAFE.matcher(argument).matches()) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    public static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command");
        }
        return argv.stream().map(ShellQuoting::quote).collect(Collectors.joining(" "));
    }
}
