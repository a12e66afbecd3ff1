package org.postfixtls.wizard.domain.config.lint;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.config.plan.ObsoleteParameters;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;
import org.postfixtls.wizard.domain.config.plan.TlsStrength;
import org.postfixtls.wizard.domain.config.plan.VersionGates;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * The rules that depend on the Postfix release and the server's OpenSSL: what Postfix 3.8 to 3.11 changed
 * (RELEASE_NOTES-3.8 ... 3.11, postconf(5)) and the protocol-list trap of every release. Ids in docs/findings.md.
 */
final class VersionRules {

    private static final List<String> PROTOCOL_PARAMETERS = List.of("smtpd_tls_protocols",
            "smtpd_tls_mandatory_protocols", "smtp_tls_protocols", "smtp_tls_mandatory_protocols",
            "lmtp_tls_protocols", "lmtp_tls_mandatory_protocols");
    private static final String PQ_GROUP = "X25519MLKEM768";

    private final LintInput in;
    private final MainCf main;
    private final PostfixVersion version;
    private final List<Finding> findings;

    VersionRules(LintInput in, List<Finding> findings) {
        this.in = in;
        this.main = in.main();
        this.version = in.version();
        this.findings = findings;
    }

    void run() {
        obsoleteParameters();
        protocolListTrap();
        cipherGrades38();
        redundantExclusions38();
        parametersNeedingNewerPostfix();
        rawPublicKeys39();
        systemOpensslPolicy();
        curveLists();
        tlsRequiredHeader310();
        tlsrpt310();
        stsMxPatterns();
    }

    /**
     * The outgoing level when smtp_tls_security_level is not set: "may" on Postfix 3.11 at compatibility_level
     * 3.11 or higher (RELEASE_NOTES-3.11 [Feature 20250623]; mail_params.h DEF_SMTP_TLS_LEVEL
     * "${{$compatibility_level} <level {3.11} ? {} : {may}}"), else empty.
     */
    static String defaultOutboundLevel(MainCf main, PostfixVersion version) {
        if (!version.atLeast(PostfixVersion.V3_11)) {
            return "";
        }
        Optional<PostfixVersion> level = compatibilityLevel(main.value("compatibility_level"));
        return level.isPresent() && level.get().atLeast(PostfixVersion.V3_11) ? "may" : "";
    }

    /** compatibility_level as a release ("2" is 2.0, "3.6" is 3.6); empty when unset ("0") or unreadable. */
    static Optional<PostfixVersion> compatibilityLevel(String value) {
        String v = value.trim();
        if (v.matches("[0-9]{1,2}")) {
            return Optional.of(new PostfixVersion(Integer.parseInt(v), 0));
        }
        return PostfixVersion.parse(v);
    }

    /** RELEASE_NOTES-3.9: postconf warns about xxx_use_tls, xxx_enforce_tls, xxx_per_site, ... in main.cf or master.cf. */
    private void obsoleteParameters() {
        boolean postconfWarns = version.atLeast(PostfixVersion.V3_9);
        for (ObsoleteParameters.Obsolete o : ObsoleteParameters.ALL) {
            List<String> where = whereSet(o.name());
            boolean judged = o.kind() != ObsoleteParameters.Kind.LEAVE_DEFAULT || version.atLeast(o.warnsFrom());
            if (where.isEmpty() || !judged) {
                continue;
            }
            add("obsolete-parameter", Severity.WARNING, o.name() + " (" + String.join(", ", where) + ") is "
                    + ObsoleteParameters.history(o) + (postconfWarns ? "; postconf of Postfix " + version
                    + " warns about it (RELEASE_NOTES-3.9)." : "."), "Replace it with " + o.advice() + ".");
        }
    }

    /**
     * A protocol list that names protocols allows only those: "smtpd_tls_protocols = TLSv1.2" turns TLS 1.3 off.
     * Every release reads it that way (postconf(5) smtpd_tls_protocols).
     */
    private void protocolListTrap() {
        for (String name : PROTOCOL_PARAMETERS) {
            main.get(name).filter(TlsStrength::excludesTls13ByAccident).ifPresent(raw -> trap(name, raw, "main.cf"));
            for (MasterService s : in.master().services()) {
                String raw = s.option(name);
                if (raw != null && TlsStrength.excludesTls13ByAccident(main.expand(raw))) {
                    trap(name, raw, "service " + s.name() + "/" + s.type());
                }
            }
        }
        if (in.policyMap() != null) {
            for (String key : in.policyMap().destinations()) {
                for (String attribute : in.policyMap().get(key).orElse("").trim().split("\\s+")) {
                    if (attribute.startsWith("protocols=")
                            && TlsStrength.excludesTls13ByAccident(attribute.substring("protocols=".length()))) {
                        trap("protocols", attribute.substring("protocols=".length()), "policy entry " + key);
                    }
                }
            }
        }
    }

    private void trap(String name, String raw, String where) {
        int floor = Math.max(TlsStrength.protocolFloor(raw), TlsStrength.PROTOCOLS.indexOf("TLSv1"));
        int tls12 = TlsStrength.PROTOCOLS.indexOf("TLSv1.2");
        String fix = "Write " + name + " = " + version.protocolFloor(TlsStrength.PROTOCOLS.get(Math.max(floor, tls12)))
                + (floor < tls12 ? " (or " + version.protocolFloor(TlsStrength.PROTOCOLS.get(floor)) + " to keep"
                + " accepting " + TlsStrength.PROTOCOLS.get(floor) + ")" : "")
                + (version.atLeast(PostfixVersion.MODERN_TLS) ? "" : "; the >= form needs Postfix 3.6")
                + ": it sets a floor and keeps TLS 1.3.";
        add("protocol-list-excludes-tls13", Severity.ERROR, name + " = " + raw + " (" + where + ") names the"
                + " protocols it allows, so TLS 1.3 and every later protocol are switched off.", fix);
    }

    /** RELEASE_NOTES-3.8 [Incompat 20230304]: "Postfix treats the "export" and "low" cipher grade settings as "medium"". */
    private void cipherGrades38() {
        if (!version.atLeast(PostfixVersion.V3_8)) {
            return;
        }
        for (String side : List.of("smtpd", "smtp", "lmtp")) {
            for (String name : List.of(side + "_tls_ciphers", side + "_tls_mandatory_ciphers")) {
                String grade = main.value(name).trim().toLowerCase(Locale.ROOT);
                if (main.get(name).isPresent() && (grade.equals("export") || grade.equals("low"))) {
                    add("legacy-cipher-grade", Severity.INFO, name + " = " + grade + " acts as medium on Postfix "
                            + version + " (OpenSSL 1.1.1 and later have no export or low ciphers).",
                            "Write " + name + " = medium, which is what Postfix uses.");
                }
            }
        }
    }

    /** RELEASE_NOTES-3.8: default settings now exclude SEED, IDEA, 3DES, RC2, RC4, RC5, MD5, DH/ECDH key exchange, DSS. */
    private void redundantExclusions38() {
        if (!version.atLeast(PostfixVersion.V3_8)) {
            return;
        }
        for (String name : List.of("smtpd_tls_exclude_ciphers", "smtp_tls_exclude_ciphers", "lmtp_tls_exclude_ciphers")) {
            Optional<String> raw = main.get(name);
            if (raw.isEmpty()) {
                continue;
            }
            List<String> redundant = redundantExclusions(main.expand(raw.get()));
            if (!redundant.isEmpty()) {
                add("redundant-cipher-exclusion", Severity.INFO, name + " excludes " + String.join(", ", redundant)
                        + ", which Postfix " + version + " already excludes by default (RELEASE_NOTES-3.8).",
                        "Leave them out; keep only the exclusions Postfix does not make itself.");
            }
        }
    }

    /** The names of an exclusion list that Postfix 3.8 and later exclude anyway. */
    static List<String> redundantExclusions(String list) {
        List<String> redundant = new ArrayList<>();
        for (String token : list.trim().split("[\\s,:]+")) {
            if (!token.isEmpty() && TlsStrength.excludedByDefaultSince38(token)) {
                redundant.add(token);
            }
        }
        return redundant;
    }

    /** Parameters an older Postfix does not know: postconf warns "unused parameter" and nothing happens. */
    private void parametersNeedingNewerPostfix() {
        for (VersionGates.Gate gate : VersionGates.GATES) {
            List<String> where = whereSet(gate.parameter());
            if (!where.isEmpty() && !gate.availableOn(version)) {
                add("parameter-needs-newer-postfix", Severity.WARNING, gate.parameter() + " (" + String.join(", ",
                        where) + ") needs " + gate.needs() + "; Postfix " + version + " does not know it, so it has no"
                        + " effect and postconf warns 'unused parameter'.", "Remove it, or upgrade Postfix (source: "
                        + gate.source() + ").");
            }
        }
    }

    /**
     * RELEASE_NOTES-3.9 [Feature 20230807]: "enabling Postfix raw key support will break authentication based on
     * certificate fingerprints in check_ccert_access or smtp_tls_policy_maps ... The solution is to always use
     * public key fingerprint patterns".
     */
    private void rawPublicKeys39() {
        if (!version.atLeast(PostfixVersion.V3_9)) {
            return;
        }
        boolean serverRpk = yesAnywhere("smtpd_tls_enable_rpk");
        boolean ccertAccess = main.parameters().values().stream().anyMatch(v -> v.contains("check_ccert_access"))
                || in.master().services().stream().flatMap(s -> s.options().values().stream())
                .anyMatch(v -> v.contains("check_ccert_access"));
        if (serverRpk && ccertAccess) {
            add("rpk-breaks-certificate-fingerprint", Severity.WARNING, "smtpd_tls_enable_rpk = yes while"
                    + " check_ccert_access is used: a client that starts sending a raw public key no longer matches a"
                    + " certificate fingerprint and loses its access.", "List public-key fingerprints in the"
                    + " check_ccert_access table (postconf(5) smtpd_tls_enable_rpk shows the openssl commands).");
        }
        boolean clientRpk = yesAnywhere("smtp_tls_enable_rpk");
        List<String> fingerprintPeers = new ArrayList<>();
        if ("fingerprint".equalsIgnoreCase(main.value("smtp_tls_security_level").trim()) && clientRpk) {
            fingerprintPeers.add("smtp_tls_security_level = fingerprint");
        }
        if (in.policyMap() != null) {
            for (String key : in.policyMap().destinations()) {
                String value = in.policyMap().get(key).orElse("");
                boolean entryRpk = value.matches("(?s).*\\benable_rpk=yes\\b.*") || clientRpk;
                if (value.trim().toLowerCase(Locale.ROOT).startsWith("fingerprint") && entryRpk) {
                    fingerprintPeers.add("policy entry " + key);
                }
            }
        }
        if (!fingerprintPeers.isEmpty()) {
            add("rpk-breaks-certificate-fingerprint", Severity.WARNING, "Raw public keys are requested at the"
                    + " fingerprint level (" + String.join(", ", fingerprintPeers) + "): a server that starts sending"
                    + " a raw public key fails a certificate fingerprint and mail to it is deferred.", "Match those"
                    + " servers by public-key fingerprints, or leave raw public keys off for them (postconf(5)"
                    + " smtp_tls_enable_rpk: \"DO NOT enable raw public keys to remote destinations authenticated by"
                    + " server certificate fingerprints\").");
        }
    }

    /**
     * RELEASE_NOTES-3.9 [Feature 20230522]: tls_config_file/tls_config_name "limit collateral damage from OS
     * distributions that crank up security to 11, increasing the number of plaintext email deliveries".
     */
    private void systemOpensslPolicy() {
        Optional<String> policy = in.runtime().strictSystemPolicy();
        String configFile = main.value("tls_config_file").trim();
        if (policy.isEmpty() || !(configFile.isEmpty() || configFile.equals("default"))) {
            return;
        }
        VersionGates.Gate gate = VersionGates.of("tls_config_file").orElseThrow();
        TlsRuntime runtime = in.runtime();
        boolean opensslCan = runtime.opensslVersion().map(v -> v.canChooseConfigFile()).orElse(true);
        String fix;
        if (!gate.availableOn(version)) {
            fix = "Postfix " + version + " cannot ignore it; upgrade to " + gate.needs() + " and set tls_config_file"
                    + " = none.";
        } else if (!opensslCan) {
            fix = runtime.describeOpenssl() + " cannot skip the system file (needs 1.1.1b); relax the system"
                    + " setting instead.";
        } else {
            fix = "Set tls_config_file = none (postconf(5): recommended; needs " + gate.needs() + " and OpenSSL"
                    + " 1.1.1b or later), so Postfix uses only its own TLS settings.";
        }
        add("system-openssl-policy", Severity.WARNING, "The server's system-wide OpenSSL setting applies to Postfix"
                + " too (" + policy.get() + "): peers that cannot meet it get no TLS, and on port 25 that means"
                + " plaintext, not a refusal.", fix);
    }

    /**
     * postconf(5) tls_ffdhe_auto_groups: "setting tls_eecdh_auto_curves empty disables TLS 1.3 EC key agreement
     * in OpenSSL 3.0 and later. If both are set empty, Postfix will fall back to OpenSSL preferences";
     * RELEASE_NOTES-3.10: both may be empty (3.6.17, 3.7.13, 3.8.8, 3.9.2 too); 3.11 with OpenSSL 3.5 defaults
     * to "?X25519MLKEM768:DEFAULT".
     */
    private void curveLists() {
        Optional<String> curves = main.get("tls_eecdh_auto_curves").map(main::expand).map(String::trim);
        if (curves.isEmpty()) {
            return;
        }
        if (curves.get().isEmpty()) {
            boolean ffdheSet = version.atLeast(PostfixVersion.V3_8)
                    && !main.get("tls_ffdhe_auto_groups").map(v -> main.expand(v).trim()).orElse("ffdhe2048").isEmpty();
            if (ffdheSet) {
                add("empty-curve-list", Severity.WARNING, "tls_eecdh_auto_curves is empty but tls_ffdhe_auto_groups"
                        + " is not: TLS 1.3 elliptic-curve key exchange is off.", "Remove tls_eecdh_auto_curves"
                        + " (Postfix's default), or set tls_ffdhe_auto_groups empty too to leave the choice to"
                        + " OpenSSL's configuration.");
            } else if (!version.atLeast(PostfixVersion.V3_10)) {
                add("empty-curve-list", Severity.WARNING, "An empty tls_eecdh_auto_curves leaves the key-exchange"
                        + " groups to OpenSSL only from Postfix 3.10 on (and 3.6.17, 3.7.13, 3.8.8, 3.9.2); this is "
                        + version + ".", "Remove tls_eecdh_auto_curves to use Postfix's default list.");
            }
            return;
        }
        boolean pqDefault = version.atLeast(PostfixVersion.V3_11)
                && in.runtime().opensslVersion().map(v -> v.atLeast(3, 5)).orElse(false);
        if (pqDefault && !curves.get().toUpperCase(Locale.ROOT).contains(PQ_GROUP.toUpperCase(Locale.ROOT))) {
            add("curves-override-pq-default", Severity.INFO, "tls_eecdh_auto_curves = " + curves.get() + " replaces"
                    + " the default of Postfix " + version + " with " + in.runtime().describeOpenssl() + ", \"?"
                    + PQ_GROUP + ":DEFAULT\", which offers post-quantum hybrid key exchange.", "Remove it to get the"
                    + " default (RELEASE_NOTES-3.11 [Feature 20251102]).");
        }
    }

    /**
     * RELEASE_NOTES-3.10 [Feature 20250117]: a "TLS-Required: no" header "limits the Postfix SMTP client to
     * smtp_tls_security_level = may"; tls_required_enable (default yes) turns that off.
     */
    private void tlsRequiredHeader310() {
        if (!version.atLeast(PostfixVersion.V3_10) || "no".equalsIgnoreCase(main.value("tls_required_enable").trim())) {
            return;
        }
        List<String> mandatory = new ArrayList<>();
        String level = main.value("smtp_tls_security_level").trim();
        if (TlsStrength.levelRank(level) >= TlsStrength.levelRank(TlsLevel.ENCRYPT)) {
            mandatory.add("smtp_tls_security_level = " + level);
        }
        if (in.policyMap() != null) {
            for (String key : in.policyMap().destinations()) {
                String first = in.policyMap().get(key).orElse("").trim().split("\\s+")[0];
                if (TlsStrength.levelRank(first) >= TlsStrength.levelRank(TlsLevel.ENCRYPT)) {
                    mandatory.add(key);
                }
            }
        }
        if (!mandatory.isEmpty()) {
            add("tls-required-header-downgrade", Severity.INFO, "Postfix " + version + " honours a \"TLS-Required:"
                    + " no\" header (tls_required_enable = yes): a sender can have a message delivered with TLS level"
                    + " may, without certificate checks and with plaintext fallback, despite "
                    + String.join(", ", mandatory.subList(0, Math.min(3, mandatory.size())))
                    + (mandatory.size() > 3 ? " and " + (mandatory.size() - 3) + " more" : "") + ".",
                    "Set tls_required_enable = no if senders must not be able to lower your TLS policy.");
        }
    }

    /** smtp.c: "TLSRPT is selected, but TLSRPT is not compiled in" when the build has no libtlsrpt. */
    private void tlsrpt310() {
        if (!version.atLeast(PostfixVersion.V3_10) || !yesAnywhere("smtp_tlsrpt_enable")) {
            return;
        }
        switch (in.runtime().tlsrpt()) {
            case NO -> add("tlsrpt-without-library", Severity.ERROR, "smtp_tlsrpt_enable = yes, but this Postfix is"
                    + " built without libtlsrpt: the smtp client logs \"TLSRPT is selected, but TLSRPT is not compiled"
                    + " in\" and sends no reports.", "Install a Postfix built with TLSRPT support (and the tlsrpt"
                    + " reporting daemon), or set smtp_tlsrpt_enable = no.");
            case UNKNOWN -> add("tlsrpt-without-library", Severity.INFO, "smtp_tlsrpt_enable = yes; whether this"
                    + " Postfix was built with libtlsrpt was not checked.", "Check that the smtp client logs no"
                    + " \"TLSRPT is not compiled in\" warning (TLSRPT_README).");
            case YES -> {
            }
        }
    }

    /**
     * RELEASE_NOTES-3.11 [Feature 20250906]: with smtp_tls_enforce_sts_mx_patterns = yes (the default) an MTA-STS
     * plugin's MX patterns restrict the MX hosts used; "no" keeps the old, weaker behaviour.
     */
    private void stsMxPatterns() {
        if (!VersionGates.of("smtp_tls_enforce_sts_mx_patterns").orElseThrow().availableOn(version)
                || !"no".equalsIgnoreCase(main.value("smtp_tls_enforce_sts_mx_patterns").trim())
                || !main.value("smtp_tls_policy_maps").contains("socketmap:")) {
            return;
        }
        add("sts-mx-patterns-not-enforced", Severity.WARNING, "smtp_tls_enforce_sts_mx_patterns = no with a policy"
                + " service: Postfix connects to any MX in DNS and matches the certificate against any MTA-STS"
                + " pattern, instead of only the MX hosts the policy names.", "Remove the setting (default yes); the"
                + " MTA-STS plugin must forward policy attributes (TLSRPT support enabled in the plugin).");
    }

    private boolean yesAnywhere(String name) {
        return "yes".equalsIgnoreCase(main.value(name).trim()) || in.master().services().stream()
                .anyMatch(s -> s.option(name) != null && "yes".equalsIgnoreCase(main.expand(s.option(name)).trim()));
    }

    /** Where a parameter is set: "main.cf" and/or "service submission/inet". */
    private List<String> whereSet(String name) {
        Set<String> where = new LinkedHashSet<>();
        if (main.get(name).isPresent()) {
            where.add("main.cf");
        }
        for (MasterService s : in.master().services()) {
            if (s.option(name) != null) {
                where.add("service " + s.name() + "/" + s.type());
            }
        }
        return List.copyOf(where);
    }

    private void add(String id, Severity severity, String message, String fix) {
        findings.add(new Finding(id, severity, message, fix));
    }
}
