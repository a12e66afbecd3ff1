package org.postfixtls.wizard.domain.config.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;

/**
 * What the preview tells the admin of a recognised stack: where the plan's settings must go so that the stack's
 * own startup or setup does not undo them, with the exact lines. This tool writes main.cf, master.cf and
 * tls_policy only; it says so instead of pretending the stack's override file was written.
 */
public final class StackAdvice {

    /** The parameters Mail-in-a-Box's setup/mail-postfix.sh sets with tools/editconf.py on every run. */
    static final Set<String> MAIL_IN_A_BOX_PARAMETERS = Set.of("smtpd_tls_security_level", "smtpd_tls_auth_only",
            "smtpd_tls_cert_file", "smtpd_tls_key_file", "smtpd_tls_dh1024_param_file", "smtpd_tls_protocols",
            "smtpd_tls_ciphers", "tls_medium_cipherlist", "smtpd_tls_exclude_ciphers", "tls_preempt_cipherlist",
            "smtpd_tls_received_header", "smtpd_tls_mandatory_protocols", "smtpd_tls_mandatory_ciphers",
            "tls_high_cipherlist", "smtpd_tls_mandatory_exclude_ciphers", "smtp_tls_protocols", "smtp_tls_ciphers",
            "smtp_tls_exclude_ciphers", "smtp_tls_security_level", "smtp_dns_support_level",
            "smtp_tls_mandatory_protocols", "smtp_tls_mandatory_ciphers", "smtp_tls_CAfile", "smtp_tls_loglevel");

    private static final Set<String> MAIL_IN_A_BOX_SERVICES = Set.of("smtps/inet", "submission/inet",
            "authclean/unix");

    private StackAdvice() {
    }

    /** Notes for the plan's preview; empty when the plan changes nothing. */
    public static List<String> notes(DetectedStack detected, String mainBefore, String mainAfter, String masterBefore,
            String masterAfter) {
        Objects.requireNonNull(detected, "detected");
        Map<String, String> mainLines = changedParameters(mainBefore, mainAfter);
        List<String> removed = removedParameters(mainBefore, mainAfter);
        List<String> masterLines = changedServiceOptions(masterBefore, masterAfter);
        List<String> newServices = addedServices(masterBefore, masterAfter);
        if (mainLines.isEmpty() && removed.isEmpty() && masterLines.isEmpty() && newServices.isEmpty()) {
            return List.of();
        }
        String who = detected.stack().displayName() + " recognised (" + detected.evidence() + "). ";
        List<String> notes = new ArrayList<>();
        switch (detected.stack()) {
            case MAILCOW -> {
                notes.add(who + "mailcow's Postfix container keeps main.cf only up to the '# Overrides #' line at"
                        + " every start and then appends data/conf/postfix/extra.cf, so settings added to main.cf are"
                        + " lost on the next start. This tool does not write extra.cf: put these lines into"
                        + " data/conf/postfix/extra.cf (in the container /opt/postfix/conf/extra.cf) instead of"
                        + " deploying main.cf:" + lines(mainLines) + removedText(removed));
                if (!masterLines.isEmpty() || !newServices.isEmpty()) {
                    notes.add("mailcow does not rewrite master.cf at start: the master.cf changes of this plan stay"
                            + " in data/conf/postfix/master.cf.");
                }
            }
            case MAILU -> {
                notes.add(who + "Mailu writes main.cf and master.cf from its templates at every start of the postfix"
                        + " container, so edits to them are lost. This tool does not write Mailu's override files:"
                        + " put these lines into overrides/postfix/postfix.cf (seen as /overrides/postfix.cf in the"
                        + " container; one setting per line, applied with postconf -e):" + lines(mainLines)
                        + removedText(removed));
                if (!masterLines.isEmpty() || !newServices.isEmpty()) {
                    notes.add("Mailu: the master.cf changes (" + String.join(", ", serviceNames(masterLines,
                            newServices)) + ") go into overrides/postfix/postfix.master as complete service entries"
                            + " (one per line, applied with postconf -Me).");
                }
            }
            case DOCKER_MAILSERVER -> {
                notes.add(who + "docker-mailserver starts every container from the image's main.cf and master.cf"
                        + " and then applies docker-data/dms/config/postfix-main.cf (appended, earlier duplicates"
                        + " removed) and postfix-master.cf (service/type/parameter=value lines for postconf -P), so"
                        + " edits inside the container are lost when it is recreated. This tool does not write those"
                        + " files: put these lines into postfix-main.cf:" + lines(mainLines) + removedText(removed)
                        + (masterLines.isEmpty() ? "" : " and these into postfix-master.cf:"
                                + String.join("", masterLines.stream().map(l -> "\n    " + l).toList())));
                if (!newServices.isEmpty()) {
                    notes.add("docker-mailserver: postfix-master.cf can only change existing services; the new"
                            + " service(s) " + String.join(", ", newServices) + " need a master.cf mounted over the"
                            + " image's.");
                }
            }
            case MAIL_IN_A_BOX -> {
                List<String> reset = mainLines.keySet().stream().filter(MAIL_IN_A_BOX_PARAMETERS::contains).toList();
                List<String> resetServices = serviceNames(masterLines, newServices).stream()
                        .filter(MAIL_IN_A_BOX_SERVICES::contains).toList();
                notes.add(who + "Mail-in-a-Box's setup/mail-postfix.sh runs again on every upgrade (and with 'sudo"
                        + " mailinabox') and sets its own values with tools/editconf.py; it documents no override"
                        + " file. It will undo "
                        + (reset.isEmpty() && resetServices.isEmpty() ? "none of this plan's settings"
                                : String.join(", ", reset) + (resetServices.isEmpty() ? ""
                                        : (reset.isEmpty() ? "" : " and ") + "the master.cf services "
                                                + String.join(", ", resetServices)))
                        + ": apply this plan again after each Mail-in-a-Box upgrade.");
            }
            case IREDMAIL -> notes.add(who + "iRedMail writes main.cf and master.cf only when it is installed and"
                    + " nothing rewrites them at start, so the plan edits them in place.");
        }
        return notes;
    }

    private static String lines(Map<String, String> parameters) {
        StringBuilder text = new StringBuilder();
        parameters.forEach((name, value) -> text.append("\n    ").append(name).append(" = ").append(value));
        return text.toString();
    }

    private static String removedText(List<String> removed) {
        return removed.isEmpty() ? "" : "\n  The plan also removes " + String.join(", ", removed)
                + " from main.cf: remove them from the stack's own files as well.";
    }

    /** Parameters whose effective value the plan sets or changes, with the new value. */
    static Map<String, String> changedParameters(String before, String after) {
        Map<String, String> old = MainCf.parse(before).parameters();
        Map<String, String> changed = new LinkedHashMap<>();
        MainCf.parse(after).parameters().forEach((name, value) -> {
            if (!value.equals(old.get(name))) {
                changed.put(name, value);
            }
        });
        return changed;
    }

    private static List<String> removedParameters(String before, String after) {
        Map<String, String> now = MainCf.parse(after).parameters();
        return MainCf.parse(before).parameters().keySet().stream().filter(name -> !now.containsKey(name)).toList();
    }

    /** {@code service/type/parameter=value} for every -o the plan sets or changes on a service that existed. */
    static List<String> changedServiceOptions(String before, String after) {
        List<MasterService> old = MasterCf.parse(before).services();
        List<String> lines = new ArrayList<>();
        for (MasterService service : MasterCf.parse(after).services()) {
            old.stream().filter(o -> o.name().equals(service.name()) && o.type().equals(service.type())).findFirst()
                    .ifPresent(o -> service.options().forEach((name, value) -> {
                        if (!value.equals(o.option(name))) {
                            lines.add(service.name() + "/" + service.type() + "/" + name + "=" + value);
                        }
                    }));
        }
        return lines;
    }

    private static List<String> addedServices(String before, String after) {
        List<MasterService> old = MasterCf.parse(before).services();
        return MasterCf.parse(after).services().stream()
                .filter(s -> old.stream().noneMatch(o -> o.name().equals(s.name()) && o.type().equals(s.type())))
                .map(s -> s.name() + "/" + s.type()).toList();
    }

    private static List<String> serviceNames(List<String> optionLines, List<String> newServices) {
        List<String> names = new ArrayList<>();
        optionLines.stream().map(l -> l.substring(0, l.indexOf('/', l.indexOf('/') + 1))).distinct()
                .forEach(names::add);
        newServices.stream().filter(s -> !names.contains(s)).forEach(names::add);
        return names;
    }
}
