package org.postfixtls.wizard.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What the real postconf reads from a configuration directory: every parameter with {@code $name} expanded
 * ({@code postconf -x}), every per-service {@code -o} override ({@code postconf -P -x}), the services
 * ({@code postconf -M}) and the warnings of {@code postconf -n}/{@code -M}. Effective values are computed the way
 * Postfix does: the service's {@code -o} override, else main.cf, else the built-in default.
 */
public final class PostconfView {

    /** One master.cf service as postconf -M shows it. */
    public record Service(String name, String type, String command) {
        public String key() {
            return name + "/" + type;
        }
    }

    private final Path dir;
    private final Map<String, String> main = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
    private final List<Service> services = new ArrayList<>();
    private final Set<String> warnings = new LinkedHashSet<>();

    private PostconfView(Path dir) {
        this.dir = dir;
    }

    public static PostconfView read(Path postconf, Path dir) throws IOException, InterruptedException {
        PostconfView view = new PostconfView(dir);
        Run all = run(postconf, "-c", dir.toString(), "-x");
        all.stdout().lines().forEach(l -> {
            int eq = l.indexOf(" = ");
            if (eq > 0) {
                view.main.put(l.substring(0, eq), l.substring(eq + 3));
            } else if (l.endsWith(" =")) {
                view.main.put(l.substring(0, l.length() - 2), "");
            }
        });
        Run perService = run(postconf, "-c", dir.toString(), "-P", "-x");
        perService.stdout().lines().forEach(l -> {
            int eq = l.indexOf(" =");
            if (eq <= 0) {
                return;
            }
            String[] key = l.substring(0, eq).split("/", 3);
            if (key.length == 3) {
                String value = l.length() > eq + 3 ? l.substring(eq + 3) : "";
                view.overrides.computeIfAbsent(key[0] + "/" + key[1], k -> new LinkedHashMap<>()).put(key[2], value);
            }
        });
        Run master = run(postconf, "-c", dir.toString(), "-M");
        master.stdout().lines().forEach(l -> {
            String[] f = l.trim().split("\\s+");
            if (f.length >= 8) {
                view.services.add(new Service(f[0], f[1], f[7]));
            }
        });
        for (Run r : List.of(run(postconf, "-c", dir.toString(), "-n"), master)) {
            r.stderr().lines().filter(l -> !l.isBlank())
                    .map(l -> l.replace(dir.toString(), "DIR").replaceAll("line [0-9]+", "line N"))
                    .forEach(view.warnings::add);
        }
        return view;
    }

    public Path dir() {
        return dir;
    }

    /** postconf -n and -M warnings, with the directory and line numbers normalised. */
    public Set<String> warnings() {
        return warnings;
    }

    public List<Service> services() {
        return services;
    }

    /** The main.cf (or default) value, expanded; "" when postconf does not know the name. */
    public String main(String parameter) {
        return main.getOrDefault(parameter, "");
    }

    /** The value the service runs with: its -o override, else main.cf, else Postfix's default (expanded). */
    public String effective(Service service, String parameter) {
        Map<String, String> o = overrides.get(service.key());
        return o != null && o.containsKey(parameter) ? o.get(parameter) : main(parameter);
    }

    public boolean hasOverride(Service service, String parameter) {
        Map<String, String> o = overrides.get(service.key());
        return o != null && o.containsKey(parameter);
    }

    /**
     * The TLS level a server (smtpd) or client (smtp/lmtp) service runs with, including the obsolete
     * {@code *_use_tls}/{@code *_enforce_tls} that apply while the level is empty (postconf(5)).
     */
    public String level(Service service, String prefix) {
        String level = effective(service, prefix + "_tls_security_level").trim();
        if (!level.isEmpty()) {
            return level;
        }
        if ("yes".equals(effective(service, prefix + "_enforce_tls").trim())) {
            return "encrypt";
        }
        return "yes".equals(effective(service, prefix + "_use_tls").trim()) ? "may" : "none";
    }

    /** Whether a server service has a certificate: a cert file, chain files, or an ECDSA/DSA cert file. */
    public boolean hasCertificate(Service service) {
        for (String p : List.of("smtpd_tls_cert_file", "smtpd_tls_chain_files", "smtpd_tls_eccert_file",
                "smtpd_tls_dcert_file")) {
            if (!effective(service, p).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private record Run(String stdout, String stderr) {
    }

    private static Run run(Path postconf, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(postconf.toString());
        command.addAll(List.of(args));
        Path errFile = java.nio.file.Files.createTempFile("postconf", ".err");
        try {
            // stderr to a file: stacks with SQL maps make postconf warn a lot, and a full pipe would block it
            Process process = new ProcessBuilder(command).redirectError(errFile.toFile()).start();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("postconf " + String.join(" ", args) + " did not finish");
            }
            return new Run(stdout, java.nio.file.Files.readString(errFile, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(errFile);
        }
    }
}
