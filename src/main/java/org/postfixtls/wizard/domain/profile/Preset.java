package org.postfixtls.wizard.domain.profile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Hardening presets. Each one is traceable: {@code runbook} to seed 000 (hardening runbook), {@code mandatory}
 * to seed 001 (mandatory-TLS guide), {@code recommended} to Postfix's TLS_README and postconf(5).
 */
public enum Preset {
    RUNBOOK("runbook"), MANDATORY("mandatory"), RECOMMENDED("recommended");

    public static final String DEBIAN_CA_FILE = "/etc/ssl/certs/ca-certificates.crt";

    private final String jsonName;

    Preset(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    public static Optional<Preset> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.jsonName.equals(text)).findFirst();
    }

    /** The complete profile this preset stands for; a profile file overrides single keys of it. */
    public Profile baseline() {
        Profile.Submission submission = new Profile.Submission(new Profile.Listener(true, 587),
                new Profile.Listener(true, 465));
        return switch (this) {
            case RUNBOOK -> new Profile(Profile.SCHEMA, this, new Profile.Certificate(null, null, null),
                    new Profile.Outbound(TlsLevel.MAY, false), new Profile.Inbound(TlsLevel.MAY, true), submission,
                    // decision 0047: the seed leaves protocols at Postfix's defaults believing them modern; they
                    // still accept TLS 1.0/1.1 (>=TLSv1 since 3.6), so the floor where TLS is mandatory is explicit
                    new Profile.Hardening("TLSv1.2", false, "high", null,
                            List.of("aNULL", "MD5", "DES", "3DES", "RC4", "EXPORT", "eNULL"), false, "strong", true),
                    new Profile.SessionCache(false, 3600), new Profile.Logging(null, null, null), List.of(), null);
            case MANDATORY -> new Profile(Profile.SCHEMA, this, new Profile.Certificate(null, null, DEBIAN_CA_FILE),
                    new Profile.Outbound(TlsLevel.ENCRYPT, false), new Profile.Inbound(TlsLevel.ENCRYPT, true),
                    submission,
                    new Profile.Hardening("TLSv1.2", true, "high", "high",
                            List.of("aNULL", "eNULL", "EXPORT", "DES", "3DES", "MD5", "PSK", "RC4"), true, null, null),
                    new Profile.SessionCache(true, 3600), new Profile.Logging(1, 1, true), List.of(), null);
            case RECOMMENDED -> new Profile(Profile.SCHEMA, this, new Profile.Certificate(null, null, DEBIAN_CA_FILE),
                    new Profile.Outbound(TlsLevel.MAY, false), new Profile.Inbound(TlsLevel.MAY, true), submission,
                    // aNULL: postconf(5)'s own smtpd_tls_exclude_ciphers example. Without it Postfix's smtpd picks an
                    // anonymous suite when a client offers only those (3.5, 3.7 and 3.10 beds, issue 16), which
                    // verify fails on every port (decision 0046); no real client offers only anonymous suites, so
                    // no peer falls back to plaintext
                    new Profile.Hardening("TLSv1.2", false, "high", null, List.of("aNULL"), false, null, null),
                    new Profile.SessionCache(true, 3600), new Profile.Logging(1, 1, true), List.of(), null);
        };
    }

    /**
     * The {@code -o} options of a submission service (587 STARTTLS or 465 implicit TLS), as the preset's seed
     * writes them.
     */
    public Map<String, String> submissionOptions(boolean implicitTls) {
        Map<String, String> options = new LinkedHashMap<>();
        if (this != RUNBOOK) {
            options.put("syslog_name", implicitTls ? "postfix/submissions" : "postfix/submission");
        }
        if (implicitTls) {
            options.put("smtpd_tls_wrappermode", "yes");
        } else {
            options.put("smtpd_tls_security_level", "encrypt");
        }
        options.put("smtpd_sasl_auth_enable", "yes");
        options.put("smtpd_tls_auth_only", "yes");
        switch (this) {
            case RUNBOOK -> options.put("smtpd_relay_restrictions", "permit_sasl_authenticated,reject");
            case MANDATORY -> {
                options.put("smtpd_reject_unlisted_recipient", "no");
                options.put("smtpd_client_restrictions", "permit_sasl_authenticated,reject");
                options.put("milter_macro_daemon_name", "ORIGINATING");
            }
            case RECOMMENDED -> {
                options.put("smtpd_reject_unlisted_recipient", "no");
                options.put("smtpd_client_restrictions", "permit_sasl_authenticated,reject");
                options.put("smtpd_relay_restrictions", "permit_sasl_authenticated,reject");
                options.put("milter_macro_daemon_name", "ORIGINATING");
            }
        }
        return options;
    }
}
