package org.postfixtls.wizard.adapter.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: whatever the strings, a real POSIX shell given {@link ShellQuoting#join} hands them to the program
 * as exactly these arguments, byte for byte. Checked with dash and bash (sshd runs the login shell with -c).
 */
class ShellQuotingPropertyTest {

    @ParameterizedTest
    @ValueSource(strings = {"/bin/sh", "/bin/bash"})
    void hostileStringsReachTheProgramAsData(String shell) throws Exception {
        List<String> all = new ArrayList<>(HostileStrings.FIXED);
        for (long seed = 1; seed <= 40; seed++) {
            all.addAll(HostileStrings.random(seed, 50, 24));
        }
        // batches keep the number of processes small; each batch is one command line
        for (int from = 0; from < all.size(); from += 100) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + 100));
            assertArrayEquals(expected(batch), runThroughShell(shell, batch), "batch starting at " + from);
        }
    }

    @Test
    void safeWordsStayReadableAndOthersAreSingleQuoted() {
        assertEquals("postconf -c /etc/postfix -h mail_version",
                ShellQuoting.join(List.of("postconf", "-c", "/etc/postfix", "-h", "mail_version")));
        assertEquals("'a b' '' 'it'\\''s'", ShellQuoting.join(List.of("a b", "", "it's")));
    }

    @Test
    void nulCannotBePassedAndIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ShellQuoting.quote("a\0b"));
        assertThrows(IllegalArgumentException.class, () -> ShellQuoting.join(List.of()));
    }

    static byte[] expected(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String arg : args) {
            out.writeBytes(arg.getBytes(StandardCharsets.UTF_8));
            out.write(0);
        }
        return out.toByteArray();
    }

    static List<String> printfArgv(List<String> args) {
        List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
        argv.addAll(args);
        return argv;
    }

    private static byte[] runThroughShell(String shell, List<String> args) throws Exception {
        String commandLine = ShellQuoting.join(printfArgv(args));
        Process process = new ProcessBuilder(shell, "-c", commandLine).redirectErrorStream(false).start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        process.waitFor(20, TimeUnit.SECONDS);
        assertEquals(0, process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return out;
    }
}
