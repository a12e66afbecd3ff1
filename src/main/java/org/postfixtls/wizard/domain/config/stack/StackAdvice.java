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
 * What the preview tells the admin of a recognised stack that has no override file the plan could write: which of
 * the plan's settings Mail-in-a-Box's setup will undo, and that iRedMail leaves its files alone. (mailcow, Mailu
 * and docker-mailserver get their override files written instead: plan.StackRedirect.)
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
            // their plans are written into the stack's override files (plan.StackRedirect), which says so itself
            case MAILCOW, MAILU, DOCKER_MAILSERVER -> {
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
