package org.postfixtls.wizard.domain.config.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.config.policy.PolicyDestination;
import org.postfixtls.wizard.domain.config.policy.PolicyMap;
import org.postfixtls.wizard.domain.config.stack.StackAdvice;
import org.postfixtls.wizard.domain.config.stack.StackDetector;
import org.postfixtls.wizard.domain.config.text.KeyValueDocument;
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

    private static final String SEED_RUNBOOK = "the hardening runbook";
    private static final String SEED_MANDATORY = "the mandatory-TLS guide";

    /** Every main.cf parameter the planner may write; earlier duplicates of them are removed. */
    static final List<String> MANAGED = List.of("smtpd_tls_security_level", "smtpd_tls_auth_only",
            "smtpd_tls_cert_file", "smtpd_tls_key_file", "smtpd_tls_chain_files", "smtpd_tls_eccert_file",
            "smtpd_tls_eckey_file", "smtpd_tls_dcert_file", "smtpd_tls_dkey_file", "smtp_tls_CAfile",
            "smtp_tls_security_level", "smtp_dns_support_level", "smtpd_tls_mandatory_protocols", "smtpd_tls_protocols",
            "smtp_tls_mandatory_protocols", "smtp_tls_protocols", "smtpd_tls_mandatory_ciphers", "smtpd_tls_ciphers",
            "smtp_tls_mandatory_ciphers", "smtp_tls_ciphers", "smtpd_tls_exclude_ciphers", "smtp_tls_exclude_ciphers",
            "smtpd_tls_eecdh_grade", "tls_preempt_cipherlist", "smtp_tls_session_cache_database",
            "smtpd_tls_session_cache_database", "smtp_tls_session_cache_timeout", "smtpd_tls_session_cache_timeout",
            "smtp_tls_loglevel", "smtpd_tls_loglevel", "smtpd_tls_received_header", "smtp_tls_policy_maps");

    private Planner() {
    }

    public static ChangeSet plan(PlanRequest request) {
        return StackRedirect.plan(request, effective -> new Run(effective, false).execute())
                .orElseGet(() -> new Run(request, true).execute());
    }

    /** The state of one planning run. */
    private static final class Run {
        private final PlanRequest request;
        /** False when StackRedirect writes the stack's override files: it explains them itself. */
        private final boolean advise;
        private final Profile profile;
        private final PostfixVersion version;
        private final MainCf main;
        private final MasterCf master;
        private final MainCf mainBefore;
        private final MasterCf masterBefore;
        private final List<Change> changes = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private final List<String> conflicts = new ArrayList<>();
        /** main.cf parameters this plan decides, with the value it wants Postfix to use. */
        private final Map<String, String> planned = new LinkedHashMap<>();

        Run(PlanRequest request, boolean advise) {
            this.request = request;
            this.advise = advise;
            this.profile = request.profile();
            this.version = request.version();
            this.main = MainCf.parse(request.mainCf());
            this.master = MasterCf.parse(request.masterCf());
            this.mainBefore = MainCf.parse(request.mainCf());
            this.masterBefore = MasterCf.parse(request.masterCf());
        }

        ChangeSet execute() {
            List<String> refusals = new Refusals(request, main, master).reasons();
            if (!refusals.isEmpty()) {
                List<FileChange> unchanged = new ArrayList<>();
                unchanged.add(new FileChange(MAIN_CF, request.mainCf(), request.mainCf()));
                unchanged.add(new FileChange(MASTER_CF, request.masterCf(), request.masterCf()));
                if (request.policyMap() != null) {
                    unchanged.add(new FileChange(TLS_POLICY, request.policyMap(), request.policyMap()));
                }
                return new ChangeSet(unchanged, List.of(), List.of(), refusals, List.of());
            }
            MANAGED.forEach(this::removeShadowed);
            migrateObsolete();
            inbound();
            certificate();
            outbound();
            migrateDnsLookups();
            // after the levels: an obsolete -o only counts where the service's level is empty (postconf(5))
            migrateObsoleteOverrides();
            hardening();
            postQuantum();
            untrapProtocols();
            runtimeNotes();
            sessionCacheAndLogging();
            String policyAfter = policies();
            new SubmissionServices(request, main, master, changes, notes).apply();
            ServiceOverrides overrides = new ServiceOverrides(request, main, master, mainBefore, masterBefore, changes,
                    notes, conflicts);
            overrides.apply(planned);
            dropOrphans();
            List<FileChange> files = new ArrayList<>();
            files.add(new FileChange(MAIN_CF, request.mainCf(), main.render()));
            files.add(new FileChange(MASTER_CF, request.masterCf(), master.render()));
            if (policyAfter != null) {
                files.add(new FileChange(TLS_POLICY, request.policyMap(), policyAfter));
            }
            if (advise) {
                StackDetector.detect(request.mainCf(), request.masterCf(), request.stackMarkers()).ifPresent(stack ->
                        notes.addAll(StackAdvice.notes(stack, request.mainCf(), main.render(), request.masterCf(),
                                master.render())));
            }
            return new ChangeSet(files, changes, notes, List.of(), conflicts);
        }

        /**
         * Replaces every obsolete TLS parameter of main.cf by its modern equivalent (postconf of Postfix 3.9 and
         * later warns about each, RELEASE_NOTES-3.9): never leaves the obsolete one, never drops what it did.
         */
        private void migrateObsolete() {
            String inboundLevel = profile.inbound().level().postfixName();
            String outboundLevel = profile.outbound().level().postfixName();
            for (String prefix : List.of("smtpd", "smtp")) {
                String level = prefix.equals("smtpd") ? inboundLevel : outboundLevel;
                for (String kind : List.of("_use_tls", "_enforce_tls")) {
                    remove(prefix + kind, "Obsolete since Postfix 2.3; " + prefix + "_tls_security_level = " + level
                            + " replaces it" + postconfWarns(), "postconf(5) " + prefix + kind, null);
                }
            }
            for (String prefix : List.of("lmtp", "postscreen", "tlsproxy", "tlsproxy_client")) {
                migrateUseTls(prefix);
            }
            for (String prefix : List.of("smtp", "lmtp")) {
                remove(prefix + "_tls_enforce_peername", "Obsolete since Postfix 2.3; the verify/secure levels"
                        + " replace it" + postconfWarns(), "postconf(5) " + prefix + "_tls_enforce_peername", null);
            }
            for (String prefix : List.of("smtp", "lmtp", "tlsproxy_client")) {
                String name = prefix + "_tls_per_site";
                if (prefix.equals("tlsproxy_client")) {
                    name = "tlsproxy_client_per_site";
                }
                String maps = prefix.equals("tlsproxy_client") ? "tlsproxy_client_policy_maps" : prefix + "_tls_policy_maps";
                Optional<String> perSite = main.get(name);
                remove(name, "Obsolete since Postfix 2.3; " + maps + " replaces it" + postconfWarns(),
                        "postconf(5) " + name, perSite.map(table -> "The entries of " + table + " are not carried"
                                + " over; add them to " + (prefix.equals("smtp") ? "the profile's policies."
                                : "a policy table named by " + maps + ".")).orElse(null));
            }
            if (version.atLeast(PostfixVersion.MODERN_TLS)) {
                for (String prefix : List.of("smtpd", "postscreen", "tlsproxy")) {
                    remove(prefix + "_tls_eecdh_grade", "Postfix " + version + " ignores " + prefix + "_tls_eecdh_grade"
                            + " (since 3.6 the key-exchange groups come from tls_eecdh_auto_curves)" + postconfWarns(),
                            "postconf(5) smtpd_tls_eecdh_grade", null);
                }
            }
            if (version.atLeast(PostfixVersion.V3_9)) {
                for (String prefix : List.of("smtpd", "postscreen", "tlsproxy")) {
                    remove(prefix + "_tls_dh1024_param_file", "Postfix " + version + " warns about " + prefix
                            + "_tls_dh1024_param_file: 'do not specify, leave at default' (its built-in 2048-bit"
                            + " group and tls_ffdhe_auto_groups for TLS 1.3 replace it).", "postconf(5) " + prefix
                            + "_tls_dh1024_param_file; RELEASE_NOTES-3.9 'Major changes - feature deprecation'", null);
                }
            }
        }

        /**
         * The same obsolete parameters as {@code -o} of a master.cf service (postconf of 3.9 warns about them there
         * too): the level they meant is set on the service where nothing else decides it, then they go.
         */
        private void migrateObsoleteOverrides() {
            for (ObsoleteParameters.Obsolete o : ObsoleteParameters.ALL) {
                for (MasterService s : List.copyOf(master.services())) {
                    String old = s.option(o.name());
                    if (old == null || (o.kind() == ObsoleteParameters.Kind.LEAVE_DEFAULT
                            && !version.atLeast(o.name().endsWith("eecdh_grade") ? PostfixVersion.MODERN_TLS
                            : PostfixVersion.V3_9))) {
                        continue;
                    }
                    String where = "service " + s.name() + "/" + s.type() + " -o ";
                    String reason = o.name() + " is " + ObsoleteParameters.history(o) + postconfWarns();
                    boolean levelKind = o.kind() == ObsoleteParameters.Kind.USE_TLS
                            || o.kind() == ObsoleteParameters.Kind.ENFORCE_TLS;
                    if (levelKind && "yes".equalsIgnoreCase(main.expand(old).trim())
                            && main.value(s, o.replacement()).isBlank()) {
                        String meant = o.kind() == ObsoleteParameters.Kind.ENFORCE_TLS ? "encrypt" : "may";
                        Map<String, String> wanted = new LinkedHashMap<>();
                        wanted.put(o.replacement(), meant);
                        master.setOptions(master.indexOf(s), wanted);
                        changes.add(new Change(MASTER_CF, where + o.replacement(), null, meant, "Replaces the obsolete"
                                + " " + o.name() + " = yes with the level it meant.", "postconf(5) " + o.replacement(),
                                null));
                        reason = o.name() + " is " + ObsoleteParameters.history(o) + "; " + o.replacement() + " = "
                                + meant + " replaces it" + postconfWarns();
                    }
                    MasterService current = master.services().stream()
                            .filter(x -> x.name().equals(s.name()) && x.type().equals(s.type())).findFirst().orElse(s);
                    if (master.removeOption(master.indexOf(current), o.name())) {
                        changes.add(new Change(MASTER_CF, where + o.name(), old, null, reason, "postconf(5) "
                                + o.name() + "; RELEASE_NOTES-3.9", o.kind() == ObsoleteParameters.Kind.PER_SITE
                                ? "The entries of " + old + " are not carried over." : null));
                    }
                }
            }
        }

        /** ", and postconf of Postfix 3.9+ warns about it." or "." */
        private String postconfWarns() {
            return version.atLeast(PostfixVersion.V3_9) ? ", and postconf of Postfix " + version + " warns about it"
                    + " (RELEASE_NOTES-3.9)." : ".";
        }

        /**
         * {@code X_use_tls}/{@code X_enforce_tls} of lmtp, postscreen and tlsproxy: they only count while the
         * security level parameter is empty (postconf(5)); then the level they meant is written.
         */
        private void migrateUseTls(String prefix) {
            String use = prefix + "_use_tls";
            String enforce = prefix + "_enforce_tls";
            if (main.get(use).isEmpty() && main.get(enforce).isEmpty()) {
                return;
            }
            String levelName = prefix.equals("tlsproxy_client") && !version.atLeast(new PostfixVersion(3, 7))
                    ? "tlsproxy_client_level" : prefix + (prefix.equals("tlsproxy_client") ? "_security_level"
                    : "_tls_security_level");
            String meant = "yes".equalsIgnoreCase(main.value(enforce).trim()) ? "encrypt"
                    : "yes".equalsIgnoreCase(main.value(use).trim()) ? "may" : "";
            String current = main.value(levelName).trim();
            String source = "postconf(5) " + levelName + "; RELEASE_NOTES-3.9";
            if (current.isEmpty() && !meant.isEmpty()) {
                set(levelName, meant, "Replaces the obsolete " + (meant.equals("encrypt") ? enforce : use) + " = yes"
                        + " with the level it meant.", source, null);
                for (String old : List.of(use, enforce)) {
                    remove(old, "Obsolete since Postfix 2.3; " + levelName + " = " + meant + " replaces it"
                            + postconfWarns(), source, null);
                }
                return;
            }
            for (String old : List.of(use, enforce)) {
                remove(old, "Obsolete since Postfix 2.3 and without effect here: " + levelName + " = "
                        + (current.isEmpty() ? "(empty)" : current) + " decides" + postconfWarns(), source, null);
            }
        }

        /** disable_dns_lookups (deprecated since 2.11): smtp_dns_support_level replaces it. Runs after outbound(). */
        private void migrateDnsLookups() {
            Optional<String> old = main.get("disable_dns_lookups");
            if (old.isEmpty()) {
                return;
            }
            boolean disabled = "yes".equalsIgnoreCase(main.expand(old.get()).trim());
            String source = "postconf(5) disable_dns_lookups; RELEASE_NOTES-3.9";
            if (disabled && !main.isSet("smtp_dns_support_level")) {
                set("smtp_dns_support_level", "disabled", "Replaces the deprecated disable_dns_lookups = yes with the"
                        + " setting it meant (look up hosts without DNS).", source, null);
            }
            String decides = main.get("smtp_dns_support_level").map(v -> "smtp_dns_support_level = " + v)
                    .orElse("Postfix's default (DNS on)");
            remove("disable_dns_lookups", "Deprecated since Postfix 2.11; " + decides + " replaces it"
                    + postconfWarns(), source, null);
        }

        /**
         * A protocols value that names protocols allows only those, so it turns TLS 1.3 off (postconf(5)
         * smtpd_tls_protocols); it is rewritten as the floor it meant, in the syntax of this version.
         */
        private void untrapProtocols() {
            for (String name : List.of("smtpd_tls_protocols", "smtpd_tls_mandatory_protocols", "smtp_tls_protocols",
                    "smtp_tls_mandatory_protocols", "lmtp_tls_protocols", "lmtp_tls_mandatory_protocols")) {
                Optional<String> raw = main.get(name);
                if (raw.isPresent() && TlsStrength.excludesTls13ByAccident(main.expand(raw.get()))) {
                    String floor = TlsStrength.PROTOCOLS.get(Math.max(TlsStrength.protocolFloor(main.expand(raw.get())),
                            TlsStrength.PROTOCOLS.indexOf("TLSv1")));
                    set(name, version.protocolFloor(floor), raw.get() + " names the protocols it allows and so"
                            + " switches TLS 1.3 off; the same floor (" + floor + ") without that side effect.",
                            "postconf(5) " + name, null);
                }
            }
        }

        /** What the server's OpenSSL means for this plan (only when discovery could tell). */
        private void runtimeNotes() {
            TlsRuntime runtime = request.runtime();
            String configFile = main.value("tls_config_file").trim();
            if (runtime.strictSystemPolicy().isPresent() && (configFile.isEmpty() || configFile.equals("default"))) {
                boolean canIsolate = VersionGates.of("tls_config_file").orElseThrow().availableOn(version)
                        && runtime.opensslVersion().map(OpensslVersion::canChooseConfigFile).orElse(true);
                notes.add("The server's system OpenSSL configuration also applies to Postfix ("
                        + runtime.strictSystemPolicy().get() + "), so peers that cannot meet it get plaintext on port"
                        + " 25. " + (canIsolate ? "Add tls_config_file = none to main.cf to make Postfix use only"
                        + " its own settings (postconf(5) tls_config_file)." : "Postfix " + version + " with "
                        + runtime.describeOpenssl() + " cannot ignore it (tls_config_file needs Postfix 3.9, or"
                        + " 3.8.1, 3.7.6, 3.6.10, 3.5.20, and OpenSSL 1.1.1b)."));
            }
            boolean pqDefault = version.atLeast(PostfixVersion.V3_11)
                    && runtime.opensslVersion().map(v -> v.atLeast(3, 5)).orElse(false);
            if (pqDefault && !main.isSet("tls_eecdh_auto_curves") && !profile.hardening().pqKeyExchange()) {
                notes.add("Postfix " + version + " with " + runtime.describeOpenssl() + " already offers post-quantum"
                        + " hybrid key exchange by default (tls_eecdh_auto_curves = ?X25519MLKEM768:DEFAULT,"
                        + " RELEASE_NOTES-3.11); the plan leaves it alone.");
            }
        }

        private void inbound() {
            TlsLevel level = profile.inbound().level();
            // decision 0061: mandatory inbound TLS goes to the public smtp service as -o (ServiceOverrides); main.cf
            // stays opportunistic so content-filter re-injection and other internal listeners keep working
            TlsLevel global = level == TlsLevel.ENCRYPT ? TlsLevel.MAY : level;
            int publicBefore = ServiceOverrides.publicInboundRank(mainBefore, masterBefore);
            boolean weakens = TlsStrength.levelRank(level) < publicBefore;
            String weakRisk = weakens ? "Weakens incoming security: port 25 required more ("
                    + ServiceOverrides.publicInboundLevel(mainBefore, masterBefore) + ") before this change." : null;
            set("smtpd_tls_security_level", global.postfixName(), switch (level) {
                case NONE -> "The profile turns TLS off for incoming SMTP.";
                case ENCRYPT -> "Offer STARTTLS to every listener; the profile's mandatory TLS is set on the public"
                        + " smtp service only (master.cf), so internal listeners such as content-filter re-injection"
                        + " keep working.";
                default -> "Offer STARTTLS to every SMTP client without requiring it, so mail from servers"
                        + " without TLS still arrives.";
            }, level == TlsLevel.ENCRYPT ? SEED_MANDATORY + " step 2; postconf(5) smtpd_tls_security_level"
                    : SEED_RUNBOOK + " 'Inbound'",
                    level == TlsLevel.NONE ? "Mail and credentials arrive in clear text."
                            + (weakRisk == null ? "" : " " + weakRisk) : weakRisk, weakens);
            boolean authWeakens = !profile.inbound().authOnly() && "yes".equals(mainBefore.value("smtpd_tls_auth_only"));
            set("smtpd_tls_auth_only", profile.inbound().authOnly() ? "yes" : "no", profile.inbound().authOnly()
                    ? "Offer AUTH only after STARTTLS, so credentials never cross the network in clear."
                    : "The profile allows AUTH without TLS.", SEED_RUNBOOK + " 'Inbound: require TLS on submission'",
                    profile.inbound().authOnly() ? null : "Passwords can be sent in clear text.", authWeakens);
        }

        private void certificate() {
            Profile.Certificate cert = profile.certificate();
            if (cert.dual()) {
                dualCertificates(cert);
            } else if (cert.chainFile() != null && cert.keyFile() != null) {
                boolean useChainFiles = version.atLeast(PostfixVersion.CHAIN_FILES) && main.isSet("smtpd_tls_chain_files");
                if (useChainFiles) {
                    String risk = StaleCertificates.droppedChainFilesRisk(StaleCertificates.droppedChainFiles(
                            main.expand(main.get("smtpd_tls_chain_files").orElse("")), cert.chainFilesValue()));
                    set("smtpd_tls_chain_files", cert.chainFilesValue(), "Key and certificate chain"
                            + " in one setting (the server already uses smtpd_tls_chain_files).",
                            "postconf(5) smtpd_tls_chain_files" + (risk == null ? "" : "; " + StaleCertificates.SOURCE),
                            risk);
                    dropStaleCertificates("one certificate (" + cert.chainFile() + ")", true);
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
                    dropStaleCertificates("one certificate (" + cert.chainFile() + ")", false);
                }
            }
            if (cert.caFile() != null) {
                set("smtp_tls_CAfile", cert.caFile(), "Trust anchors for verifying remote servers' certificates"
                        + " (verify/secure levels) and for logging them as trusted.", SEED_MANDATORY + " step 2", null);
            }
        }

        /**
         * An ECDSA and an RSA certificate side by side. From 3.4: smtpd_tls_chain_files, each key immediately before
         * its chain ("key1, cert1, [chain1], key2, cert2, [chain2]", postconf(5) smtpd_tls_chain_files; ECDSA first,
         * RSA last as in its example), and the legacy file parameters go ("When this parameter is non-empty, the
         * legacy parameters are ignored, and a warning is logged"). Before 3.4: the RSA pair in smtpd_tls_cert_file
         * and smtpd_tls_key_file, the ECDSA pair in smtpd_tls_eccert_file and smtpd_tls_eckey_file.
         */
        private void dualCertificates(Profile.Certificate cert) {
            String source = "postconf(5) smtpd_tls_chain_files";
            if (version.atLeast(PostfixVersion.CHAIN_FILES)) {
                set("smtpd_tls_chain_files", cert.chainFilesValue(), "Serve an ECDSA and an RSA certificate: Postfix chooses by what"
                        + " each client supports; every key comes right before its certificate chain.", source,
                        "The keys must be readable only by root.");
                for (String legacy : List.of("smtpd_tls_cert_file", "smtpd_tls_key_file", "smtpd_tls_eccert_file",
                        "smtpd_tls_eckey_file")) {
                    remove(legacy, "smtpd_tls_chain_files replaces it; Postfix ignores it and warns while both are"
                            + " set.", source, null);
                }
                dropStaleCertificates("an ECDSA and an RSA certificate", true);
                return;
            }
            remove("smtpd_tls_chain_files", "Postfix " + version + " does not support smtpd_tls_chain_files (added in"
                    + " 3.4); the RSA and ECDSA file settings replace it.", source, null);
            set("smtpd_tls_cert_file", cert.chainFile(), "The RSA certificate with its intermediates (fullchain).",
                    "postconf(5) smtpd_tls_cert_file", null);
            set("smtpd_tls_key_file", cert.keyFile(), "The RSA certificate's private key.",
                    "postconf(5) smtpd_tls_key_file", "The key must be readable only by root.");
            set("smtpd_tls_eccert_file", cert.ecdsaChainFile(), "The ECDSA certificate served beside the RSA one, with"
                    + " its intermediates.", "postconf(5) smtpd_tls_eccert_file", null);
            set("smtpd_tls_eckey_file", cert.ecdsaKeyFile(), "The ECDSA certificate's private key.",
                    "postconf(5) smtpd_tls_eckey_file", "The key must be readable only by root.");
            dropStaleCertificates("an ECDSA and an RSA certificate", false);
        }

        /**
         * Removes the ECDSA and DSA certificate settings the profile did not write: Postfix would serve them
         * beside (for ECDSA clients: instead of) the chosen certificate, or ignores them under
         * smtpd_tls_chain_files. Only what names a file goes; the targets are found before anything is removed,
         * so {@code eckey = $smtpd_tls_eccert_file} goes with its certificate.
         */
        private void dropStaleCertificates(String chosen, boolean chainFilesWin) {
            Set<String> written = planned.keySet();
            List<String> stale = StaleCertificates.PARAMETERS.stream().filter(name -> !written.contains(name)
                    && main.get(name).filter(value -> !main.expand(value).isBlank()).isPresent()).toList();
            for (String name : stale) {
                String old = main.get(name).orElseThrow();
                remove(name, StaleCertificates.reason(name, old, chosen, chainFilesWin),
                        StaleCertificates.source(chainFilesWin), StaleCertificates.risk(name, old, chainFilesWin));
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
            String beforeLevel = ServiceOverrides.outboundLevel(mainBefore, masterBefore);
            boolean weakens = TlsStrength.levelRank(level) < TlsStrength.levelRank(beforeLevel);
            if (weakens) {
                String downgrade = "Weakens outgoing security: the server used '" + beforeLevel + "'"
                        + (TlsLevel.parseConfig(beforeLevel).map(TlsLevel::usesDane).orElse(false)
                        ? ", which authenticates receiving servers by DNSSEC-signed TLSA records; with '"
                        + level.postfixName() + "' a forged or stripped answer is no longer detected."
                        : "; '" + level.postfixName() + "' accepts less.");
                risk = risk == null ? downgrade : downgrade + " " + risk;
            }
            set("smtp_tls_security_level", level.postfixName(), switch (level) {
                case MAY -> "Use TLS whenever the receiving server offers it and fall back to plaintext otherwise"
                        + " (opportunistic TLS, the right default for internet mail).";
                case ENCRYPT -> "Send mail only over TLS; without TLS it waits in the queue.";
                case DANE, DANE_ONLY -> "Authenticate receiving servers by their DNSSEC-signed TLSA records.";
                default -> "The profile's global outgoing TLS level.";
            }, level == TlsLevel.MAY ? SEED_RUNBOOK + " 'Outbound: use TLS when available'"
                    : level.usesDane() ? SEED_MANDATORY + " step 5 (DANE)" : SEED_MANDATORY + " step 2", risk, weakens);
            boolean dane = level.needsDnssec() || profile.policies().stream().anyMatch(p -> p.level().needsDnssec());
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
                    protocols(side + "_tls_mandatory_protocols", h.protocolFloor(), "Where TLS is"
                            + " mandatory, allow nothing older than " + h.protocolFloor() + " (written in the syntax"
                            + " Postfix " + version + " understands)." + (profile.preset() == Preset.RUNBOOK
                            ? " The runbook leaves this at the default, calling it modern; Postfix's default still"
                            + " accepts TLS 1.0 and 1.1, which would fail the runbook's own \"Done\" check." : ""),
                            profile.preset() == Preset.RUNBOOK ? source + "; postconf(5) smtpd_tls_mandatory_protocols"
                                    : source, null);
                    if (h.floorOnOpportunistic()) {
                        protocols(side + "_tls_protocols", h.protocolFloor(), "Also refuse protocols"
                                + " older than " + h.protocolFloor() + " for opportunistic TLS.", source,
                                "Peers that only speak older TLS get plaintext instead (or nothing where TLS is"
                                        + " mandatory).");
                    }
                }
                if (h.mandatoryCiphers() != null) {
                    grade(side + "_tls_mandatory_ciphers", h.mandatoryCiphers(), "Cipher grade where TLS is mandatory.",
                            source, null);
                }
                if (h.opportunisticCiphers() != null) {
                    grade(side + "_tls_ciphers", h.opportunisticCiphers(), "Cipher grade for opportunistic TLS.", source,
                            "Peers limited to weaker ciphers get plaintext instead of weak TLS.");
                }
                if (!h.excludeCiphers().isEmpty()) {
                    exclusions(side + "_tls_exclude_ciphers", h.excludeCiphers(), source);
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

        /**
         * Post-quantum hybrid key exchange (decision 0067): X25519MLKEM768 first in tls_eecdh_auto_curves where
         * Postfix 3.10+ and OpenSSL 3.5+ can use it, the admin's other groups kept in their order. Where the server
         * cannot, nothing is written and a note says what it needs.
         */
        private void postQuantum() {
            if (!profile.hardening().pqKeyExchange()) {
                return;
            }
            PostQuantum.Availability availability = PostQuantum.availability(version, request.runtime());
            String name = PostQuantum.PARAMETER;
            Optional<String> raw = main.get(name);
            String current = raw.map(main::expand).orElse("");
            if (!availability.usable()) {
                notes.add("Post-quantum hybrid key exchange is not applied: " + availability.reason());
                return;
            }
            if (raw.isPresent() && current.isBlank() && main.value("tls_ffdhe_auto_groups").isBlank()) {
                notes.add("Kept " + name + " empty: it hands the choice of groups to " + request.runtime()
                        .describeOpenssl() + ", whose default already prefers " + PostQuantum.GROUP
                        + " (postconf(5) tls_eecdh_auto_curves).");
                planned.put(name, raw.get());
                return;
            }
            if (raw.isEmpty() && availability.support() == PostQuantum.Support.DEFAULT) {
                notes.add("Post-quantum hybrid key exchange: " + availability.reason() + " The plan leaves "
                        + name + " unset.");
                return;
            }
            if (PostQuantum.first(current)) {
                notes.add("Kept " + name + " = " + raw.orElse("").trim() + ": it already offers " + PostQuantum.GROUP
                        + " first.");
                planned.put(name, raw.orElse(""));
                return;
            }
            String wanted = PostQuantum.withGroupFirst(current);
            String reason = "Offer post-quantum hybrid key exchange (" + PostQuantum.GROUP + ", ML-KEM-768 with"
                    + " X25519) first, so a recorded session cannot be decrypted later with a quantum computer. "
                    + (raw.isEmpty() || current.isBlank() ? "The other groups are Postfix " + version + "'s default"
                    + " list (" + PostQuantum.DEFAULT_3_10 + "), unchanged."
                    : "Your groups (" + current.trim() + ") follow, in their order; only the first place changes.")
                    + " Postfix skips names its OpenSSL lacks.";
            set(name, wanted, reason, "postconf(5) tls_eecdh_auto_curves; RELEASE_NOTES-3.11 [Feature 20251102]",
                    PostQuantum.TRADE_OFF + " Applies to the SMTP client too (tls_eecdh_auto_curves is shared).");
        }

        /** Sets a protocol floor unless the server already refuses more (a preset never widens the protocols). */
        private void protocols(String name, String floor, String reason, String source, String risk) {
            String current = main.value(name);
            int wanted = TlsStrength.PROTOCOLS.indexOf(floor);
            if (!current.isBlank() && TlsStrength.protocolFloor(current) > wanted
                    && !TlsStrength.excludesTls13ByAccident(current)) {
                keep(name, "the server's " + name + " = " + current + " already refuses everything below "
                        + TlsStrength.PROTOCOLS.get(TlsStrength.protocolFloor(current)) + ", more than the profile's "
                        + floor);
                return;
            }
            set(name, version.protocolFloor(floor), reason, source, risk);
        }

        /** Sets a cipher grade unless the server already uses a stronger one. */
        private void grade(String name, String wanted, String reason, String source, String risk) {
            String current = main.value(name);
            Optional<Integer> currentRank = TlsStrength.gradeRank(current);
            Optional<Integer> wantedRank = TlsStrength.gradeRank(wanted);
            if (currentRank.isPresent() && wantedRank.isPresent() && currentRank.get() > wantedRank.get()) {
                keep(name, "the server's grade '" + current + "' is stronger than the profile's '" + wanted + "'");
                return;
            }
            String ownList = "tls_" + current.trim().toLowerCase(java.util.Locale.ROOT) + "_cipherlist";
            String wantedList = "tls_" + wanted + "_cipherlist";
            if (currentRank.isPresent() && !current.trim().equalsIgnoreCase(wanted) && main.isSet(ownList)
                    && !main.isSet(wantedList)) {
                keep(name, "grade '" + current + "' uses the server's own " + ownList + ", and Postfix's default"
                        + " list for '" + wanted + "' enables suites that list leaves out");
                return;
            }
            boolean narrows = currentRank.isPresent() && wantedRank.isPresent() && currentRank.get() < wantedRank.get();
            set(name, wanted, reason + (narrows ? " Narrows the server's '" + current + "' to '" + wanted + "'." : ""),
                    source, risk);
        }

        /**
         * Adds the profile's exclusions to the server's own list: what the admin excluded stays excluded, in their
         * order, and only the missing names are appended.
         */
        private void exclusions(String name, List<String> wanted, String source) {
            Optional<String> raw = main.get(name);
            Set<String> merged = new LinkedHashSet<>();
            if (raw.isPresent()) {
                for (String token : raw.get().trim().split("[\\s,:]+")) {
                    if (!token.isEmpty()) {
                        merged.add(token);
                    }
                }
            }
            List<String> added = new ArrayList<>();
            List<String> alreadyExcluded = new ArrayList<>();
            Set<String> expanded = new LinkedHashSet<>(List.of(main.value(name).trim().split("[\\s,:]+")));
            for (String cipher : wanted) {
                if (version.atLeast(PostfixVersion.V3_8) && TlsStrength.excludedByDefaultSince38(cipher)) {
                    alreadyExcluded.add(cipher);
                    continue;
                }
                if (!expanded.contains(cipher) && merged.add(cipher)) {
                    added.add(cipher);
                }
            }
            if (added.isEmpty() && raw.isEmpty() && merged.isEmpty()) {
                return;
            }
            if (added.isEmpty() && raw.isPresent()) {
                planned.put(name, raw.get());
                main.removeShadowed(name);
                return;
            }
            String reason = raw.isPresent() && !raw.get().isBlank()
                    ? "Never negotiate these weak or unauthenticated ciphers: adds " + String.join(", ", added)
                    + " to the server's own exclusions, which all stay."
                    : "Never negotiate these weak or unauthenticated ciphers.";
            if (!alreadyExcluded.isEmpty()) {
                reason += " Not listed because Postfix " + version + " excludes them by default (RELEASE_NOTES-3.8): "
                        + String.join(", ", alreadyExcluded) + ".";
            }
            set(name, String.join(", ", merged), reason, source, null);
        }

        private void keep(String name, String why) {
            notes.add("Kept " + name + ": " + why + "; a preset never weakens what the server has.");
            planned.put(name, main.get(name).orElse(""));
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
            PolicyChain chain = PolicyChain.parse(main.get("smtp_tls_policy_maps").orElse(""));
            List<String> others = chain.lookupsExcept(lookup -> isOurTable(lookup));
            List<String> wanted = new ArrayList<>();
            wanted.add(mapRef);
            wanted.addAll(others);
            String reason = "Look up per-destination TLS policies in " + TLS_POLICY + " (run postmap after changing"
                    + " it).";
            if (!others.isEmpty()) {
                reason += " The profile's per-destination exceptions come first and the existing lookups ("
                        + String.join(", ", others) + ") follow unchanged: Postfix uses the first table that has an"
                        + " answer, so the exceptions win for their destinations and the existing policy services"
                        + " (MTA-STS, DANE, database tables) still decide for every other domain.";
            }
            set("smtp_tls_policy_maps", String.join(", ", wanted), reason, SEED_MANDATORY + " step 4;"
                    + " postconf(5) smtp_tls_policy_maps", null);
            return map.render();
        }

        /** True for a lookup of this wizard's own table (any database type, any spelling of the directory). */
        private boolean isOurTable(String lookup) {
            String expanded = main.expand(lookup);
            int colon = expanded.indexOf(':');
            String path = colon < 0 ? expanded : expanded.substring(colon + 1);
            return path.equals(request.configDirectory() + "/" + TLS_POLICY);
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
            set(name, value, reason, source, risk, false);
        }

        /**
         * Sets a main.cf parameter the way Postfix reads it: a value that already expands to the wanted one is
         * left alone; {@code name = $other} with {@code other} used nowhere else is changed at {@code other}, so
         * it is not orphaned; earlier duplicate definitions, which only mislead, are removed.
         */
        private void set(String name, String value, String reason, String source, String risk, boolean weakens) {
            planned.put(name, value);
            removeShadowed(name);
            Optional<String> before = main.get(name);
            if (before.isPresent() && KeyValueDocument.normalize(main.expand(before.get())).equals(KeyValueDocument.normalize(value))) {
                return;
            }
            Optional<String> indirect = before.flatMap(MainCf::soleReference)
                    .filter(ref -> main.get(ref).isPresent() && !main.referencedBy(ref, name)
                            && !masterReferences(ref));
            if (indirect.isPresent()) {
                String ref = indirect.get();
                String old = main.get(ref).orElse(null);
                main.removeShadowed(ref);
                if (main.set(ref, value)) {
                    changes.add(new Change(MAIN_CF, ref, old, value, reason + " (" + name + " = " + before.get()
                            + " takes its value from " + ref + ", so " + ref + " is changed.)", source, risk, weakens));
                }
                return;
            }
            if (before.isEmpty() && !main.render().contains(SECTION_COMMENT)) {
                main.appendComment(SECTION_COMMENT);
            }
            if (main.set(name, value)) {
                changes.add(new Change(MAIN_CF, name, before.orElse(null), value, reason, source, risk, weakens));
            }
        }

        /**
         * Removes site variables (not Postfix parameters) that only the replaced values used: postconf would warn
         * 'unused parameter' about them.
         */
        private void dropOrphans() {
            Set<String> before = mainBefore.referencedNames(optionValues(masterBefore));
            Set<String> after = main.referencedNames(optionValues(master));
            for (String name : before) {
                if (!after.contains(name) && main.get(name).isPresent() && !MainCf.isPostfixParameter(name)) {
                    String old = main.get(name).get();
                    main.remove(name);
                    changes.add(new Change(MAIN_CF, name, old, null, "Only the values this plan replaced used $"
                            + name + "; left alone it would be an unused parameter (postconf warns about it).",
                            "postconf(5)", null));
                }
            }
        }

        private static List<String> optionValues(MasterCf cf) {
            return cf.services().stream().flatMap(s -> s.options().values().stream()).toList();
        }

        private boolean masterReferences(String ref) {
            return master.services().stream().flatMap(s -> s.options().values().stream())
                    .anyMatch(v -> v.contains("$" + ref) || v.contains("${" + ref) || v.contains("$(" + ref));
        }

        private void removeShadowed(String name) {
            for (String shadowed : main.removeShadowed(name)) {
                changes.add(new Change(MAIN_CF, name + " (earlier duplicate)", shadowed, null, "main.cf defines "
                        + name + " again further down and only the last definition counts (postconf warns"
                        + " 'overriding earlier entry'); the earlier line only misleads.", "postconf(5)", null));
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
