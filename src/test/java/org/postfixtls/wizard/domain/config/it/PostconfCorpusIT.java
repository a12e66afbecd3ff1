package org.postfixtls.wizard.domain.config.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.testsupport.Corpus;
import org.postfixtls.wizard.testsupport.Testbed;

/** Every preset × corpus entry, checked by the real postconf: values present, no new warnings, idempotent. */
class PostconfCorpusIT {

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Stream.of(Preset.values()).flatMap(p -> Corpus.ENTRIES.stream().map(e -> Arguments.of(p, e)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cases")
    void plannedConfigurationIsWhatPostconfReads(Preset preset, String entry) throws Exception {
        Path postconf = Testbed.requireCommand("postconf");
        Profile b = preset.baseline();
        Profile profile = new Profile(1, preset, new Profile.Certificate("/etc/letsencrypt/live/mx/fullchain.pem",
                "/etc/letsencrypt/live/mx/privkey.pem", b.certificate().caFile()), b.outbound(), b.inbound(),
                b.submission(), b.hardening(), b.sessionCache(), b.logging(),
                List.of(new Profile.Policy("partner-bank.com", TlsLevel.VERIFY, List.of("hostname"), null, null, null)),
                null);
        String version = run(postconf, "-d", "-h", "mail_version").stdout().trim();
        PostfixVersion target = PostfixVersion.parse(version).orElseThrow();
        Path in = write("in", Corpus.read(entry, "main.cf"), Corpus.read(entry, "master.cf"));
        ChangeSet set = Planner.plan(new PlanRequest(Corpus.read(entry, "main.cf"), Corpus.read(entry, "master.cf"),
                Corpus.read(entry, "tls_policy"), profile, target));
        Path out = write("out", set.content("main.cf"), set.content("master.cf"));

        Result before = run(postconf, "-c", in.toString(), "-n");
        Result after = run(postconf, "-c", out.toString(), "-n");
        Set<String> newWarnings = warnings(after, out);
        newWarnings.removeAll(warnings(before, in));
        assertEquals(Set.of(), newWarnings, "new postconf warnings");

        String n = after.stdout();
        assertTrue(n.contains("smtp_tls_security_level = " + b.outbound().level().postfixName() + "\n"), n);
        // Effective value of the public listener (postconf -P): mandatory inbound TLS is set on it, not in main.cf,
        // so internal listeners keep their level (decision 0061).
        String level = b.inbound().level().postfixName();
        String perService = run(postconf, "-c", out.toString(), "-P").stdout();
        boolean onThePublicListener = perService.lines()
                .anyMatch(l -> l.matches("(smtp/inet|smtpd/pass|[0-9.:\\[\\]]*[0-9]+/inet)/smtpd_tls_security_level = "
                        + level)); // an MX on its own port (the test bed's 2525) is named by its port
        boolean overriddenElsewise = perService.lines().anyMatch(l -> l.startsWith("smtp/inet/smtpd_tls_security_level = "));
        assertTrue(onThePublicListener || (n.contains("smtpd_tls_security_level = " + level + "\n") && !overriddenElsewise),
                "the public smtp service runs at " + level + ":\n" + n + perService);
        assertTrue(n.contains("smtpd_tls_auth_only = yes\n"), n);
        assertTrue(n.contains("smtp_tls_policy_maps = hash:/etc/postfix/tls_policy\n"), n);
        assertTrue(!n.contains("smtpd_use_tls") && !n.contains("smtp_tls_per_site"), n);
        for (String line : before.stdout().split("\n")) {
            if (!line.contains("tls") && !line.contains("dns_support_level") && !line.startsWith("config_directory") && !line.isBlank()) {
                assertTrue(n.contains(line + "\n"), "unrelated parameter changed: " + line);
            }
        }

        Result services = run(postconf, "-c", out.toString(), "-M");
        Set<String> newServiceWarnings = warnings(services, out);
        newServiceWarnings.removeAll(warnings(run(postconf, "-c", in.toString(), "-M"), in));
        assertEquals(Set.of(), newServiceWarnings, "new postconf -M warnings");
        MasterCf master = MasterCf.parse(set.content("master.cf"));
        assertEquals(1, master.servicesOnPort(587).size());
        assertEquals(1, master.servicesOnPort(465).size());
        String submissionName = master.servicesOnPort(587).get(0).name();
        assertTrue(services.stdout().lines().anyMatch(l -> l.startsWith(submissionName + " ")
                && l.contains("inet") && l.contains("-o smtpd_tls_security_level=encrypt")), services.stdout());
        String smtpsName = master.servicesOnPort(465).get(0).name();
        assertTrue(services.stdout().lines().anyMatch(l -> l.startsWith(smtpsName + " ")
                && l.contains("-o smtpd_tls_wrappermode=yes")), services.stdout());

        ChangeSet again = Planner.plan(new PlanRequest(set.content("main.cf"), set.content("master.cf"),
                set.file("tls_policy").map(FileChange::after).orElse(null), profile, target));
        assertTrue(again.isEmpty(), () -> "not idempotent: " + again.changes());
    }

    private Path write(String name, String main, String master) throws IOException {
        Path d = Files.createDirectories(dir.resolve(name));
        Files.write(d.resolve("main.cf"), main.getBytes(StandardCharsets.ISO_8859_1));
        Files.write(d.resolve("master.cf"), master.getBytes(StandardCharsets.ISO_8859_1));
        return d;
    }

    private static Set<String> warnings(Result result, Path configDir) {
        Set<String> set = new LinkedHashSet<>();
        Arrays.stream(result.stderr().split("\n")).filter(l -> !l.isBlank())
                .map(l -> l.replace(configDir.toString(), "DIR").replaceAll("line [0-9]+", "line N")).forEach(set::add);
        return set;
    }

    record Result(String stdout, String stderr) {
    }

    private static Result run(Path postconf, String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = postconf.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).start();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        return new Result(stdout, stderr);
    }
}
