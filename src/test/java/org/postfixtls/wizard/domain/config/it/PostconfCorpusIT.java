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
import org.junit.jupiter.api.Test;
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
import org.postfixtls.wizard.domain.config.plan.VersionGates;
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
        ChangeSet set = Planner.plan(PlanRequest.of(Corpus.read(entry, "main.cf"), Corpus.read(entry, "master.cf"),
                profile, target).withPolicyMap(Corpus.read(entry, "tls_policy")));
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

        ChangeSet again = Planner.plan(PlanRequest.of(set.content("main.cf"), set.content("master.cf"),
                profile, target).withPolicyMap(set.file("tls_policy").map(FileChange::after).orElse(null)));
        assertTrue(again.isEmpty(), () -> "not idempotent: " + again.changes());
    }

    /**
     * VersionGates against this postconf: a parameter the table says this release lacks draws "unused parameter",
     * one it has (tls_config_file is in 3.7.6 and later, postfix-3.5 patch 20's notes) does not.
     */
    @Test
    void versionGatesAgreeWithThisPostconf() throws Exception {
        Path postconf = Testbed.requireCommand("postconf");
        PostfixVersion target = PostfixVersion.parse(run(postconf, "-d", "-h", "mail_version").stdout().trim())
                .orElseThrow();
        for (VersionGates.Gate gate : VersionGates.GATES) {
            Path d = write("gate-" + gate.parameter(), Corpus.read("debian12", "main.cf") + gate.parameter()
                    + " = no\n", Corpus.read("debian12", "master.cf"));
            boolean unused = run(postconf, "-c", d.toString(), "-n").stderr()
                    .contains("unused parameter: " + gate.parameter() + "=");
            assertEquals(!gate.availableOn(target), unused, gate.parameter() + " on " + target);
        }
    }

    /** The obsolete parameters migrated by the plan: this postconf reads the modern ones and warns about nothing new. */
    @Test
    void obsoleteParametersBecomeWhatPostconfReads() throws Exception {
        Path postconf = Testbed.requireCommand("postconf");
        PostfixVersion target = PostfixVersion.parse(run(postconf, "-d", "-h", "mail_version").stdout().trim())
                .orElseThrow();
        String main = Corpus.read("debian12", "main.cf") + "smtpd_use_tls = yes\nsmtp_use_tls = yes\n"
                + "lmtp_use_tls = yes\nlmtp_enforce_tls = yes\npostscreen_use_tls = yes\ntlsproxy_use_tls = yes\n"
                + "tlsproxy_client_use_tls = yes\ndisable_dns_lookups = yes\n"
                + "smtpd_tls_protocols = !SSLv2, !SSLv3, !TLSv1, TLSv1.1, TLSv1.2\n";
        String master = Corpus.read("debian12", "master.cf");
        Profile b = Preset.RECOMMENDED.baseline();
        Profile profile = new Profile(1, Preset.RECOMMENDED, new Profile.Certificate(
                "/etc/letsencrypt/live/mx/fullchain.pem", "/etc/letsencrypt/live/mx/privkey.pem",
                b.certificate().caFile()), b.outbound(), b.inbound(), b.submission(), b.hardening(),
                b.sessionCache(), b.logging(), List.of(), null);
        ChangeSet set = Planner.plan(PlanRequest.of(main, master, profile, target));
        Path in = write("obsolete-in", main, master);
        Path out = write("obsolete-out", set.content("main.cf"), set.content("master.cf"));
        Set<String> newWarnings = warnings(run(postconf, "-c", out.toString(), "-n"), out);
        newWarnings.removeAll(warnings(run(postconf, "-c", in.toString(), "-n"), in));
        assertEquals(Set.of(), newWarnings, "new postconf warnings");
        String n = run(postconf, "-c", out.toString(), "-n").stdout();
        for (String obsolete : List.of("smtpd_use_tls", "smtp_use_tls", "lmtp_use_tls", "lmtp_enforce_tls",
                "postscreen_use_tls", "tlsproxy_use_tls", "tlsproxy_client_use_tls", "disable_dns_lookups")) {
            assertTrue(!n.contains(obsolete + " ="), obsolete + " left behind:\n" + n);
        }
        assertEquals("encrypt", run(postconf, "-c", out.toString(), "-h", "lmtp_tls_security_level").stdout().trim());
        assertEquals("disabled", run(postconf, "-c", out.toString(), "-h", "smtp_dns_support_level").stdout().trim());
        assertEquals("may", run(postconf, "-c", out.toString(), "-x", "-h", "postscreen_tls_security_level")
                .stdout().trim());
        assertEquals(target.protocolFloor("TLSv1.1"), run(postconf, "-c", out.toString(), "-h", "smtpd_tls_protocols")
                .stdout().trim(), "the floor the list had, without excluding TLS 1.3");
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
