package org.postfixtls.wizard.domain.config.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * The master.cf part of a plan: one smtpd service per submission port with the seeds' {@code -o} options.
 * An existing service on the port is edited; otherwise a commented-out block (Debian ships
 * {@code #submission} and {@code #submissions}) is enabled in place; only then is a service appended.
 * On an existing service only the TLS options are enforced; its site options (syslog_name, restrictions, milter
 * macros) stay as the admin wrote them and only missing ones are added. When the only certificate of the server is
 * set by {@code -o} on another service, a submission service without one gets the same {@code -o} options.
 */
final class SubmissionServices {

    private static final String SOURCE = "the hardening runbook 'Inbound: require TLS on submission'; the mandatory-TLS guide step 3";
    /** Options that decide whether the service protects passwords; they are enforced even on existing services. */
    static final Set<String> TLS_OPTIONS = Set.of("smtpd_tls_security_level", "smtpd_tls_wrappermode",
            "smtpd_tls_auth_only", "smtpd_sasl_auth_enable");

    private final PlanRequest request;
    private final MainCf main;
    private final List<Change> changes;
    private final List<String> notes;
    private final MasterCf master;

    SubmissionServices(PlanRequest request, MainCf main, MasterCf master, List<Change> changes, List<String> notes) {
        this.request = request;
        this.main = main;
        this.changes = changes;
        this.notes = notes;
        this.master = master;
    }

    String apply() {
        Profile.Submission submission = request.profile().submission();
        if (submission.starttls().enabled()) {
            ensure(submission.starttls().port(), false);
        }
        if (submission.implicitTls().enabled()) {
            ensure(submission.implicitTls().port(), true);
        }
        return master.render();
    }

    private void ensure(int port, boolean implicitTls) {
        String name = MasterService.serviceNameForPort(port);
        Map<String, String> options = request.profile().preset().submissionOptions(implicitTls);
        String what = implicitTls ? "implicit TLS (SMTPS) on port " + port : "STARTTLS submission on port " + port;
        String reason = "Mail clients submit with " + what + "; TLS is required there because these connections"
                + " carry passwords.";
        List<MasterService> active = master.servicesOnPort(port);
        if (!active.isEmpty()) {
            MasterService keep = active.get(0);
            Map<String, String> wanted = new LinkedHashMap<>();
            List<String> kept = new java.util.ArrayList<>();
            options.forEach((option, value) -> {
                String current = keep.option(option);
                if (current == null || (TLS_OPTIONS.contains(option) && !main.expand(current).equals(value))) {
                    wanted.put(option, value);
                } else if (!TLS_OPTIONS.contains(option) && !current.equals(value)) {
                    kept.add(option + "=" + current);
                }
            });
            wanted.putAll(certificateOptions(keep));
            List<String> changed = master.setOptions(master.indexOf(keep), wanted);
            if (!changed.isEmpty()) {
                changes.add(new Change(Planner.MASTER_CF, "service " + keep.name() + "/inet", describe(keep.options()),
                        describe(wanted), reason + " Changed or added options: " + String.join(", ", changed) + "."
                        + (kept.isEmpty() ? "" : " The service's own site options stay (" + String.join(", ", kept)
                        + "): they do not weaken TLS."), SOURCE, null));
            } else if (!kept.isEmpty()) {
                notes.add("Service " + keep.name() + "/inet keeps its own site options (" + String.join(", ", kept)
                        + "); they do not weaken TLS.");
            }
            for (MasterService duplicate : active.subList(1, active.size())) {
                master.commentOut(master.indexOf(duplicate));
                changes.add(new Change(Planner.MASTER_CF, "service " + duplicate.name() + "/inet",
                        describe(duplicate.options()), null, "A second service on port " + port + " would fail to"
                        + " bind; exactly one service per port (kept " + keep.name() + ").", "master(5)",
                        "The commented-out service's own options no longer apply."));
            }
            return;
        }
        Optional<MasterService> commented = commentedCandidate(port, implicitTls);
        if (commented.isPresent()) {
            MasterService block = commented.get();
            String enabledName = block.port().orElse(-1) == port ? block.name() : name;
            options = withCertificate(options, null);
            master.enableCommented(master.indexOf(block), enabledName, options);
            changes.add(new Change(Planner.MASTER_CF, "service " + enabledName + "/inet", null, describe(options), reason
                    + " Enabled the commented-out '" + commented.get().name() + "' block in place.", SOURCE, null));
            return;
        }
        options = withCertificate(options, null);
        master.appendService(name + " inet n - " + chroot() + " - - smtpd", options);
        changes.add(new Change(Planner.MASTER_CF, "service " + name + "/inet", null, describe(options), reason, SOURCE,
                null));
    }

    private Map<String, String> withCertificate(Map<String, String> options, MasterService service) {
        Map<String, String> all = new LinkedHashMap<>(options);
        all.putAll(certificateOptions(service));
        return all;
    }

    /**
     * The certificate options a submission service needs when neither the profile nor main.cf names a certificate
     * but another service sets one by -o (the only certificate of the server): the same options.
     */
    private Map<String, String> certificateOptions(MasterService service) {
        Profile.Certificate cert = request.profile().certificate();
        if ((cert.chainFile() != null && cert.keyFile() != null) || ServiceOverrides.hasCertificate(main, service)) {
            return Map.of();
        }
        for (MasterService other : master.services()) {
            if (other != service && ServiceOverrides.hasCertificate(main, other)) {
                Map<String, String> copied = new LinkedHashMap<>();
                for (String name : ServiceOverrides.CERT_PARAMETERS) {
                    if (other.option(name) != null) {
                        copied.put(name, other.option(name));
                    }
                }
                if (!copied.isEmpty()) {
                    notes.add("The server's only certificate is set by -o on " + other.name() + "/" + other.type()
                            + "; the submission service gets the same certificate options.");
                    return copied;
                }
            }
        }
        return Map.of();
    }

    /** A commented block for this port, or Debian's block for the standard port when that port is unused. */
    private Optional<MasterService> commentedCandidate(int port, boolean implicitTls) {
        List<MasterService> all = master.commentedServices().stream()
                .filter(s -> "inet".equals(s.type()) && !s.boundToHost() && "smtpd".equals(s.command())).toList();
        Optional<MasterService> samePort = all.stream()
                .filter(s -> s.port().isPresent() && s.port().getAsInt() == port).findFirst();
        if (samePort.isPresent()) {
            return samePort;
        }
        int standardPort = implicitTls ? 465 : 587;
        Set<String> standardNames = implicitTls ? Set.of("submissions", "smtps") : Set.of("submission");
        if (!master.servicesOnPort(standardPort).isEmpty() || otherListenerUses(standardPort)) {
            return Optional.empty();
        }
        return all.stream().filter(s -> standardNames.contains(s.name())).findFirst();
    }

    private boolean otherListenerUses(int port) {
        Profile.Submission s = request.profile().submission();
        return (s.starttls().enabled() && s.starttls().port() == port)
                || (s.implicitTls().enabled() && s.implicitTls().port() == port);
    }

    /** The chroot column of the smtp service, so a new service runs like its neighbour. */
    private String chroot() {
        return master.servicesOnPort(25).stream().findFirst().map(MasterService::chroot).orElse("-");
    }

    private static String describe(Map<String, String> options) {
        StringBuilder text = new StringBuilder();
        options.forEach((k, v) -> text.append(text.length() == 0 ? "" : " ").append("-o ").append(k).append('=').append(v));
        return text.toString();
    }
}
