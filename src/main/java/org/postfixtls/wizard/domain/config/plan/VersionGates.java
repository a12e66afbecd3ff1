package org.postfixtls.wizard.domain.config.plan;

import java.util.List;
import java.util.Optional;

/**
 * TLS parameters that only some Postfix releases know (postconf(5) "This feature is available in Postfix ...",
 * RELEASE_NOTES-3.8 to 3.11). An older Postfix ignores them: postconf warns "unused parameter" and the setting
 * has no effect. {@code backports} names the patch releases of older lines that have it too; the wizard knows only
 * major.minor, so a line with a backport is never judged.
 */
public final class VersionGates {

    /** One parameter, the release that introduced it, the patch releases it was back-ported to, and its source. */
    public record Gate(String parameter, PostfixVersion since, List<PostfixVersion> backportLines, String backports,
            String source) {

        /** "Postfix 3.9" or "Postfix 3.9 (and 3.8.1, 3.7.6, ...)": what a GUI label or a finding says. */
        public String needs() {
            return "Postfix " + since + (backports.isEmpty() ? "" : " (or " + backports + ")");
        }

        /** False only when this release certainly lacks the parameter. */
        public boolean availableOn(PostfixVersion version) {
            return version.atLeast(since) || backportLines.contains(version);
        }
    }

    private static final PostfixVersion V38 = PostfixVersion.V3_8;
    private static final PostfixVersion V39 = PostfixVersion.V3_9;
    private static final PostfixVersion V310 = PostfixVersion.V3_10;
    private static final PostfixVersion V311 = PostfixVersion.V3_11;

    public static final List<Gate> GATES = List.of(
            gate("tls_ffdhe_auto_groups", V38, "RELEASE_NOTES-3.8 [Feature 20230108]; postconf(5) tls_ffdhe_auto_groups"),
            gate("smtpd_tls_enable_rpk", V39, "RELEASE_NOTES-3.9 [Feature 20230807]; postconf(5) smtpd_tls_enable_rpk"),
            gate("smtp_tls_enable_rpk", V39, "RELEASE_NOTES-3.9 [Feature 20230807]; postconf(5) smtp_tls_enable_rpk"),
            gate("lmtp_tls_enable_rpk", V39, "RELEASE_NOTES-3.9 [Feature 20230807]"),
            new Gate("tls_config_file", V39, lines(3, 5, 6, 7, 8), "3.8.1, 3.7.6, 3.6.10, 3.5.20",
                    "RELEASE_NOTES-3.9 [Feature 20230522]; postconf(5) tls_config_file"),
            new Gate("tls_config_name", V39, lines(3, 5, 6, 7, 8), "3.8.1, 3.7.6, 3.6.10, 3.5.20",
                    "RELEASE_NOTES-3.9 [Feature 20230522]; postconf(5) tls_config_name"),
            gate("tls_required_enable", V310, "RELEASE_NOTES-3.10 [Feature 20250117]; postconf(5) tls_required_enable"),
            gate("smtp_tlsrpt_enable", V310, "RELEASE_NOTES-3.10 [Feature 20240926]; postconf(5) smtp_tlsrpt_enable"),
            gate("smtp_tlsrpt_socket_name", V310, "RELEASE_NOTES-3.10 [Feature 20240926]; TLSRPT_README"),
            gate("smtp_tlsrpt_skip_reused_handshakes", V310, "RELEASE_NOTES-3.10 [Feature 20240926]; TLSRPT_README"),
            new Gate("smtp_tls_enforce_sts_mx_patterns", V311, lines(3, 10), "3.10.5",
                    "RELEASE_NOTES-3.11 [Feature 20250906]; postconf(5) smtp_tls_enforce_sts_mx_patterns"),
            gate("requiretls_enable", V311, "RELEASE_NOTES-3.11 [Feature 20241111]; postconf(5) requiretls_enable"),
            gate("smtp_requiretls_policy", V311, "RELEASE_NOTES-3.11 [Feature 20250827]; postconf(5)"
                    + " smtp_requiretls_policy"),
            gate("requiretls_redact_dsn", V311, "RELEASE_NOTES-3.11 [Feature 20250827]"),
            gate("requiretls_esmtp_header", V311, "RELEASE_NOTES-3.11 [Feature 20250916]"),
            gate("smtp_log_tls_feature_status", V311, "RELEASE_NOTES-3.11 [Feature 20250910]; postconf(5)"
                    + " smtp_log_tls_feature_status"));

    private VersionGates() {
    }

    public static Optional<Gate> of(String parameter) {
        return GATES.stream().filter(g -> g.parameter().equals(parameter)).findFirst();
    }

    private static Gate gate(String parameter, PostfixVersion since, String source) {
        return new Gate(parameter, since, List.of(), "", source);
    }

    private static List<PostfixVersion> lines(int major, int... minors) {
        return java.util.Arrays.stream(minors).mapToObj(minor -> new PostfixVersion(major, minor)).toList();
    }
}
