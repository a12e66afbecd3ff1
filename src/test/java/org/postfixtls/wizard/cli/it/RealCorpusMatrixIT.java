package org.postfixtls.wizard.cli.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.postfixtls.wizard.cli.WizardCli;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.testsupport.Corpus;
import org.postfixtls.wizard.testsupport.PostconfView;
import org.postfixtls.wizard.testsupport.PostconfView.Service;
import org.postfixtls.wizard.testsupport.StackStart;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * Every corpus-real entry (real configurations of public mail stacks, see corpus-real/MANIFEST.md) × every preset:
 * the real CLI {@code plan --out}, judged by the real {@code postconf} and {@code openssl} installed on this machine
 * (no test bed needed). A failure names the entry, the preset and each criterion that broke:
 * <ul>
 * <li>{@code certificate}: a plan that would switch TLS on with no certificate anywhere (main.cf, any -o, the
 * profile) is refused (exit 1, the reason names the certificate, nothing written); otherwise it succeeds.</li>
 * <li>{@code lint}: the plan introduces no lint ERROR (the CLI prints them and exits 1).</li>
 * <li>{@code postconf-warnings}: {@code postconf -n}/{@code -M} warn about nothing new.</li>
 * <li>{@code duplicates}: no shadowed earlier definition of a TLS parameter is left ({@code overriding earlier
 * entry}).</li>
 * <li>{@code public-smtp}: the port-25 smtpd (smtp/inet, or smtpd/pass behind postscreen) runs with the profile's
 * inbound level and AUTH-only-over-TLS, with a certificate.</li>
 * <li>{@code submission}: every service on 587 runs {@code encrypt}, on 465 wrapper mode; both with SASL, a
 * certificate, and TLS &ge; 1.2 in the protocols they actually use (mandatory ones, smtpd.c: wrapper mode
 * enforces TLS).</li>
 * <li>{@code outbound}: smtp/unix runs the profile's outbound level; keeping a stronger level the server already had
 * (dane, verify, ...) passes, lowering it passes only with a risk line in the plan.</li>
 * <li>{@code internal-listeners}: every other smtpd listener (content-filter re-injection, webmail, watchdog, proxy
 * ports) keeps its effective TLS level, wrapper mode, certificate and (where it offers AUTH) AUTH-only;
 * content-filter smtp/lmtp clients keep their level.</li>
 * <li>{@code ciphers}: for the public smtpd, the submission services and smtp/unix, the suites {@code openssl
 * ciphers} enables from the effective grade, cipher list and exclusions (opportunistic and mandatory) are a subset
 * of what the input enabled.</li>
 * <li>{@code policy-chain}: every lookup table of the input's smtp_tls_policy_maps is still there, the profile's
 * exception is in a table in front of any socketmap/policy service, every entry of an existing tls_policy is kept.
 * </li>
 * <li>{@code stack-note}: on a stack whose startup rewrites main.cf, the plan names where the settings must go.</li>
 * <li>{@code stack-override}: on mailcow, docker-mailserver and Mailu the plan leaves main.cf (and master.cf where
 * the stack rewrites it) alone and writes the stack's override file; every other criterion is then judged on what
 * the stack's start makes of the planned files ({@link StackStart}: the stack's own shell steps with the real
 * postconf).</li>
 * <li>{@code idempotence}: planning again on the output changes nothing (conflicts it reported may remain).</li>
 * </ul>
 * A per-service value that differs from the profile passes only where the plan output reports it as a conflict
 * naming the parameter (issue 13, defect 4: change the override or report it).
 */
class RealCorpusMatrixIT {

    private static final String EXCEPTION_DOMAIN = "partner-bank.com";
    private static final Map<String, String> STACK_PLACES = Map.of("mailcow", "extra.cf", "mailu",
            "overrides/postfix.cf", "docker-mailserver", "postfix-main.cf", "mailinabox", "mail-postfix.sh");
    private static final Set<String> STRONGER_THAN_ENCRYPT = Set.of("dane", "dane-only", "fingerprint", "verify",
            "secure");
    private static final List<String> PROTOCOLS = List.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final Map<String, String> MATRIX = new ConcurrentHashMap<>();
    private static final Map<String, Set<String>> CIPHER_CACHE = new ConcurrentHashMap<>();

    @TempDir
    Path dir;

    static Stream<Arguments> cases() {
        return Corpus.REAL_ENTRIES.stream().flatMap(e -> Stream.of(Preset.values()).map(p -> Arguments.of(e, p)));
    }

    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("cases")
    void planOnRealConfigurationDoesWhatTheProfileSaysAndKeepsTheRest(String entry, Preset preset) throws Exception {
        Path postconf = Testbed.requireCommand("postconf");
        Path openssl = Testbed.requireCommand("openssl");
        String version = Tools.run(List.of(postconf.toString(), "-d", "-h", "mail_version"), "", 30).text().trim();
        Path in = Files.createDirectories(dir.resolve("in"));
        for (String file : List.of("main.cf", "master.cf", "tls_policy")) {
            String text = Corpus.readReal(entry, file);
            if (text != null) {
                Files.write(in.resolve(file), text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        Path profile = Files.writeString(dir.resolve("profile.json"), "{\"schema\":1,\"hardening\":{\"preset\":\""
                + preset.jsonName() + "\"},\"policies\":[{\"destination\":\"" + EXCEPTION_DOMAIN
                + "\",\"level\":\"verify\",\"match\":[\"hostname\"]}]}");
        Path out = dir.resolve("out");
        Cli plan = cli("plan", "--profile", profile.toString(), "--config-dir", in.toString(), "--postfix-version",
                version, "--out", out.toString());

        List<String> failures = new ArrayList<>();
        PostconfView before = PostconfView.read(postconf, in);
        Profile wanted = preset.baseline();
        boolean certificateSomewhere = before.services().stream().filter(s -> s.command().equals("smtpd"))
                .anyMatch(before::hasCertificate) || wanted.certificate().chainFile() != null;
        if (!certificateSomewhere) {
            if (plan.exit() != 1 || !plan.text().toLowerCase().contains("certificate") || Files.exists(out)) {
                failures.add("certificate: no certificate in the input or the profile, yet the plan exited "
                        + plan.exit() + (Files.exists(out) ? " and wrote " + out : "") + " — it must refuse (exit 1)"
                        + " and say a certificate is needed\n" + tail(plan.text()));
            }
            record(entry, preset, failures);
            return;
        }
        if (!Files.exists(out.resolve("main.cf"))) {
            failures.add("certificate: plan exited " + plan.exit() + " without writing files, on an input that has"
                    + " a certificate\n" + tail(plan.text()));
            record(entry, preset, failures);
            return;
        }
        // exit 1 with files written: conflicts the admin must resolve (accepted where reported) or lint errors
        plan.text().lines().filter(l -> l.contains("lint ERROR"))
                .forEach(l -> failures.add("lint: " + l));
        // a stack whose start rewrites main.cf: judge what Postfix runs after that start (issue 13, defect 11)
        Path judged = STACK_PLACES.containsKey(entry) && !entry.equals("mailinabox")
                ? StackStart.apply(entry, out, dir.resolve("started")) : out;
        if (judged != out) {
            stackOverride(entry, in, out, failures);
        }
        PostconfView after = PostconfView.read(postconf, judged);

        Set<String> newWarnings = new LinkedHashSet<>(after.warnings());
        newWarnings.removeAll(before.warnings());
        if (entry.equals("mailcow")) {
            // extra.cf works by defining names again after mailcow's main.cf, which must not be edited: postconf's
            // 'overriding earlier entry' is how mailcow's documented override looks, not a leftover of the plan
            newWarnings.removeIf(w -> w.contains("overriding earlier entry"));
        }
        if (!newWarnings.isEmpty()) {
            failures.add("postconf-warnings: " + String.join(" | ", newWarnings));
        }
        after.warnings().stream().filter(w -> !entry.equals("mailcow"))
                .filter(w -> w.contains("overriding earlier entry") && w.contains("tls"))
                .forEach(w -> failures.add("duplicates: a shadowed earlier definition of a TLS parameter the plan"
                        + " manages is still there: " + w));
        publicSmtp(before, after, wanted, plan, failures);
        submission(after, plan, failures);
        outbound(before, after, wanted, plan, failures);
        internal(before, after, failures);
        ciphers(openssl, before, after, failures);
        policyChain(before, after, in, judged, failures);
        String place = STACK_PLACES.get(entry);
        if (place != null && explanations(plan).noneMatch(l -> l.contains(place))) {
            failures.add("stack-note: the plan does not say that this stack's settings belong in " + place);
        }
        Cli again = cli("plan", "--profile", profile.toString(), "--config-dir", out.toString(), "--postfix-version",
                version);
        if (!again.text().startsWith("No changes")) {
            failures.add("idempotence: planning the output again (exit " + again.exit() + "):\n" + tail(again.text()));
        }
        record(entry, preset, failures);
    }

    /**
     * {@code stack-override}: main.cf (and master.cf where the stack rewrites it) is left as it was, the plan is in
     * the stack's override file.
     */
    private static void stackOverride(String entry, Path in, Path out, List<String> failures) throws IOException {
        List<String> kept = entry.equals("mailcow") ? List.of("main.cf") : List.of("main.cf", "master.cf");
        for (String name : kept) {
            if (Files.mismatch(in.resolve(name), out.resolve(name)) != -1) {
                failures.add("stack-override: " + name + " was changed although " + entry + " rewrites it at start");
            }
        }
        String override = STACK_PLACES.get(entry).replace("overrides/", "");
        if (!Files.exists(out.resolve(override))) {
            failures.add("stack-override: the plan wrote no " + override);
        }
    }

    private static void publicSmtp(PostconfView before, PostconfView after, Profile wanted, Cli plan,
            List<String> failures) {
        for (Service smtpd : publicSmtpd(after)) {
            String level = after.level(smtpd, "smtpd");
            expect(failures, plan, "public-smtp", smtpd, "smtpd_tls_security_level", level,
                    wanted.inbound().level().postfixName());
            if (!level.equals("none") && !after.hasCertificate(smtpd)) {
                failures.add("public-smtp: " + smtpd.key() + " offers TLS (" + level + ") without a certificate");
            }
            if (wanted.inbound().authOnly()) {
                expect(failures, plan, "public-smtp", smtpd, "smtpd_tls_auth_only",
                        after.effective(smtpd, "smtpd_tls_auth_only"), "yes");
            }
        }
    }

    private static void submission(PostconfView after, Cli plan, List<String> failures) {
        for (int port : List.of(587, 465)) {
            List<Service> services = after.services().stream()
                    .filter(s -> s.command().equals("smtpd") && s.type().equals("inet") && port(s.name()) == port)
                    .toList();
            if (services.isEmpty()) {
                failures.add("submission: no smtpd service on port " + port + " although the profile enables it");
            }
            for (Service s : services) {
                if (port == 587) {
                    expect(failures, plan, "submission", s, "smtpd_tls_security_level", after.level(s, "smtpd"),
                            "encrypt");
                } else {
                    expect(failures, plan, "submission", s, "smtpd_tls_wrappermode",
                            after.effective(s, "smtpd_tls_wrappermode"), "yes");
                }
                expect(failures, plan, "submission", s, "smtpd_sasl_auth_enable",
                        after.effective(s, "smtpd_sasl_auth_enable"), "yes");
                if (!after.hasCertificate(s)) {
                    failures.add("submission: " + s.key() + " has no certificate (main.cf or -o)");
                }
                String protocolParameter = enforcesTls(after, s) ? "smtpd_tls_mandatory_protocols"
                        : "smtpd_tls_protocols";
                String lowest = lowest(after.effective(s, protocolParameter));
                if (PROTOCOLS.indexOf(lowest) < PROTOCOLS.indexOf("TLSv1.2")) {
                    expect(failures, plan, "submission", s, protocolParameter, after.effective(s, protocolParameter),
                            ">=TLSv1.2 (accepts " + lowest + ")");
                }
            }
        }
    }

    private static void outbound(PostconfView before, PostconfView after, Profile wanted, Cli plan,
            List<String> failures) {
        Service smtp = new Service("smtp", "unix", "smtp");
        String was = before.level(smtp, "smtp");
        String is = after.level(smtp, "smtp");
        String target = wanted.outbound().level().postfixName();
        if (is.equals(target) || (is.equals(was) && STRONGER_THAN_ENCRYPT.contains(was))) {
            if (!is.equals(was) && STRONGER_THAN_ENCRYPT.contains(was) && !riskMentions(plan, "smtp_tls_security_level")) {
                failures.add("outbound: smtp/unix lowered from " + was + " to " + is + " without a risk line");
            }
            return;
        }
        expect(failures, plan, "outbound", smtp, "smtp_tls_security_level", is, target);
    }

    private static void internal(PostconfView before, PostconfView after, List<String> failures) {
        Set<String> judgedElsewhere = new LinkedHashSet<>();
        publicSmtpd(after).forEach(s -> judgedElsewhere.add(s.key()));
        after.services().stream().filter(s -> port(s.name()) == 587 || port(s.name()) == 465)
                .forEach(s -> judgedElsewhere.add(s.key()));
        for (Service s : before.services()) {
            if (!s.command().equals("smtpd") || judgedElsewhere.contains(s.key())) {
                continue;
            }
            Service now = after.services().stream().filter(a -> a.key().equals(s.key())).findFirst().orElse(null);
            if (now == null) {
                failures.add("internal-listeners: " + s.key() + " disappeared");
                continue;
            }
            same(failures, s, "TLS level", before.level(s, "smtpd"), after.level(now, "smtpd"));
            if ("yes".equals(after.effective(now, "smtpd_sasl_auth_enable").trim())) {
                // AUTH-only-over-TLS matters only where the listener offers AUTH at all
                same(failures, s, "smtpd_tls_auth_only", before.effective(s, "smtpd_tls_auth_only"),
                        after.effective(now, "smtpd_tls_auth_only"));
            }
            same(failures, s, "smtpd_tls_wrappermode", before.effective(s, "smtpd_tls_wrappermode"),
                    after.effective(now, "smtpd_tls_wrappermode"));
            same(failures, s, "certificate present", String.valueOf(before.hasCertificate(s)),
                    String.valueOf(after.hasCertificate(now)));
        }
        for (String transport : contentFilterTransports(before)) {
            before.services().stream().filter(s -> s.name().equals(transport) && s.type().equals("unix"))
                    .forEach(s -> {
                        String prefix = s.command().equals("lmtp") ? "lmtp" : "smtp";
                        same(failures, s, prefix + " TLS level (content filter)", before.level(s, prefix),
                                after.level(s, prefix));
                    });
        }
    }

    private static void ciphers(Path openssl, PostconfView before, PostconfView after, List<String> failures)
            throws IOException, InterruptedException {
        List<Service> servers = new ArrayList<>(publicSmtpd(after));
        after.services().stream().filter(s -> s.command().equals("smtpd") && s.type().equals("inet")
                && (port(s.name()) == 587 || port(s.name()) == 465)).forEach(servers::add);
        List<Object[]> sides = new ArrayList<>();
        servers.forEach(s -> sides.add(new Object[] {s, "smtpd"}));
        sides.add(new Object[] {new Service("smtp", "unix", "smtp"), "smtp"});
        for (Object[] side : sides) {
            Service s = (Service) side[0];
            String prefix = (String) side[1];
            for (boolean mandatory : new boolean[] {false, true}) {
                Set<String> was = suites(openssl, before, s, prefix, mandatory);
                Set<String> is = suites(openssl, after, s, prefix, mandatory);
                if (was == null || is == null) {
                    failures.add("ciphers: openssl rejects the " + (was == null ? "input's" : "output's") + " "
                            + (mandatory ? "mandatory" : "opportunistic") + " cipher list of " + s.key() + ": "
                            + cipherString(was == null ? before : after, s, prefix, mandatory));
                    continue;
                }
                Set<String> wider = new LinkedHashSet<>(is);
                wider.removeAll(was);
                if (!wider.isEmpty()) {
                    failures.add("ciphers: " + s.key() + " (" + (mandatory ? "mandatory" : "opportunistic")
                            + ") enables " + wider.size() + " suites the input excluded, e.g. "
                            + wider.stream().limit(5).toList() + "; input: " + cipherString(before, s, prefix, mandatory)
                            + " output: " + cipherString(after, s, prefix, mandatory));
                }
            }
        }
    }

    private static void policyChain(PostconfView before, PostconfView after, Path in, Path out,
            List<String> failures) throws IOException {
        List<String> was = tables(before.main("smtp_tls_policy_maps"));
        List<String> is = tables(after.main("smtp_tls_policy_maps"));
        for (String table : was) {
            if (!is.contains(table)) {
                failures.add("policy-chain: lookup " + table + " of smtp_tls_policy_maps was dropped; now: " + is);
            }
        }
        int ours = -1;
        for (int i = 0; i < is.size(); i++) {
            String file = is.get(i).replaceFirst("^[a-z]+:", "");
            Path local = out.resolve(Path.of(file).getFileName().toString());
            if (file.startsWith("/") && Files.exists(local)
                    && Files.readString(local, StandardCharsets.ISO_8859_1).contains(EXCEPTION_DOMAIN)) {
                ours = i;
                break;
            }
        }
        if (ours < 0) {
            failures.add("policy-chain: no table of smtp_tls_policy_maps holds the profile's exception "
                    + EXCEPTION_DOMAIN + ": " + is);
        } else {
            for (int i = 0; i < ours; i++) {
                if (is.get(i).startsWith("socketmap:") || is.get(i).contains("mysql:") || is.get(i).contains("pgsql:")) {
                    failures.add("policy-chain: the profile's static exception comes after the service " + is.get(i)
                            + ", which answers first");
                }
            }
        }
        Path oldPolicy = in.resolve("tls_policy");
        if (Files.exists(oldPolicy)) {
            String now = Files.exists(out.resolve("tls_policy"))
                    ? Files.readString(out.resolve("tls_policy"), StandardCharsets.ISO_8859_1) : "";
            for (String line : Files.readString(oldPolicy, StandardCharsets.ISO_8859_1).split("\n")) {
                String key = line.strip().split("\\s+")[0];
                if (!key.isEmpty() && !key.startsWith("#") && !key.equals("*")
                        && now.lines().noneMatch(l -> l.strip().startsWith(key + " ") || l.strip().startsWith(key + "\t"))) {
                    failures.add("policy-chain: the existing tls_policy entry for " + key + " was lost");
                }
            }
        }
    }

    // ---- helpers

    /** The smtpd that answers port 25: smtp/inet, or smtpd/pass when smtp/inet runs postscreen. */
    private static List<Service> publicSmtpd(PostconfView view) {
        Service smtp = view.services().stream().filter(s -> s.key().equals("smtp/inet")).findFirst().orElse(null);
        if (smtp == null) {
            return List.of();
        }
        if (smtp.command().equals("postscreen")) {
            return view.services().stream().filter(s -> s.key().equals("smtpd/pass")).toList();
        }
        return List.of(smtp);
    }

    private static int port(String serviceName) {
        String p = serviceName.substring(serviceName.lastIndexOf(':') + 1);
        return switch (p) {
            case "submission", "587" -> 587;
            case "smtps", "submissions", "465" -> 465;
            case "smtp", "25" -> 25;
            default -> p.matches("[0-9]+") ? Integer.parseInt(p) : -1;
        };
    }

    private static boolean enforcesTls(PostconfView view, Service s) {
        String level = view.level(s, "smtpd");
        return "yes".equals(view.effective(s, "smtpd_tls_wrappermode").trim()) || level.equals("encrypt");
    }


    /** The lowest TLS version a Postfix protocol list allows (">=TLSv1.2", "!SSLv2, !SSLv3", "TLSv1.2 TLSv1.3"). */
    static String lowest(String spec) {
        Set<String> allowed = new LinkedHashSet<>(PROTOCOLS.subList(2, PROTOCOLS.size()));
        List<String> tokens = List.of(spec.trim().split("[\\s,:]+"));
        boolean inclusions = tokens.stream().anyMatch(t -> PROTOCOLS.contains(t));
        if (inclusions) {
            allowed.retainAll(tokens);
        }
        for (String t : tokens) {
            if (t.startsWith(">=") && PROTOCOLS.contains(t.substring(2))) {
                allowed.removeIf(p -> PROTOCOLS.indexOf(p) < PROTOCOLS.indexOf(t.substring(2)));
            } else if (t.startsWith("<=") && PROTOCOLS.contains(t.substring(2))) {
                allowed.removeIf(p -> PROTOCOLS.indexOf(p) > PROTOCOLS.indexOf(t.substring(2)));
            } else if (t.startsWith("!")) {
                allowed.remove(t.substring(1));
            }
        }
        return allowed.isEmpty() ? "nothing" : allowed.iterator().next();
    }

    private static String cipherString(PostconfView view, Service s, String prefix, boolean mandatory) {
        String grade = view.effective(s, prefix + (mandatory ? "_tls_mandatory_ciphers" : "_tls_ciphers")).trim();
        StringBuilder list = new StringBuilder(view.effective(s, "tls_" + grade + "_cipherlist").trim());
        List<String> exclusions = new ArrayList<>(List.of(view.effective(s, prefix + "_tls_exclude_ciphers")
                .trim().split("[\\s,:]+")));
        if (mandatory) {
            exclusions.addAll(List.of(view.effective(s, prefix + "_tls_mandatory_exclude_ciphers").trim()
                    .split("[\\s,:]+")));
        }
        exclusions.stream().filter(e -> !e.isBlank()).forEach(e -> list.append(":!").append(e));
        return list.toString();
    }

    private static Set<String> suites(Path openssl, PostconfView view, Service s, String prefix, boolean mandatory)
            throws IOException, InterruptedException {
        String spec = cipherString(view, s, prefix, mandatory);
        Set<String> cached = CIPHER_CACHE.get(spec);
        if (cached != null) {
            return cached.isEmpty() ? null : cached;
        }
        Tools.Output o = Tools.run(List.of(openssl.toString(), "ciphers", spec), "", 30);
        Set<String> set = o.exitCode() == 0 ? new LinkedHashSet<>(List.of(o.text().trim().split(":"))) : Set.of();
        CIPHER_CACHE.put(spec, set);
        return set.isEmpty() ? null : set;
    }

    private static List<String> tables(String maps) {
        List<String> list = new ArrayList<>();
        for (String t : maps.trim().split("[\\s,]+")) {
            if (!t.isBlank()) {
                list.add(t);
            }
        }
        return list;
    }

    private static Set<String> contentFilterTransports(PostconfView view) {
        Set<String> names = new LinkedHashSet<>();
        List<String> values = new ArrayList<>(List.of(view.main("content_filter")));
        view.services().forEach(s -> values.add(view.effective(s, "content_filter")));
        for (String v : values) {
            int colon = v.indexOf(':');
            if (colon > 0) {
                names.add(v.substring(0, colon).trim());
            }
        }
        return names;
    }

    private static void expect(List<String> failures, Cli plan, String criterion, Service s, String parameter,
            String actual, String wanted) {
        if (actual.trim().equals(wanted)) {
            return;
        }
        boolean reported = plan.text().lines().anyMatch(l -> l.toLowerCase().contains("conflict")
                && l.contains(parameter));
        if (!reported) {
            failures.add(criterion + ": " + s.key() + " runs " + parameter + " = " + actual.trim() + ", profile wants "
                    + wanted + " (not changed and not reported as a conflict)");
        }
    }

    private static void same(List<String> failures, Service s, String what, String was, String is) {
        if (!was.trim().equals(is.trim())) {
            failures.add("internal-listeners: " + s.key() + " " + what + " changed from '" + was.trim() + "' to '"
                    + is.trim() + "'");
        }
    }

    private static boolean riskMentions(Cli plan, String parameter) {
        List<String> lines = plan.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("* ") && lines.get(i).contains(parameter)) {
                for (int j = i + 1; j < lines.size() && lines.get(j).startsWith("    "); j++) {
                    if (lines.get(j).trim().startsWith("risk:")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The plan's own words: the Reasons section and the notes, not the diff (which may quote a comment). */
    private static Stream<String> explanations(Cli plan) {
        String text = plan.text();
        int reasons = text.indexOf("\nReasons:\n");
        return Stream.concat(text.lines().filter(l -> l.startsWith("Note:") || l.startsWith("Warning:")),
                reasons < 0 ? Stream.empty() : text.substring(reasons).lines());
    }

    private static String tail(String text) {
        return text.length() > 1500 ? "…" + text.substring(text.length() - 1500) : text;
    }

    private record Cli(int exit, String text) {
    }

    private static Cli cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = WizardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(exit, out + err.toString());
    }

    private static void record(String entry, Preset preset, List<String> failures) {
        Map<String, Integer> byCriterion = new TreeMap<>();
        failures.forEach(f -> byCriterion.merge(f.substring(0, f.indexOf(':')), 1, Integer::sum));
        MATRIX.put(entry + "\t" + preset.jsonName(), failures.isEmpty() ? "pass" : String.join(", ", byCriterion.keySet()));
        assertTrue(failures.isEmpty(), () -> entry + " × " + preset.jsonName() + ":\n- " + String.join("\n- ", failures));
    }

    /** target/corpus-real-matrix.md: the entry × preset table, for the issue's closing note. */
    @AfterAll
    static void writeMatrix() throws IOException {
        Map<String, Map<String, String>> rows = new TreeMap<>();
        MATRIX.forEach((k, v) -> rows.computeIfAbsent(k.split("\t")[0], x -> new HashMap<>()).put(k.split("\t")[1], v));
        StringBuilder md = new StringBuilder("| entry | runbook | recommended | mandatory |\n| --- | --- | --- | --- |\n");
        for (String entry : Corpus.REAL_ENTRIES) {
            Map<String, String> r = rows.getOrDefault(entry, Map.of());
            md.append("| ").append(entry);
            for (String p : List.of("runbook", "recommended", "mandatory")) {
                md.append(" | ").append(r.getOrDefault(p, "not run"));
            }
            md.append(" |\n");
        }
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("corpus-real-matrix.md"), md);
        }
    }
}
