package org.postfixtls.wizard.ui.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * Where Postfix's own documentation explains each option the wizard shows: one table, parameter (or topic) → the
 * section of postconf(5), TLS_README or master(5). A test holds it to every parameter named on a page.
 */
final class PostfixDocs {

    static final String SITE = "https://www.postfix.org/";

    /** One section of Postfix's documentation: where it is, and how the link names it ("postconf(5): …"). */
    record Section(String document, String topic, String url) {

        String label() {
            return document + ": " + topic;
        }
    }

    private static final Map<String, Section> TABLE = new LinkedHashMap<>();

    static {
        for (String parameter : new String[] {
                "smtp_tls_security_level", "smtp_dns_support_level", "smtp_tls_policy_maps",
                "smtpd_tls_security_level", "smtpd_tls_auth_only", "smtpd_tls_wrappermode",
                "smtpd_tls_cert_file", "smtpd_tls_key_file", "smtpd_tls_chain_files",
                "smtpd_tls_mandatory_protocols", "smtpd_tls_protocols", "smtpd_tls_mandatory_ciphers",
                "smtpd_tls_ciphers", "smtpd_tls_exclude_ciphers", "smtpd_tls_eecdh_grade", "tls_eecdh_auto_curves",
                "smtpd_tls_session_cache_database", "smtpd_tls_loglevel", "smtpd_sasl_type", "smtpd_sasl_path",
                "smtpd_use_tls", "smtp_tls_mandatory_protocols", "smtp_tls_mandatory_ciphers"}) {
            TABLE.put(parameter, new Section("postconf(5)", parameter, SITE + "postconf.5.html#" + parameter));
        }
        // tls_policy is the wizard's name for the table smtp_tls_policy_maps points to
        TABLE.put("tls_policy", new Section("TLS_README", "TLS policy table", SITE + "TLS_README.html#client_tls_policy"));
        TABLE.put("master.cf", new Section("master(5)", "services in master.cf", SITE + "master.5.html"));
        for (TlsLevel level : TlsLevel.values()) {
            // TLS_README's anchors: "fingerprint" is client_tls_fprint, dane-only is described with dane
            String anchor = "client_tls_" + switch (level) {
                case FINGERPRINT -> "fprint";
                case DANE_ONLY -> "dane";
                default -> level.postfixName();
            };
            TABLE.put(levelKey(level), new Section("TLS_README", "security level \"" + level.postfixName() + "\"",
                    SITE + "TLS_README.html#" + anchor));
        }
    }

    private PostfixDocs() {
    }

    /** The key of an outbound TLS level's section in TLS_README. */
    static String levelKey(TlsLevel level) {
        return "level:" + level.postfixName();
    }

    /** The section for {@code key}; a key without one is a programming error the tests catch. */
    static Section of(String key) {
        Section section = TABLE.get(key);
        if (section == null) {
            throw new IllegalArgumentException("no documentation section for " + key);
        }
        return section;
    }

    static Set<String> keys() {
        return TABLE.keySet();
    }
}
