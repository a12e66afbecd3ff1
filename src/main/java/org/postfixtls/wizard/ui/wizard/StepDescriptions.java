package org.postfixtls.wizard.ui.wizard;

import java.util.List;
import java.util.Map;

/** What each step configures, in the user's words; shown on steps whose controls are still to come. */
public final class StepDescriptions {

    /**
     * @param title    the step's heading
     * @param purpose  one paragraph: what the step decides and why it matters
     * @param settings the Postfix settings or artefacts the step will write or check
     */
    public record StepDescription(String id, String title, String purpose, List<String> settings) {
    }

    private static final Map<String, StepDescription> DESCRIPTIONS = Map.ofEntries(
            entry("certificate", "Certificate",
                    "Choose the certificate and private key Postfix presents. The wizard will check the chain is complete "
                            + "(fullchain.pem, not a lone cert.pem), the key matches and is unencrypted, the names cover the "
                            + "server, the expiry date, and that the key is readable only by root and Postfix.",
                    "smtpd_tls_chain_files or smtpd_tls_cert_file / smtpd_tls_key_file",
                    "smtp_tls_CAfile, smtpd_tls_CAfile",
                    "a Certbot deploy hook that reloads Postfix after renewal"),
            entry("outbound", "Outbound TLS",
                    "Decide how this server talks to other mail servers on port 25. Opportunistic TLS (may) encrypts when "
                            + "the other side can and still delivers when it cannot; mandatory TLS (encrypt) keeps mail in the "
                            + "queue for servers without TLS. DANE verifies with DNSSEC-signed TLSA records.",
                    "smtp_tls_security_level (none, may, encrypt, dane, dane-only, fingerprint, verify, secure)",
                    "smtp_dns_support_level = dnssec when DANE is chosen",
                    "smtp_tls_loglevel, smtp_tls_session_cache_database"),
            entry("inbound", "Inbound TLS",
                    "Decide what this server offers to clients and other servers connecting to it. A public MX must not "
                            + "require TLS on port 25 (RFC 3207); AUTH should only be offered once TLS is up.",
                    "smtpd_tls_security_level (none, may, encrypt)",
                    "smtpd_tls_auth_only",
                    "smtpd_tls_received_header, smtpd_tls_loglevel, smtpd_tls_session_cache_database"),
            entry("submission", "Submission ports",
                    "Turn on the ports mail clients use: 587 with STARTTLS required, 465 with implicit TLS. Debian's "
                            + "commented-out blocks in master.cf are enabled in place rather than duplicated.",
                    "master.cf: submission (587) with -o smtpd_tls_security_level=encrypt",
                    "master.cf: submissions (465) with -o smtpd_tls_wrappermode=yes",
                    "-o smtpd_sasl_auth_enable=yes, -o smtpd_tls_auth_only=yes, "
                            + "-o smtpd_relay_restrictions=permit_sasl_authenticated,reject"),
            entry("hardening", "Hardening",
                    "Pick protocol and cipher hardening: the runbook's, the mandatory-TLS guide's, or the recommended "
                            + "preset that follows Postfix's own documentation. Settings that do not exist in the server's "
                            + "Postfix version are left out.",
                    "smtpd_tls_protocols / smtpd_tls_mandatory_protocols (>=TLSv1.2 on Postfix 3.6+)",
                    "smtpd_tls_mandatory_ciphers, smtpd_tls_exclude_ciphers",
                    "tls_preempt_cipherlist"),
            entry("policies", "Domain policies",
                    "Require or verify TLS for particular destinations, e.g. a partner bank. Note: a \u201c*\u201d line in "
                            + "a TLS policy table is never looked up by Postfix; a default for all destinations belongs "
                            + "in smtp_tls_security_level.",
                    "smtp_tls_policy_maps = <default_database_type>:/etc/postfix/tls_policy",
                    "the tls_policy table and its postmap"),
            entry("dns", "DNS records",
                    "The records that let other servers authenticate yours: DANE TLSA, MTA-STS and TLS-RPT, ready to "
                            + "copy into your DNS zone.",
                    "_25._tcp.<mx> TLSA 3 1 1 <sha256 of the public key>",
                    "_mta-sts.<domain> TXT and the mta-sts.txt policy file",
                    "_smtp._tls.<domain> TXT with the report address"),
            entry("preview", "Preview",
                    "The exact change to every file, line by line, with the reason for each change and its risk. Nothing "
                            + "is deployed without passing this screen.",
                    "unified diff of main.cf, master.cf and tls_policy",
                    "findings of the configuration lint"),
            entry("deploy", "Deploy",
                    "Apply the change as one transaction over SSH: lock, back up, stage and validate with the server's own "
                            + "Postfix, swap atomically, reload, health-check, and roll back automatically on any failure.",
                    "backups with a manifest on the server",
                    "postfix check, postmap, postfix reload"),
            entry("export", "Export bundle",
                    "Write the planned files, the diff and an apply script that stages, validates and can roll back, "
                            + "for a server this computer cannot reach.",
                    "main.cf, master.cf, tls_policy", "changes.diff", "apply.sh"),
            entry("verify", "Verify",
                    "Prove the result from outside: STARTTLS on each port, protocol versions accepted and refused, ciphers, "
                            + "the certificate actually served, and AUTH offered only after TLS.",
                    "ports 25, 587 and 465", "the runbook's \u201cDone\u201d checklist", "a report in HTML, Markdown or JSON"));

    private StepDescriptions() {
    }

    private static Map.Entry<String, StepDescription> entry(String id, String title, String purpose, String... settings) {
        return Map.entry(id, new StepDescription(id, title, purpose, List.of(settings)));
    }

    public static StepDescription of(String id) {
        StepDescription description = DESCRIPTIONS.get(id);
        if (description == null) {
            throw new IllegalArgumentException("No description for step " + id);
        }
        return description;
    }
}
