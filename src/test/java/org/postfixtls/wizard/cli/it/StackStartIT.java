package org.postfixtls.wizard.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.cli.WizardCli;
import org.postfixtls.wizard.testsupport.Corpus;
import org.postfixtls.wizard.testsupport.StackStart;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * The real CLI's {@code plan --out} on mailcow and Mailu with override files of the admin's own, then the stack's
 * start done with the real shell and postconf ({@link StackStart}): Postfix ends up with the profile's values, the
 * admin's own override lines still in effect, and (Mailu) {@code $name} values intact through start.py's shell.
 * RealCorpusMatrixIT judges every criterion after the start; Mailu's corpus entry has no certificate and is refused
 * there, so its override files are judged here.
 */
class StackStartIT {

    @TempDir
    Path dir;

    @Test
    void mailusPostfixCfAndPostfixMasterGiveTheProfilesValuesAfterStartPy() throws Exception {
        Path in = copy("mailu");
        Files.writeString(in.resolve("postfix.cf"), "# ours\nmessage_size_limit = 80000000\n");
        Path profile = Files.writeString(dir.resolve("p.json"), "{\"schema\":1,\"hardening\":{\"preset\":"
                + "\"mandatory\"},\"certificate\":{\"chainFile\":\"/certs/fullchain.pem\",\"keyFile\":"
                + "\"/certs/privkey.pem\"}}");
        Path out = dir.resolve("out");
        String text = plan(profile, in, out);
        assertEquals(Files.readString(in.resolve("main.cf")), Files.readString(out.resolve("main.cf")), text);
        assertEquals(Files.readString(in.resolve("master.cf")), Files.readString(out.resolve("master.cf")), text);

        Path started = StackStart.apply("mailu", out, dir.resolve("started"));
        assertEquals("80000000", raw(started, "message_size_limit"), "the admin's own line still applies");
        assertEquals("/certs/fullchain.pem", raw(started, "smtpd_tls_cert_file"));
        assertEquals("encrypt", raw(started, "smtp_tls_security_level"));
        String services = Tools.run(List.of(postconf(), "-c", started.toString(), "-P"), "", 30).text();
        // Mailu's own 10025 listener uses $check_ratelimit; the plan pins its level, so its whole entry is
        // written, with \$: start.py's shell must not have expanded it to nothing
        assertTrue(services.contains("10025/inet/smtpd_client_restrictions = $check_ratelimit,"), services);
        assertTrue(services.contains("submission/inet/smtpd_tls_security_level = encrypt"), services);
        assertTrue(services.contains("smtp/inet/smtpd_tls_security_level = encrypt"), services);
        List<String> before = warnings(in);
        List<String> newWarnings = warnings(started).stream().filter(w -> !before.contains(w)).toList();
        assertEquals(List.of(), newWarnings, "postconf -n warns about nothing new");
    }

    @Test
    void mailcowsExtraCfKeepsTheAdminsLinesAndOverridesMainCfAfterPostfixSh() throws Exception {
        Path in = copy("mailcow");
        Files.writeString(in.resolve("extra.cf"), "myhostname = mx.example.org\nrelayhost = [smtp.example.net]:587\n"
                + "smtpd_tls_ciphers = medium\n");
        Path profile = Files.writeString(dir.resolve("p.json"), "{\"schema\":1,\"hardening\":{\"preset\":"
                + "\"mandatory\"}}");
        Path out = dir.resolve("out");
        String text = plan(profile, in, out);
        assertEquals(Files.readString(in.resolve("main.cf")), Files.readString(out.resolve("main.cf")), text);
        Path started = StackStart.apply("mailcow", out, dir.resolve("started"));
        assertEquals("[smtp.example.net]:587", raw(started, "relayhost"));
        assertEquals("high", raw(started, "smtpd_tls_ciphers"));
        assertEquals("encrypt", raw(started, "smtp_tls_security_level"));
        Path again = dir.resolve("again");
        String second = plan(profile, out, again);
        assertTrue(second.startsWith("No changes"), second);
    }

    private Path copy(String entry) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        for (String file : List.of("main.cf", "master.cf")) {
            Files.write(in.resolve(file), Corpus.readReal(entry, file).getBytes(StandardCharsets.ISO_8859_1));
        }
        return in;
    }

    private static String plan(Path profile, Path in, Path out) throws Exception {
        String version = Tools.run(List.of(postconf(), "-d", "-h", "mail_version"), "", 30).text().trim();
        StringWriter text = new StringWriter();
        int exit = WizardCli.run(new PrintWriter(text, true), new PrintWriter(text, true), "plan", "--profile",
                profile.toString(), "--config-dir", in.toString(), "--postfix-version", version, "--out",
                out.toString());
        assertTrue(exit == 0 || exit == 1 && Files.exists(out.resolve("main.cf")), exit + "\n" + text);
        return text.toString();
    }

    private static String raw(Path dir, String name) throws Exception {
        // stdout and stderr come together: leave postconf's warnings (mailcow's overrides make some) out
        return Tools.run(List.of(postconf(), "-c", dir.toString(), "-h", name), "", 30).text().lines()
                .filter(l -> !l.contains("postconf: warning:")).reduce("", (a, b) -> b).trim();
    }

    private static List<String> warnings(Path dir) throws Exception {
        return Tools.run(List.of(postconf(), "-c", dir.toString(), "-n"), "", 30).text().lines()
                .filter(l -> l.contains("warning:")).map(l -> l.replace(dir.toString(), "DIR")).toList();
    }

    private static String postconf() {
        return Testbed.requireCommand("postconf").toString();
    }
}
