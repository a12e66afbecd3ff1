package org.postfixtls.wizard.domain.config.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * Makes the values Postfix really uses per service (postconf -P over postconf -n) match the profile: the public
 * smtp listener carries mandatory inbound TLS (decision 0061), contradicting {@code -o} overrides of the services
 * the profile governs are changed, other contradictions are reported as conflicts, and internal smtpd listeners
 * (content-filter re-injection, webmail or watchdog ports) keep the incoming TLS level they had.
 */
final class ServiceOverrides {

    static final String LEVEL = "smtpd_tls_security_level";
    static final String OUT_LEVEL = "smtp_tls_security_level";
    static final List<String> CERT_PARAMETERS = List.of("smtpd_tls_cert_file", "smtpd_tls_key_file",
            "smtpd_tls_chain_files", "smtpd_tls_eccert_file", "smtpd_tls_eckey_file");
    private static final Set<String> MX_OPTIONS = Set.of(LEVEL, "smtpd_tls_cert_file", "smtpd_tls_key_file",
            "smtpd_tls_chain_files");
    private static final String SOURCE = "postconf(5) smtpd_tls_security_level; master(5) -o";

    private final PlanRequest request;
    private final Profile profile;
    private final MainCf main;
    private final MasterCf master;
    private final MainCf mainBefore;
    private final MasterCf masterBefore;
    private final List<Change> changes;
    private final List<String> notes;
    private final List<String> conflicts;

    ServiceOverrides(PlanRequest request, MainCf main, MasterCf master, MainCf mainBefore, MasterCf masterBefore,
            List<Change> changes, List<String> notes, List<String> conflicts) {
        this.request = request;
        this.profile = request.profile();
        this.main = main;
        this.master = master;
        this.mainBefore = mainBefore;
        this.masterBefore = masterBefore;
        this.changes = changes;
        this.notes = notes;
        this.conflicts = conflicts;
    }

    void apply(Map<String, String> planned) {
        inboundLevel();
        outboundLevel();
        certificateOverrides();
        reportConflicts(planned);
        pinInternalListeners();
        describeListeners();
    }

    /** The smtpd processes that answer port 25 from the outside: the smtp listener and, behind postscreen, smtpd/pass. */
    static List<MasterService> publicSmtpd(MasterCf master) {
        // postscreen only ever faces the Internet (mailcow also runs it on 10025 behind HAProxy)
        List<MasterService> listeners = master.services().stream()
                .filter(s -> "inet".equals(s.type()) && !loopback(s) && ("postscreen".equals(s.command())
                        || (s.port().isPresent() && s.port().getAsInt() == 25 && "smtpd".equals(s.command()))))
                .toList();
        List<MasterService> result = new ArrayList<>(listeners);
        if (result.stream().noneMatch(s -> s.port().isPresent() && s.port().getAsInt() == 25)) {
            // nothing on port 25 (a test bed, or a port-forwarded MX on 2525): the MX listener is the first
            // non-loopback smtpd that carries no -o options of its own, like the stock 'smtp inet' line (apart from
            // the level and certificate this class itself sets on the MX listener)
            master.services().stream().filter(s -> "inet".equals(s.type()) && "smtpd".equals(s.command())
                    && !loopback(s) && MX_OPTIONS.containsAll(s.options().keySet()) && s.port().isPresent()
                    && s.port().getAsInt() != 587 && s.port().getAsInt() != 465).findFirst().ifPresent(result::add);
        }
        if (listeners.stream().anyMatch(s -> "postscreen".equals(s.command()))) {
            master.services().stream().filter(s -> "pass".equals(s.type()) && "smtpd".equals(s.command()))
                    .forEach(result::add);
        }
        return result;
    }

    static String publicInboundLevel(MainCf main, MasterCf master) {
        List<MasterService> publicServices = publicSmtpd(master);
        MasterService smtpd = publicServices.stream().filter(s -> "smtpd".equals(s.command())).findFirst()
                .orElse(null);
        return inbound(main, smtpd);
    }

    /** The incoming level a service runs with; an empty level falls back to the obsolete smtpd_use_tls/enforce. */
    static String inbound(MainCf main, MasterService service) {
        String level = main.value(service, LEVEL);
        if (!level.isBlank()) {
            return level.trim().toLowerCase(java.util.Locale.ROOT);
        }
        if ("yes".equals(main.value(service, "smtpd_enforce_tls"))) {
            return "encrypt";
        }
        return "yes".equals(main.value(service, "smtpd_use_tls")) ? "may" : "none";
    }

    static int publicInboundRank(MainCf main, MasterCf master) {
        return TlsStrength.levelRank(publicInboundLevel(main, master));
    }

    /** The service delivering to the Internet: default_transport's service (smtp/unix unless changed). */
    static Optional<MasterService> defaultTransport(MainCf main, MasterCf master) {
        String transport = main.value("default_transport");
        String name = transport.isBlank() ? "smtp" : transport.split(":", 2)[0];
        return master.services().stream().filter(s -> s.name().equals(name) && "unix".equals(s.type())
                && "smtp".equals(s.command())).findFirst();
    }

    static String outboundLevel(MainCf main, MasterCf master) {
        MasterService service = defaultTransport(main, master).orElse(null);
        String level = main.value(service, OUT_LEVEL);
        if (!level.isBlank()) {
            return level.trim().toLowerCase(java.util.Locale.ROOT);
        }
        if ("yes".equals(main.value(service, "smtp_enforce_tls"))) {
            return "encrypt";
        }
        return "yes".equals(main.value(service, "smtp_use_tls")) ? "may" : "none";
    }

    static boolean loopback(MasterService s) {
        if (!s.boundToHost()) {
            return false;
        }
        String host = s.name().substring(0, s.name().lastIndexOf(':'));
        return host.startsWith("127.") || host.equals("[::1]") || host.equals("localhost");
    }

    /** True when the service (or main.cf) names a server certificate for it. */
    static boolean hasCertificate(MainCf main, MasterService service) {
        return !main.value(service, "smtpd_tls_cert_file").isBlank()
                || !main.value(service, "smtpd_tls_chain_files").isBlank()
                || !main.value(service, "smtpd_tls_eccert_file").isBlank();
    }

    private List<MasterService> submissionServices() {
        List<MasterService> result = new ArrayList<>();
        Profile.Submission s = profile.submission();
        for (Profile.Listener l : List.of(s.starttls(), s.implicitTls())) {
            if (l.enabled()) {
                result.addAll(master.servicesOnPort(l.port()));
            }
        }
        return result;
    }

    private void inboundLevel() {
        TlsLevel level = profile.inbound().level();
        for (MasterService service : publicSmtpd(master)) {
            String current = service.option(LEVEL);
            boolean mandatory = level == TlsLevel.ENCRYPT;
            if (!mandatory && (current == null || main.expand(current).equals(level.postfixName()))) {
                continue;
            }
            if (current != null && main.expand(current).equals(level.postfixName())) {
                continue;
            }
            String before = counterpart(service).map(b -> inbound(mainBefore, b)).orElse("none");
            boolean weakens = TlsStrength.levelRank(level) < TlsStrength.levelRank(before);
            setOption(service, LEVEL, level.postfixName(), mandatory
                    ? "The profile requires TLS from every SMTP client; set on the public smtp service only, so"
                    + " internal listeners (content filter re-injection, webmail, monitoring) keep their level."
                    + ("postscreen".equals(service.command()) ? " postscreen announces STARTTLS by the same level." : "")
                    : "This service overrode the incoming TLS level with '" + current + "', so Postfix would not"
                    + " use the profile's '" + level.postfixName() + "' here.",
                    mandatory ? "the mandatory-TLS guide step 2; master(5) -o" : SOURCE,
                    mandatory ? "RFC 3207 section 4: a publicly referenced MX must not require TLS; servers without"
                    + " TLS can no longer deliver to you." : weakens ? "Weakens incoming security: this service"
                    + " required '" + before + "' before." : null, weakens);
        }
    }

    private void outboundLevel() {
        Optional<MasterService> transport = defaultTransport(main, master);
        TlsLevel level = profile.outbound().level();
        if (transport.isEmpty() || transport.get().option(OUT_LEVEL) == null
                || main.expand(transport.get().option(OUT_LEVEL)).equals(level.postfixName())) {
            return;
        }
        String before = normalized(main.expand(transport.get().option(OUT_LEVEL)));
        boolean weakens = TlsStrength.levelRank(level) < TlsStrength.levelRank(before);
        setOption(transport.get(), OUT_LEVEL, level.postfixName(), "This service delivers mail to the Internet"
                + " (default_transport) and overrode the outgoing TLS level with '" + before + "', so Postfix would"
                + " not use the profile's '" + level.postfixName() + "' for it.", "postconf(5)"
                + " smtp_tls_security_level; master(5) -o", weakens ? "Weakens outgoing security: this service used '"
                + before + "' before." : null, weakens);
    }

    private void certificateOverrides() {
        Profile.Certificate cert = profile.certificate();
        if (cert.chainFile() == null || cert.keyFile() == null) {
            return;
        }
        Map<String, String> wanted = Map.of("smtpd_tls_cert_file", cert.chainFile(), "smtpd_tls_key_file",
                cert.keyFile(), "smtpd_tls_chain_files", cert.chainFilesValue());
        List<MasterService> governed = new ArrayList<>(publicSmtpd(master));
        governed.addAll(submissionServices());
        for (MasterService service : governed) {
            for (String name : List.of("smtpd_tls_cert_file", "smtpd_tls_key_file", "smtpd_tls_chain_files")) {
                MasterService current = refreshed(service);
                String value = current.option(name);
                if (value != null && !main.expand(value).equals(wanted.get(name))) {
                    String risk = name.equals("smtpd_tls_chain_files") ? StaleCertificates.droppedChainFilesRisk(
                            StaleCertificates.droppedChainFiles(main.expand(value), wanted.get(name))) : null;
                    setOption(current, name, wanted.get(name), "This service overrode " + name + " with " + value
                            + ", so it would keep presenting that certificate instead of the profile's.",
                            "postconf(5) " + name + "; master(5) -o", risk, false);
                }
            }
            dropStaleCertificates(service, cert);
        }
    }

    /**
     * The ECDSA and DSA certificate overrides of a service the profile governs: Postfix would serve them there
     * beside the chosen certificate, to ECDSA clients instead of it (StaleCertificates). Before Postfix 3.4 a
     * profile with both certificates writes its own ECDSA pair over them; otherwise they go.
     */
    private void dropStaleCertificates(MasterService service, Profile.Certificate cert) {
        boolean ownPair = cert.dual() && !request.version().atLeast(PostfixVersion.CHAIN_FILES);
        String chosen = cert.dual() ? "an ECDSA and an RSA certificate" : "one certificate (" + cert.chainFile() + ")";
        for (String name : StaleCertificates.PARAMETERS) {
            MasterService current = refreshed(service);
            String old = current.option(name);
            if (old == null) {
                continue;
            }
            if (ownPair && (name.equals(StaleCertificates.ECCERT) || name.equals(StaleCertificates.ECKEY))) {
                String wanted = name.equals(StaleCertificates.ECCERT) ? cert.ecdsaChainFile() : cert.ecdsaKeyFile();
                if (!main.expand(old).equals(wanted)) {
                    setOption(current, name, wanted, "This service overrode " + name + " with " + old + ", so it"
                            + " would keep presenting that ECDSA certificate instead of the profile's.",
                            "postconf(5) " + name + "; master(5) -o", null, false);
                }
                continue;
            }
            boolean chainFilesWin = !main.value(current, "smtpd_tls_chain_files").isBlank();
            if (master.removeOption(master.indexOf(current), name)) {
                changes.add(new Change(Planner.MASTER_CF, "service " + current.name() + "/" + current.type() + " -o "
                        + name, old, null, StaleCertificates.reason(name, old, chosen, chainFilesWin),
                        StaleCertificates.source(chainFilesWin) + "; master(5) -o",
                        StaleCertificates.risk(name, old, chainFilesWin)));
            }
        }
    }

    private void reportConflicts(Map<String, String> planned) {
        Set<String> handled = Set.of(LEVEL, OUT_LEVEL, "smtpd_tls_cert_file", "smtpd_tls_key_file",
                "smtpd_tls_chain_files", "smtpd_tls_eccert_file", "smtpd_tls_eckey_file");
        Set<String> submissionOptions = profile.preset().submissionOptions(false).keySet();
        List<MasterService> inbound = new ArrayList<>(publicSmtpd(master));
        List<MasterService> submission = submissionServices();
        inbound.addAll(submission);
        Optional<MasterService> transport = defaultTransport(main, master);
        planned.forEach((name, value) -> {
            if (handled.contains(name)) {
                return;
            }
            List<MasterService> targets = name.startsWith("smtpd_") ? inbound
                    : name.startsWith("smtp_") ? transport.map(List::of).orElse(List.of()) : List.of();
            for (MasterService service : targets) {
                String override = service.option(name);
                if (override == null || (submission.contains(service) && submissionOptions.contains(name))) {
                    continue;
                }
                if (!same(main.expand(override), main.expand(value))) {
                    conflicts.add("Service " + service.name() + "/" + service.type() + " overrides " + name + " = "
                            + override + " in master.cf, so Postfix uses that there instead of the profile's " + value
                            + ". Remove the -o override or change it in master.cf.");
                }
            }
        });
    }

    /**
     * Internal smtpd listeners keep the incoming TLS level and AUTH-only setting they had; content-filter smtp
     * clients (content_filter = smtp-amavis:[127.0.0.1]:10024) keep their outgoing level: the main.cf change is
     * meant for the Internet, not for hops inside the machine.
     */
    private void pinInternalListeners() {
        List<MasterService> governed = new ArrayList<>(publicSmtpd(master));
        governed.addAll(submissionServices());
        for (MasterService service : master.services()) {
            if (!"smtpd".equals(service.command()) || !"inet".equals(service.type()) || governed.contains(service)) {
                continue;
            }
            Optional<MasterService> before = counterpart(service);
            if (before.isEmpty()) {
                continue;
            }
            if (service.option(LEVEL) == null) {
                pin(service, LEVEL, inbound(mainBefore, before.get()), inbound(main, service), "incoming TLS level");
            }
            if (service.option("smtpd_tls_auth_only") == null) {
                pin(service, "smtpd_tls_auth_only", mainBefore.value(before.get(), "smtpd_tls_auth_only"),
                        main.value(service, "smtpd_tls_auth_only"), "AUTH-only-over-TLS setting");
            }
        }
        for (String transport : contentFilterTransports()) {
            for (MasterService service : master.services()) {
                if (!service.name().equals(transport) || !"unix".equals(service.type())
                        || !"smtp".equals(service.command()) || service.option(OUT_LEVEL) != null) {
                    continue;
                }
                Optional<MasterService> before = counterpart(service);
                if (before.isPresent()) {
                    String was = normalized(mainBefore.value(before.get(), OUT_LEVEL)).toLowerCase(java.util.Locale.ROOT);
                    String now = normalized(main.value(service, OUT_LEVEL)).toLowerCase(java.util.Locale.ROOT);
                    if (!was.equals(now)) {
                        setOption(service, OUT_LEVEL, was, "Content filter transport (content_filter): it hands mail"
                                + " to a filter on this machine and keeps the outgoing TLS level it had ('" + was
                                + "'); the profile's level is for delivery to the Internet.",
                                "master(5) -o", null, false);
                    }
                }
            }
        }
    }

    private void pin(MasterService service, String name, String was, String now, String what) {
        String old = name.equals(LEVEL) ? was : (was.isBlank() ? "no" : was.trim());
        String current = name.equals(LEVEL) ? now : (now.isBlank() ? "no" : now.trim());
        if (!old.equalsIgnoreCase(current)) {
            setOption(service, name, old, "Internal listener (not the public smtp service and not a submission"
                    + " port): it keeps the " + what + " it had ('" + old + "'), so content-filter re-injection,"
                    + " webmail and monitoring connections behave as before the main.cf change.",
                    "master(5) -o", null, false);
        }
    }

    private Set<String> contentFilterTransports() {
        Set<String> names = new java.util.LinkedHashSet<>();
        List<String> values = new ArrayList<>();
        values.add(mainBefore.value("content_filter"));
        masterBefore.services().forEach(s -> values.add(mainBefore.value(s, "content_filter")));
        for (String value : values) {
            int colon = value.indexOf(':');
            if (colon > 0) {
                names.add(value.substring(0, colon).trim());
            }
        }
        return names;
    }

    private void describeListeners() {
        for (MasterService service : master.services()) {
            if (!"smtpd".equals(service.command()) && !"postscreen".equals(service.command())) {
                continue;
            }
            Optional<MasterService> before = counterpart(service);
            String now = describe(main, service);
            String cert = hasCertificate(main, service) ? "" : " (no certificate)";
            if (before.isEmpty()) {
                notes.add("Listener " + service.name() + "/" + service.type() + " is new: incoming TLS " + now
                        + cert + ".");
                continue;
            }
            String was = describe(mainBefore, before.get());
            if (!was.equals(now)) {
                notes.add("Listener " + service.name() + "/" + service.type() + " changes: incoming TLS " + was
                        + " -> " + now + cert + ".");
            }
        }
    }

    private String describe(MainCf cf, MasterService service) {
        return "yes".equalsIgnoreCase(cf.value(service, "smtpd_tls_wrappermode")) ? "TLS from the first byte"
                + " (wrappermode)" : "'" + inbound(cf, service) + "'";
    }

    private Optional<MasterService> counterpart(MasterService service) {
        return masterBefore.services().stream()
                .filter(s -> s.name().equals(service.name()) && s.type().equals(service.type())).findFirst();
    }

    private MasterService refreshed(MasterService service) {
        return master.services().stream().filter(s -> s.name().equals(service.name())
                && s.type().equals(service.type())).findFirst().orElse(service);
    }

    private void setOption(MasterService service, String name, String value, String reason, String source,
            String risk, boolean weakens) {
        MasterService current = refreshed(service);
        String old = current.option(name);
        Map<String, String> wanted = new LinkedHashMap<>();
        wanted.put(name, value);
        if (!master.setOptions(master.indexOf(current), wanted).isEmpty()) {
            changes.add(new Change(Planner.MASTER_CF, "service " + current.name() + "/" + current.type() + " -o "
                    + name, old, value, reason, source, risk, weakens && risk != null));
        }
    }

    /** Postfix reads an empty level as none (the obsolete smtpd_use_tls/smtp_use_tls default to no). */
    static String normalized(String level) {
        return level == null || level.isBlank() ? "none" : level.trim();
    }

    private static boolean same(String a, String b) {
        return a.trim().replaceAll("[\\s,]+", " ").equals(b.trim().replaceAll("[\\s,]+", " "));
    }
}
