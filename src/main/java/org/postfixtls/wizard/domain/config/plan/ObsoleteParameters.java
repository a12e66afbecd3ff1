package org.postfixtls.wizard.domain.config.plan;

import java.util.List;
import java.util.Optional;

/**
 * TLS-related parameters that Postfix replaced long ago. Postfix 3.9 and later make {@code postconf} warn about
 * each of them in main.cf or master.cf (RELEASE_NOTES-3.9, "Major changes - feature deprecation": "xxx_use_tls,
 * xxx_enforce_tls (use the corresponding xxx_security_level setting instead); xxx_per_site (use the corresponding
 * xxx_policy_maps setting instead); disable_dns_lookups (use smtp_dns_support_level instead);
 * smtpd_tls_dh1024_param_file, smtpd_tls_eecdh_grade (do not specify, leave at default)").
 */
public final class ObsoleteParameters {

    /** What replaces an obsolete parameter. */
    public enum Kind {
        /** {@code *_use_tls = yes}: the level parameter says {@code may}. */
        USE_TLS,
        /** {@code *_enforce_tls = yes}: the level parameter says {@code encrypt}. */
        ENFORCE_TLS,
        /** A per-site table: the policy maps parameter replaces it (its entries have another syntax). */
        PER_SITE,
        /** {@code *_tls_enforce_peername}: the verify/secure levels replace it. */
        ENFORCE_PEERNAME,
        /** {@code disable_dns_lookups = yes}: {@code smtp_dns_support_level = disabled}. */
        DNS_LOOKUPS,
        /** Leave at default: Postfix chooses better itself. */
        LEAVE_DEFAULT
    }

    /**
     * @param name        the obsolete parameter
     * @param kind        how it is replaced
     * @param replacement the parameter that replaces it (null for LEAVE_DEFAULT and ENFORCE_PEERNAME)
     * @param warnsFrom   the release whose postconf warns about it
     * @param ignoredFrom the release that ignores it (null when it still has an effect while the replacement is
     *                    empty, as the *_use_tls fall-backs do)
     */
    public record Obsolete(String name, Kind kind, String replacement, PostfixVersion warnsFrom,
            PostfixVersion ignoredFrom) {

        /** The sentence after "Replace it with": the modern setting. */
        public String advice() {
            return switch (kind) {
                case USE_TLS -> replacement + " = may";
                case ENFORCE_TLS -> replacement + " = encrypt";
                case PER_SITE -> replacement + " (a TLS policy table)";
                case ENFORCE_PEERNAME -> "the verify or secure level (" + replacement + ")";
                case DNS_LOOKUPS -> "smtp_dns_support_level = disabled (or leave DNS on)";
                case LEAVE_DEFAULT -> "nothing: leave it at Postfix's default";
            };
        }
    }

    private static final PostfixVersion V23 = new PostfixVersion(2, 3);
    private static final PostfixVersion V39 = PostfixVersion.V3_9;
    private static final PostfixVersion V36 = PostfixVersion.MODERN_TLS;

    public static final List<Obsolete> ALL = List.of(
            new Obsolete("smtpd_use_tls", Kind.USE_TLS, "smtpd_tls_security_level", V39, null),
            new Obsolete("smtpd_enforce_tls", Kind.ENFORCE_TLS, "smtpd_tls_security_level", V39, null),
            new Obsolete("smtp_use_tls", Kind.USE_TLS, "smtp_tls_security_level", V39, null),
            new Obsolete("smtp_enforce_tls", Kind.ENFORCE_TLS, "smtp_tls_security_level", V39, null),
            new Obsolete("smtp_tls_per_site", Kind.PER_SITE, "smtp_tls_policy_maps", V39, null),
            new Obsolete("smtp_tls_enforce_peername", Kind.ENFORCE_PEERNAME, "smtp_tls_security_level", V39, null),
            new Obsolete("lmtp_use_tls", Kind.USE_TLS, "lmtp_tls_security_level", V39, null),
            new Obsolete("lmtp_enforce_tls", Kind.ENFORCE_TLS, "lmtp_tls_security_level", V39, null),
            new Obsolete("lmtp_tls_per_site", Kind.PER_SITE, "lmtp_tls_policy_maps", V39, null),
            new Obsolete("lmtp_tls_enforce_peername", Kind.ENFORCE_PEERNAME, "lmtp_tls_security_level", V39, null),
            new Obsolete("postscreen_use_tls", Kind.USE_TLS, "postscreen_tls_security_level", V39, null),
            new Obsolete("postscreen_enforce_tls", Kind.ENFORCE_TLS, "postscreen_tls_security_level", V39, null),
            new Obsolete("tlsproxy_use_tls", Kind.USE_TLS, "tlsproxy_tls_security_level", V39, null),
            new Obsolete("tlsproxy_enforce_tls", Kind.ENFORCE_TLS, "tlsproxy_tls_security_level", V39, null),
            new Obsolete("tlsproxy_client_use_tls", Kind.USE_TLS, "tlsproxy_client_security_level", V39, null),
            new Obsolete("tlsproxy_client_enforce_tls", Kind.ENFORCE_TLS, "tlsproxy_client_security_level", V39, null),
            new Obsolete("tlsproxy_client_per_site", Kind.PER_SITE, "tlsproxy_client_policy_maps", V39, null),
            new Obsolete("disable_dns_lookups", Kind.DNS_LOOKUPS, "smtp_dns_support_level", V39, null),
            new Obsolete("smtpd_tls_dh1024_param_file", Kind.LEAVE_DEFAULT, null, V39, null),
            new Obsolete("postscreen_tls_dh1024_param_file", Kind.LEAVE_DEFAULT, null, V39, null),
            new Obsolete("tlsproxy_tls_dh1024_param_file", Kind.LEAVE_DEFAULT, null, V39, null),
            new Obsolete("smtpd_tls_eecdh_grade", Kind.LEAVE_DEFAULT, null, V39, V36),
            new Obsolete("postscreen_tls_eecdh_grade", Kind.LEAVE_DEFAULT, null, V39, V36),
            new Obsolete("tlsproxy_tls_eecdh_grade", Kind.LEAVE_DEFAULT, null, V39, V36));

    /** The parameters replaced since Postfix 2.3 (by the security levels and policy maps). */
    public static boolean replacedIn23(Obsolete o) {
        return o.kind() != Kind.LEAVE_DEFAULT && o.kind() != Kind.DNS_LOOKUPS;
    }

    /** "obsolete since Postfix 2.3", "deprecated since Postfix 2.11" or "ignored since 3.6": the history in words. */
    public static String history(Obsolete o) {
        if (replacedIn23(o)) {
            return "obsolete since Postfix " + V23;
        }
        if (o.kind() == Kind.DNS_LOOKUPS) {
            return "deprecated since Postfix 2.11";
        }
        return o.ignoredFrom() != null ? "ignored since Postfix " + o.ignoredFrom() : "deprecated";
    }

    private ObsoleteParameters() {
    }

    public static Optional<Obsolete> of(String name) {
        return ALL.stream().filter(o -> o.name().equals(name)).findFirst();
    }
}
