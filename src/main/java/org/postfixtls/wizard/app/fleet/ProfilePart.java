package org.postfixtls.wizard.app.fleet;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.Planner;

/**
 * The parts of a profile an Ansible run can be limited to with tags ({@code --tags outbound}). A change belongs
 * to the part whose setting it writes; a master.cf service without a recognised {@code -o} parameter is
 * submission, a parameter no part names is hardening (protocols, ciphers, caches, logging).
 */
public enum ProfilePart {
    CERTIFICATE(Set.of("smtpd_tls_cert_file", "smtpd_tls_key_file", "smtpd_tls_chain_files", "smtp_tls_CAfile",
            "smtpd_tls_eccert_file", "smtpd_tls_eckey_file", "smtpd_tls_dcert_file", "smtpd_tls_dkey_file")),
    OUTBOUND(Set.of("smtp_tls_security_level", "smtp_dns_support_level", "smtp_use_tls", "smtp_enforce_tls",
            "smtp_tls_enforce_peername", "smtp_tls_per_site")),
    INBOUND(Set.of("smtpd_tls_security_level", "smtpd_tls_auth_only", "smtpd_use_tls", "smtpd_enforce_tls")),
    SUBMISSION(Set.of("smtpd_sasl_auth_enable", "smtpd_sasl_type", "smtpd_sasl_path", "smtpd_relay_restrictions",
            "smtpd_recipient_restrictions", "smtpd_client_restrictions", "smtpd_tls_wrappermode", "syslog_name")),
    HARDENING(Set.of()),
    POLICIES(Set.of("smtp_tls_policy_maps"));

    private final Set<String> parameters;

    ProfilePart(Set<String> parameters) {
        this.parameters = parameters;
    }

    /** The tag name: {@code certificate}, {@code outbound}, ... */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ProfilePart> ofTag(String tag) {
        for (ProfilePart part : values()) {
            if (part.tag().equals(tag)) {
                return Optional.of(part);
            }
        }
        return Optional.empty();
    }

    /**
     * The parts an Ansible run selected: its {@code --tags} (all parts when none names a part, e.g. {@code all}
     * or a phase tag) minus its {@code --skip-tags}.
     */
    public static Set<ProfilePart> selected(Iterable<String> runTags, Iterable<String> skipTags) {
        Set<ProfilePart> selected = EnumSet.noneOf(ProfilePart.class);
        for (String tag : runTags) {
            ofTag(tag).ifPresent(selected::add);
        }
        if (selected.isEmpty()) {
            selected = EnumSet.allOf(ProfilePart.class);
        }
        for (String tag : skipTags) {
            ofTag(tag).ifPresent(selected::remove);
        }
        return selected;
    }

    public static ProfilePart of(Change change) {
        if (change.file().equals(Planner.TLS_POLICY)) {
            return POLICIES;
        }
        String subject = change.subject();
        if (change.file().equals(Planner.MASTER_CF)) {
            int option = subject.indexOf(" -o ");
            if (option < 0) {
                return SUBMISSION;
            }
            String parameter = subject.substring(option + 4).split("[ =]", 2)[0];
            ProfilePart part = ofParameter(parameter);
            return part == HARDENING && !parameter.contains("tls") ? SUBMISSION : part;
        }
        return ofParameter(subject.split(" ", 2)[0]);
    }

    private static ProfilePart ofParameter(String parameter) {
        for (ProfilePart part : values()) {
            if (part.parameters.contains(parameter)) {
                return part;
            }
        }
        return HARDENING;
    }
}
