package org.postfixtls.wizard.domain.config.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.policy.PolicyDestination;
import org.postfixtls.wizard.domain.config.policy.PolicyMap;
import org.postfixtls.wizard.domain.config.stack.StackAdvice;
import org.postfixtls.wizard.domain.config.stack.StackDetector;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * Turns the server's current files and a profile into the files Postfix should have. Pure: no I/O, the same
 * input always gives the same output, and planning again on the output changes nothing.
 */
public final class Planner {

    public static final String MAIN_CF = "main.cf";
    public static final String MASTER_CF = "master.cf";
    public static final String TLS_POLICY = "tls_policy";

    static final String SECTION_COMMENT = "# TLS settings added by Postfix TLS Wizard";

    private static final String SEED_RUNBOOK = "seed 000 (hardening runbook)";
    private static final String SEED_MANDATORY = "seed 001 (mandatory-TLS guide)";

    private Planner() {
    }

    public static ChangeSet plan(PlanRequest request) {
        return new Run(request).execute();
    }

    /** The state of one planning run. */
    private static final class Run {
        private final PlanRequest request;
        private final Profile profile;
        private final PostfixVersion version;
        private final MainCf main;
        private final List<Change> changes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        Run(PlanRequest request) {
            this.request = request;
            this.profile = request.profile();
            this.version = request.version();
            this.main = MainCf.parse(request.mainCf());
        }

        ChangeSet execute() {
            migrateObsolete();
            inbound();
            certificate();
            outbound();
            hardening();
            sessionCacheAndLogging();
            String policyAfter = policies();
            String masterAfter = new SubmissionServices(request, changes).apply();
            List<FileChange> files = new ArrayList<>();
            files.add(new FileChange(MAIN_CF, request.mainCf(), main.render()));
            files.add(new FileChange(MASTER_CF, request.masterCf(), masterAfter));
            if (policyAfter != null) {
                files.add(new FileChange(TLS_POLICY, request.policyMap(), policyAfter));
            }
            StackDetector.detect(request.mainCf(), request.masterCf(), List.of()).ifPresent(stack -> notes.addAll(
                    StackAdvice.notes(stack, request.mainCf(), main.render(), request.masterCf(), masterAfter)));
            return new ChangeSet(files, changes, notes);
        }

        private void migrateObsolete() {
            String inboundLevel = profile.inbound().level().postfixName();
            String outboundLevel = profile.outbound().level().postfixName();
            remove("smtpd_use_tls", "Obsolete since Postfix 2.3; smtpd_tls_security_level = " + inboundLevel
                    + " replaces it.", "postconf(5) smtpd_use_tls", null);
            remove("smtpd_enforce_tls", "Obsolete since Postfix 2.3; smtpd_tls_security_level = " + inboundLevel
                    + " replaces it.", "postconf(5) smtpd_enforce_tls", null);
            remove("smtp_use_tls", "Obsolete since Postfix 2.3; smtp_tls_security_level = " + outboundLevel
                    + " replaces it.", "postconf(5) smtp_use_tls", null);
            remove("smtp_enforce_tls", "Obsolete since Postfix 2.3; smtp_tls_security_level = " + outboundLevel
                    + " replaces it.", "postconf(5) smtp_enforce_tls", null);
            remove("smtp_tls_enforce_peername", "Obsolete since Postfix 2.3; the verify/secure levels replace it.",
                    "postconf(5) smtp_tls_enforce_peername", null);
            Optional<String> perSite = main.get("smtp_tls_per_site");
            remove("smtp_tls_per_site", "Obsolete since Postfix 2.3; smtp_tls_policy_maps replaces it.",
                    "postconf(5) smtp_tls_per_site", perSite.map(table -> "The entries of " + table
                            + " are not carried over; add them to the profile's policies.").orElse(null));
            if (version.atLeast(PostfixVersion.MODERN_TLS)) {
                remove("smtpd_tls_eecdh_grade", "Postfix " + version + " ignores smtpd_tls_eecdh_grade (since 3.6"
                        + " the key-exchange groups come from tls_eecdh_auto_curves).",
                        "postconf(5) smtpd_tls_eecdh_grade", null);
            }
        }

        private void inbound() {
            TlsLevel level = profile.inbound().level();
            set("smtpd_tls_security_level", level.postfixName(), switch (level) {
                case NONE -> "The profile turns TLS off for incoming SMTP.";
                case ENCRYPT -> "The profile requires TLS from every SMTP client, as the mandatory-TLS guide does.";
                default -> "Offer STARTTLS to every SMTP client without requiring it, so mail from servers"
                        + " without TLS still arrives.";
            }, level == TlsLevel.ENCRYPT ? SEED_MANDATORY + " step 2" : SEED_RUNBOOK + " 'Inbound'",
                    level == TlsLevel.ENCRYPT ? "RFC 3207 section 4: a publicly referenced MX must not require TLS;"
                            + " servers without TLS can no longer deliver to you." : level == TlsLevel.NONE
                            ? "Mail and credentials arrive in clear text." : null);
            set("smtpd_tls_auth_only", profile.inbound().authOnly() ? "yes" : "no", profile.inbound().authOnly()
                    ? "Offer AUTH only after STARTTLS, so credentials never cross the network in clear."
                    : "The profile allows AUTH without TLS.", SEED_RUNBOOK + " 'Inbound: require TLS on submission'",
                    profile.inbound().authOnly() ? null : "Passwords can be sent in clear text.");
        }

        private void certificate() {
            Profile.Certificate cert = profile.certificate();
            if (cert.chainFile() != null && cert.keyFile() != null) {
                boolean useChainFiles = version.atLeast(PostfixVersion.CHAIN_FILES) && main.isSet("smtpd_tls_chain_files");
                if (useChainFiles) {
                    set("smtpd_tls_chain_files", cert.keyFile() + ", " + cert.chainFile(), "Key and certificate chain"
                            + " in one setting (the server already uses smtpd_tls_chain_files).",
                            "postconf(5) smtpd_tls_chain_files", null);
                } else {
                    remove("smtpd_tls_chain_files", "Postfix " + version + " does not support smtpd_tls_chain_files"
                            + " (added in 3.4); the cert/key file settings replace it.",
                            "postconf(5) smtpd_tls_chain_files", null);
                    set("smtpd_tls_cert_file", cert.chainFile(), "The server certificate with its intermediates"
                            + " (fullchain), so clients can build the chain.", SEED_RUNBOOK + " 'Certificate'",
                            cert.chainFile().endsWith("/cert.pem") ? "cert.pem has no intermediate certificates;"
                                    + " use fullchain.pem." : null);
                    set("smtpd_tls_key_file", cert.keyFile(), "The private key matching the certificate.",
                            SEED_RUNBOOK + " 'Certificate'", "The key must be readable only by root.");
                }
            }
            if (cert.caFile() != null) {
                set("smtp_tls_CAfile", cert.caFile(), "Trust anchors for verifying remote servers' certificates"
                        + " (verify/secure levels) and for logging them as trusted.", SEED_MANDATORY + " step 2", null);
            }
        }

        private void outbound() {
            TlsLevel level = profile.outbound().level();
            String risk = switch (level) {
                case NONE -> "Outgoing mail is sent in clear text even to servers that offer TLS.";
                case ENCRYPT -> "Mail to servers without TLS is deferred and finally bounced instead of sent in clear.";
                case DANE_ONLY -> "Mail to domains without DNSSEC-signed TLSA records is deferred.";
                case VERIFY, SECURE, FINGERPRINT -> "Most internet MX certificates do not match; as a global"
                        + " default this defers much of your outgoing mail.";
                default -> null;
            };
            set("smtp_tls_security_level", level.postfixName(), switch (level) {
                case MAY -> "Use TLS whenever the receiving server offers it and fall back to plaintext otherwise"
                        + " (opportunistic TLS, the right default for internet mail).";
                case ENCRYPT -> "Send mail only over TLS; without TLS it waits in the queue.";
                case DANE, DANE_ONLY -> "Authenticate receiving servers by their DNSSEC-signed TLSA records.";
                default -> "The profile's global outgoing TLS level.";
            }, level == TlsLevel.MAY ? SEED_RUNBOOK + " 'Outbound: use TLS when available'"
                    : level.usesDane() ? SEED_MANDATORY + " step 5 (DANE)" : SEED_MANDATORY + " step 2", risk);
            boolean dane = level.usesDane() || profile.policies().stream().anyMatch(p -> p.level().usesDane());
            if (dane || profile.outbound().dnssec()) {
                set("smtp_dns_support_level", "dnssec", "DANE needs DNSSEC-validated lookups; without"
                        + " 'dnssec' Postfix silently downgrades dane to may.", SEED_MANDATORY + " step 5; TLS_README"
                        + " 'Mandatory server certificate verification'", "Needs a DNSSEC-validating resolver in"
                        + " /etc/resolv.conf (e.g. a local unbound).");
            }
        }

        private void hardening() {
            Profile.Hardening h = profile.hardening();
            String source = switch (profile.preset()) {
                case RUNBOOK -> SEED_RUNBOOK + " 'Cipher and protocol hardening'";
                case MANDATORY -> SEED_MANDATORY + " step 2";
                case RECOMMENDED -> "TLS_README 'Server-side cipher controls'; postconf(5)";
            };
            List<String> sides = h.clientSide() ? List.of("smtpd", "smtp") : List.of("smtpd");
            for (String side : sides) {
                if (h.protocolFloor() != null) {
                    set(side + "_tls_mandatory_protocols", version.protocolFloor(h.protocolFloor()), "Where TLS is"
                            + " mandatory, allow nothing older than " + h.protocolFloor() + " (written in the syntax"
                            + " Postfix " + version + " understands)." + (profile.preset() == Preset.RUNBOOK
                            ? " The runbook leaves this at the default, calling it modern; Postfix's default still"
                            + " accepts TLS 1.0 and 1.1, which would fail the runbook's own \"Done\" check." : ""),
                            profile.preset() == Preset.RUNBOOK ? source + "; postconf(5) smtpd_tls_mandatory_protocols"
                                    : source, null);
                    if (h.floorOnOpportunistic()) {
                        set(side + "_tls_protocols", version.protocolFloor(h.protocolFloor()), "Also refuse protocols"
                                + " older than " + h.protocolFloor() + " for opportunistic TLS.", source,
                                "Peers that only speak older TLS get plaintext instead (or nothing where TLS is"
                                        + " mandatory).");
                    }
                }
                if (h.mandatoryCiphers() != null) {
                    set(side + "_tls_mandatory_ciphers", h.mandatoryCiphers(), "Cipher grade where TLS is mandatory.",
                            source, null);
                }
                if (h.opportunisticCiphers() != null) {
                    set(side + "_tls_ciphers", h.opportunisticCiphers(), "Cipher grade for opportunistic TLS.", source,
                            "Peers limited to weaker ciphers get plaintext instead of weak TLS.");
                }
                if (!h.excludeCiphers().isEmpty()) {
                    set(side + "_tls_exclude_ciphers", String.join(", ", h.excludeCiphers()), "Never negotiate these"
                            + " weak or unauthenticated ciphers.", source, null);
                }
            }
            if (h.eecdhGrade() != null && !version.atLeast(PostfixVersion.MODERN_TLS)) {
                set("smtpd_tls_eecdh_grade", h.eecdhGrade(), "Prefer strong elliptic-curve key exchange (Postfix < 3.6"
                        + " only).", source, null);
            }
            if (h.preferServerCiphers() != null) {
                set("tls_preempt_cipherlist", h.preferServerCiphers() ? "yes" : "no", "Let the server's cipher order"
                        + " win over the client's.", source, null);
            }
        }

        private void sessionCacheAndLogging() {
            Profile.SessionCache cache = profile.sessionCache();
            if (cache.enabled()) {
                String type = "lmdb".equals(request.defaultDatabaseType()) ? "lmdb" : "btree";
                for (String side : List.of("smtp", "smtpd")) {
                    if (!main.isSet(side + "_tls_session_cache_database")) {
                        set(side + "_tls_session_cache_database", type + ":${data_directory}/" + side + "_scache",
                                "Cache TLS sessions so repeated connections skip the full handshake (session caches"
                                        + " need a btree or lmdb table).", SEED_MANDATORY + " step 2", null);
                    }
                    set(side + "_tls_session_cache_timeout", cache.timeoutSeconds() + "s", "How long a cached TLS"
                            + " session may be reused.", SEED_MANDATORY + " step 2", null);
                }
            }
            Profile.Logging logging = profile.logging();
            if (logging.smtpLoglevel() != null) {
                set("smtp_tls_loglevel", logging.smtpLoglevel().toString(), "Log a summary of every outgoing TLS"
                        + " session, for audits and troubleshooting.", SEED_MANDATORY + " step 2", null);
            }
            if (logging.smtpdLoglevel() != null) {
                set("smtpd_tls_loglevel", logging.smtpdLoglevel().toString(), "Log a summary of every incoming TLS"
                        + " session.", SEED_MANDATORY + " step 2", null);
            }
            if (logging.receivedHeader() != null) {
                set("smtpd_tls_received_header", logging.receivedHeader() ? "yes" : "no", "Record the TLS protocol"
                        + " and cipher in the Received: header.", SEED_MANDATORY + " step 2", null);
            }
        }

        /** Returns the new policy map text, or null when there is no policy map before or after. */
        private String policies() {
            String before = request.policyMap();
            PolicyMap map = PolicyMap.parse(before == null ? "" : before);
            if (map.get(PolicyDestination.WILDCARD).isPresent()) {
                String value = map.get(PolicyDestination.WILDCARD).get();
                map.remove(PolicyDestination.WILDCARD);
                changes.add(new Change(TLS_POLICY, PolicyDestination.WILDCARD, value, null, "Postfix never looks up"
                        + " '*' in a TLS policy table (only transport tables have that wildcard), so this entry had no"
                        + " effect; the global default is smtp_tls_security_level = "
                        + profile.outbound().level().postfixName() + ".", "postconf(5) smtp_tls_policy_maps;"
                        + " TLS_README 'TLS policy table'", "If '" + value + "' was meant as the default, set"
                        + " outbound.level accordingly."));
                notes.add("Removed the '*' entry from tls_policy: TLS policy tables have no wildcard key.");
            }
            for (Profile.Policy policy : profile.policies()) {
                String value = policyValue(policy);
                Optional<String> old = map.get(policy.destination());
                if (map.set(policy.destination(), value)) {
                    changes.add(new Change(TLS_POLICY, policy.destination(), old.orElse(null), value,
                            "Per-destination TLS policy from the profile.", SEED_MANDATORY + " step 4;"
                            + " postconf(5) smtp_tls_policy_maps", policy.level().mandatory() ? "Mail to "
                            + policy.destination() + " is deferred when its server cannot meet '"
                            + policy.level().postfixName() + "'." : null));
                }
            }
            if (map.isEmpty()) {
                return before;
            }
            String mapRef = request.defaultDatabaseType() + ":" + request.configDirectory() + "/" + TLS_POLICY;
            Optional<String> current = main.get("smtp_tls_policy_maps");
            set("smtp_tls_policy_maps", mapRef, "Look up per-destination TLS policies in " + TLS_POLICY
                    + " (run postmap after changing it).", SEED_MANDATORY + " step 4",
                    current.isPresent() && !current.get().contains(TLS_POLICY)
                            ? "Replaces the previous table " + current.get() + "." : null);
            return map.render();
        }

        private static String policyValue(Profile.Policy policy) {
            StringBuilder value = new StringBuilder(policy.level().postfixName());
            if (!policy.match().isEmpty()) {
                value.append(" match=").append(String.join(policy.level() == TlsLevel.FINGERPRINT ? "|" : ":",
                        policy.match()));
            }
            if (policy.protocols() != null) {
                value.append(" protocols=").append(policy.protocols());
            }
            if (policy.ciphers() != null) {
                value.append(" ciphers=").append(policy.ciphers());
            }
            if (policy.exclude() != null) {
                value.append(" exclude=").append(policy.exclude());
            }
            return value.toString();
        }

        private void set(String name, String value, String reason, String source, String risk) {
            Optional<String> before = main.get(name);
            if (before.isEmpty() && !main.render().contains(SECTION_COMMENT)) {
                main.appendComment(SECTION_COMMENT);
            }
            if (main.set(name, value)) {
                changes.add(new Change(MAIN_CF, name, before.orElse(null), value, reason, source, risk));
            }
        }

        private void remove(String name, String reason, String source, String risk) {
            Optional<String> before = main.get(name);
            if (main.remove(name)) {
                changes.add(new Change(MAIN_CF, name, before.orElse(null), null, reason, source, risk));
            }
        }
    }
}
