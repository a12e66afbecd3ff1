package org.postfixtls.wizard.domain.config.lint;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.config.plan.PolicyChain;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.plan.TlsStrength;
import org.postfixtls.wizard.domain.config.policy.PolicyDestination;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/** TLS checks over main.cf, master.cf and the policy table; used on the current and on the planned files. */
public final class Linter {

    private static final List<String> PROTOCOL_PARAMETERS = List.of("smtpd_tls_protocols", "smtpd_tls_mandatory_protocols",
            "smtp_tls_protocols", "smtp_tls_mandatory_protocols");

    private final LintInput in;
    private final MainCf main;
    private final List<Finding> findings = new ArrayList<>();

    private Linter(LintInput in) {
        this.in = in;
        this.main = in.main();
    }

    public static List<Finding> lint(LintInput input) {
        Linter linter = new Linter(input);
        linter.run();
        List<Finding> sorted = new ArrayList<>(linter.findings);
        sorted.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::id));
        return sorted;
    }

    /**
     * Findings about what a change loses: every lookup of the old smtp_tls_policy_maps chain (static tables,
     * MTA-STS and DANE policy services) must still be asked after the change.
     */
    public static List<Finding> lintChange(LintInput before, LintInput after) {
        List<Finding> findings = new ArrayList<>();
        PolicyChain old = PolicyChain.parse(before.main().get("smtp_tls_policy_maps").orElse(""));
        PolicyChain now = PolicyChain.parse(after.main().get("smtp_tls_policy_maps").orElse(""));
        for (String lost : now.lost(old)) {
            findings.add(new Finding("policy-lookup-dropped", Severity.ERROR, "smtp_tls_policy_maps no longer asks "
                    + lost + "; the per-destination policies it answered (MTA-STS, DANE or a database table) are lost,"
                    + " which silently lowers outgoing security.", "Keep every existing lookup in"
                    + " smtp_tls_policy_maps and add the new table in front of them."));
        }
        return findings;
    }

    /** {@link #lint(LintInput)} of the planned configuration plus what it loses against the current one. */
    public static List<Finding> lintPlanned(LintInput before, LintInput after) {
        List<Finding> findings = new ArrayList<>(lintChange(before, after));
        findings.addAll(lint(after));
        findings.sort(Comparator.comparing(Finding::severity).reversed().thenComparing(Finding::id));
        return findings;
    }

    private void run() {
        smtpWithoutStarttls();
        submissionOldTls();
        certFileIgnored();
        algorithmFileIgnored();
        weakCiphers();
        outboundMandatoryToInternet();
        new VersionRules(in, findings).run();
        versionSyntax();
        mandatoryWithoutEffect();
        encryptOnPort25();
        authWithoutTls();
        certificate();
        daneAndVerify();
        policyTable();
        services();
        duplicates();
        weakProtocols();
        levels();
    }

    private void versionSyntax() {
        PostfixVersion v = in.version();
        // from 3.9 on postconf warns about it and obsolete-parameter says so
        if (v.atLeast(PostfixVersion.MODERN_TLS) && !v.atLeast(PostfixVersion.V3_9) && main.isSet("smtpd_tls_eecdh_grade")) {
            add("eecdh-grade-ignored", Severity.INFO, "Postfix " + v + " ignores smtpd_tls_eecdh_grade.",
                    "Remove it; tls_eecdh_auto_curves chooses the groups.");
        }
        if (!v.atLeast(PostfixVersion.CHAIN_FILES) && main.isSet("smtpd_tls_chain_files")) {
            add("chain-files-unsupported", Severity.ERROR, "smtpd_tls_chain_files needs Postfix 3.4; this is " + v + ".",
                    "Use smtpd_tls_cert_file and smtpd_tls_key_file.");
        }
        for (String name : PROTOCOL_PARAMETERS) {
            Optional<String> value = main.get(name);
            if (value.isEmpty()) {
                continue;
            }
            if (value.get().contains(">=") && !v.atLeast(PostfixVersion.MODERN_TLS)) {
                add("protocol-syntax-unsupported", Severity.ERROR, name + " uses the >= syntax, which Postfix " + v
                        + " does not understand.", "Write !SSLv2, !SSLv3, !TLSv1, !TLSv1.1 instead.");
            } else if (value.get().contains("!TLSv1") && v.atLeast(PostfixVersion.MODERN_TLS)) {
                add("legacy-protocol-syntax", Severity.INFO, name + " uses the exclusion list; Postfix " + v
                        + " reads the clearer >=TLSv1.2 form.", "Write " + name + " = >=TLSv1.2.");
            }
        }
    }

    private void mandatoryWithoutEffect() {
        boolean smtpdMandatory = in.master().services().stream().anyMatch(s -> "smtpd".equals(s.command())
                && (levelOf(main.value(s, "smtpd_tls_security_level")) >= TlsStrength.levelRank(TlsLevel.ENCRYPT)
                || "yes".equalsIgnoreCase(main.value(s, "smtpd_tls_wrappermode"))))
                || levelOf(main.value("smtpd_tls_security_level")) >= TlsStrength.levelRank(TlsLevel.ENCRYPT);
        // postconf(5): a DANE-verified connection uses the mandatory settings, so dane counts as mandatory here
        boolean smtpMandatory = levelOf(main.value("smtp_tls_security_level")) >= TlsStrength.levelRank(TlsLevel.ENCRYPT)
                || main.isSet("smtp_tls_policy_maps")
                || in.master().services().stream().anyMatch(s -> "smtp".equals(s.command())
                && levelOf(main.value(s, "smtp_tls_security_level")) >= TlsStrength.levelRank(TlsLevel.ENCRYPT));
        for (String name : main.parameters().keySet()) {
            boolean smtpd = name.startsWith("smtpd_tls_mandatory_");
            boolean smtp = name.startsWith("smtp_tls_mandatory_");
            if ((smtpd && !smtpdMandatory) || (smtp && !smtpMandatory)) {
                add("mandatory-without-effect", Severity.WARNING, name + " only applies where TLS is mandatory, and"
                        + " nothing here makes it mandatory (level may).", "Set the non-mandatory "
                        + name.replace("_mandatory", "") + " instead, or remove it.");
            }
        }
    }

    private static int levelOf(String value) {
        return TlsStrength.levelRank(value);
    }

    private void encryptOnPort25() {
        for (MasterService s : in.master().servicesOnPort(25)) {
            if ("encrypt".equals(effective(s, "smtpd_tls_security_level"))) {
                add("encrypt-on-port-25", Severity.WARNING, "Service " + s.name() + " requires TLS; RFC 3207 section 4"
                        + " says a publicly referenced MX must not, or servers without TLS cannot deliver.",
                        "Use smtpd_tls_security_level = may on port 25; require TLS on submission only.");
            }
        }
    }

    private void authWithoutTls() {
        for (MasterService s : smtpdListeners()) {
            boolean auth = "yes".equals(effective(s, "smtpd_sasl_auth_enable"));
            boolean protectedAuth = "yes".equals(effective(s, "smtpd_tls_auth_only"))
                    || "encrypt".equals(effective(s, "smtpd_tls_security_level"))
                    || "yes".equals(effective(s, "smtpd_tls_wrappermode"));
            if (auth && !protectedAuth) {
                add("auth-without-tls", Severity.ERROR, "Service " + s.name() + " offers AUTH on connections without"
                        + " TLS; passwords can cross the network in clear.", "Set smtpd_tls_auth_only = yes.");
            }
        }
    }

    private void certificate() {
        String cert = main.value("smtpd_tls_cert_file");
        if (!cert.isBlank() && leafOnly(cert)) {
            add("cert-without-chain", Severity.WARNING, "smtpd_tls_cert_file is " + cert + ", the certificate without"
                    + " intermediates; clients cannot build the chain.", "Use fullchain.pem.");
        }
        List<String> without = new ArrayList<>();
        for (MasterService s : in.master().services()) {
            if (!"smtpd".equals(s.command())) {
                continue;
            }
            boolean tlsOn = levelOf(main.value(s, "smtpd_tls_security_level")) > 0
                    || "yes".equalsIgnoreCase(main.value(s, "smtpd_tls_wrappermode"));
            boolean hasCert = !main.value(s, "smtpd_tls_cert_file").isBlank()
                    || !main.value(s, "smtpd_tls_chain_files").isBlank()
                    || !main.value(s, "smtpd_tls_eccert_file").isBlank();
            if (tlsOn && !hasCert) {
                without.add(s.name() + "/" + s.type());
            }
        }
        if (!without.isEmpty()) {
            add("tls-without-certificate", Severity.ERROR, "TLS is enabled for " + String.join(", ", without)
                    + " but no server certificate is configured for it; STARTTLS fails.",
                    "Set smtpd_tls_cert_file and smtpd_tls_key_file (in main.cf or by -o on the service).");
        }
    }

    /**
     * True when the certificate file holds only the server certificate. A readable file is inspected (one
     * certificate that is not self-signed); otherwise only certbot's live/.../cert.pem is known to be leaf-only.
     */
    private boolean leafOnly(String path) {
        Optional<String> pem = in.files().apply(path);
        if (pem.isPresent()) {
            return pem.get().split("-----BEGIN CERTIFICATE-----", -1).length - 1 == 1 && !selfSigned(pem.get());
        }
        return path.contains("/letsencrypt/live/") && path.endsWith("/cert.pem");
    }

    private static boolean selfSigned(String pem) {
        try {
            java.security.cert.X509Certificate x = (java.security.cert.X509Certificate) java.security.cert
                    .CertificateFactory.getInstance("X.509").generateCertificate(new java.io.ByteArrayInputStream(
                            pem.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
            return x.getSubjectX500Principal().equals(x.getIssuerX500Principal());
        } catch (java.security.cert.CertificateException | ClassCastException e) {
            return false;
        }
    }

    private void daneAndVerify() {
        Set<TlsLevel> used = new HashSet<>();
        TlsLevel.parseConfig(main.value("smtp_tls_security_level")).ifPresent(used::add);
        if (in.policyMap() != null) {
            for (String key : in.policyMap().destinations()) {
                firstWord(in.policyMap().get(key).orElse("")).flatMap(TlsLevel::parseConfig).ifPresent(used::add);
            }
        }
        if (used.stream().anyMatch(TlsLevel::needsDnssec)
                && !"dnssec".equals(main.value("smtp_dns_support_level"))) {
            add("dane-without-dnssec", Severity.ERROR, "DANE is configured but smtp_dns_support_level is not dnssec;"
                    + " Postfix then treats dane as may.", "Set smtp_dns_support_level = dnssec (needs a validating"
                    + " resolver).");
        }
        if (used.stream().anyMatch(TlsLevel::needsCa) && !main.isSet("smtp_tls_CAfile") && !main.isSet("smtp_tls_CApath")) {
            add("verify-without-ca", Severity.ERROR, "verify/secure needs trust anchors, but neither smtp_tls_CAfile"
                    + " nor smtp_tls_CApath is set; every delivery would fail verification.",
                    "Set smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt.");
        }
    }

    private void policyTable() {
        if (in.policyMap() == null) {
            return;
        }
        Set<String> own = ownDomains();
        for (String key : in.policyMap().destinations()) {
            if (PolicyDestination.WILDCARD.equals(key)) {
                add("star-policy-key", Severity.ERROR, "The policy table has a '*' key; Postfix never looks it up"
                        + " (only transport tables have that wildcard).", "Remove it and set the default with"
                        + " smtp_tls_security_level.");
                continue;
            }
            PolicyDestination.problem(key).ifPresent(p -> add("malformed-policy-key", Severity.ERROR,
                    "Policy key " + p, "Use domain, .domain, [host] or [host]:port."));
            if (own.contains(PolicyDestination.domainOf(key))) {
                add("policy-for-own-domain", Severity.WARNING, "The policy table has an entry for " + key + ", one of"
                        + " this server's own domains; mail to it is delivered locally, so the entry never applies.",
                        "Remove the entry.");
            }
            String value = in.policyMap().get(key).orElse("");
            Optional<TlsLevel> level = firstWord(value).flatMap(TlsLevel::parseConfig);
            if (value.contains("match=") && level.isPresent() && !level.get().acceptsMatch()) {
                add("policy-match-wrong-level", Severity.WARNING, "Entry " + key + " has match= at level "
                        + level.get().postfixName() + ", where it has no effect.", "Use verify or secure, or drop match=.");
            }
        }
        if (!in.policyMap().isEmpty() && !main.isSet("smtp_tls_policy_maps")) {
            add("policy-maps-unused", Severity.WARNING, "A TLS policy table exists but smtp_tls_policy_maps does not"
                    + " refer to it.", "Set smtp_tls_policy_maps = hash:/etc/postfix/tls_policy.");
        }
    }

    private void services() {
        Map<String, List<MasterService>> byPort = new HashMap<>();
        for (MasterService s : in.master().services()) {
            if (s.port().isPresent()) {
                byPort.computeIfAbsent(s.port().getAsInt() + "", k -> new ArrayList<>()).add(s);
            }
        }
        byPort.forEach((port, list) -> {
            if (list.size() > 1) {
                add("duplicate-service-port", Severity.ERROR, "Port " + port + " has " + list.size() + " services ("
                        + String.join(", ", list.stream().map(MasterService::name).toList()) + "); only one can bind.",
                        "Keep one service per port.");
            }
        });
        for (MasterService s : in.master().servicesOnPort(587)) {
            if (!"encrypt".equals(effective(s, "smtpd_tls_security_level"))
                    && !"yes".equals(effective(s, "smtpd_tls_wrappermode"))) {
                add("submission-without-tls", Severity.ERROR, "Submission service " + s.name() + " does not require"
                        + " TLS.", "Add -o smtpd_tls_security_level=encrypt.");
            }
        }
        for (MasterService s : in.master().servicesOnPort(465)) {
            if (!"yes".equals(effective(s, "smtpd_tls_wrappermode"))) {
                add("submissions-without-wrappermode", Severity.ERROR, "Port-465 service " + s.name() + " speaks"
                        + " plain SMTP, but clients expect TLS from the first byte.", "Add -o smtpd_tls_wrappermode=yes.");
            }
        }
    }

    private void duplicates() {
        for (String name : main.duplicates()) {
            add("duplicate-parameter", Severity.INFO, name + " is defined more than once; only the last definition"
                    + " counts.", "Keep one definition.");
        }
    }

    private void weakProtocols() {
        for (String name : PROTOCOL_PARAMETERS) {
            Optional<String> raw = main.get(name);
            if (raw.isEmpty()) {
                continue;
            }
            int floor = TlsStrength.protocolFloor(main.value(name));
            if (floor <= TlsStrength.PROTOCOLS.indexOf("SSLv3")) {
                add("weak-protocol-enabled", Severity.WARNING, name + " = " + raw.get() + " leaves "
                        + TlsStrength.PROTOCOLS.get(floor) + " enabled, broken since POODLE/DROWN.",
                        "Exclude SSLv2 and SSLv3 (>=TLSv1.2 on Postfix 3.6+).");
            }
        }
    }

    private void levels() {
        for (String name : List.of("smtpd_tls_security_level", "smtp_tls_security_level")) {
            Optional<String> raw = main.get(name);
            String value = main.value(name);
            if (raw.isPresent() && !value.isBlank() && TlsLevel.parseConfig(value).isEmpty()) {
                add("invalid-security-level", Severity.ERROR, name + " = " + raw.get()
                        + (raw.get().equals(value) ? "" : " (" + value + ")") + " is not a TLS level.",
                        "Use none, may, encrypt, dane, dane-only, fingerprint, verify or secure.");
            }
        }
        Optional<MasterService> transport = defaultTransport();
        String outbound = main.value(transport.orElse(null), "smtp_tls_security_level");
        if (outbound.isBlank() && !main.isSet("smtp_tls_security_level")
                && transport.map(t -> t.option("smtp_tls_security_level") == null).orElse(true)) {
            outbound = VersionRules.defaultOutboundLevel(main, in.version());
        }
        if ((outbound.isBlank() || outbound.equalsIgnoreCase("none")) && !"yes".equals(main.value("smtp_use_tls"))) {
            add("outbound-plaintext", Severity.WARNING, "Outgoing mail never uses TLS (smtp_tls_security_level is "
                    + (outbound.isBlank() ? "empty" : "none") + transport.filter(t -> t.option(
                    "smtp_tls_security_level") != null).map(t -> " on service " + t.name() + "/unix").orElse("")
                    + ").", "Set smtp_tls_security_level = may at least.");
        }
    }

    private Optional<MasterService> defaultTransport() {
        String transport = main.value("default_transport");
        String name = transport.isBlank() ? "smtp" : transport.split(":", 2)[0];
        return in.master().services().stream().filter(s -> s.name().equals(name) && "unix".equals(s.type())
                && "smtp".equals(s.command())).findFirst();
    }

    /** Port 25 is where other servers deliver; without STARTTLS all of that mail crosses the Internet in clear. */
    private void smtpWithoutStarttls() {
        for (MasterService s : in.master().servicesOnPort(25)) {
            if (("smtpd".equals(s.command()) || "postscreen".equals(s.command()))
                    && levelOf(main.value(s, "smtpd_tls_security_level")) == 0
                    && !"yes".equals(main.value(s, "smtpd_use_tls"))) {
                add("smtp-without-starttls", Severity.WARNING, "Service " + s.name() + " (port 25) offers no STARTTLS;"
                        + " mail from other servers arrives in clear text.", "Set smtpd_tls_security_level = may and a"
                        + " certificate.");
            }
        }
    }

    /** Submission ports carry passwords: TLS 1.0/1.1 are deprecated (RFC 8996) and fail NIST SP 800-52r2. */
    private void submissionOldTls() {
        for (MasterService s : in.master().services()) {
            if (!"smtpd".equals(s.command()) || s.port().isEmpty()
                    || (s.port().getAsInt() != 587 && s.port().getAsInt() != 465)) {
                continue;
            }
            boolean mandatory = "yes".equalsIgnoreCase(main.value(s, "smtpd_tls_wrappermode"))
                    || levelOf(main.value(s, "smtpd_tls_security_level")) >= TlsStrength.levelRank(TlsLevel.ENCRYPT);
            String name = mandatory ? "smtpd_tls_mandatory_protocols" : "smtpd_tls_protocols";
            String value = main.value(s, name);
            String effective = value.isBlank() && !main.get(name).isPresent() && s.option(name) == null
                    ? defaultProtocols() : value;
            int floor = TlsStrength.protocolFloor(effective);
            if (floor < TlsStrength.PROTOCOLS.indexOf("TLSv1.2")) {
                add("submission-old-tls", Severity.WARNING, "Submission service " + s.name() + " accepts "
                        + TlsStrength.PROTOCOLS.get(floor) + " (" + name + " = " + (effective.isBlank() ? "empty"
                        : effective) + "); TLS below 1.2 is deprecated (RFC 8996).", "Set " + name + " = "
                        + in.version().protocolFloor("TLSv1.2") + " (in main.cf or by -o on the service).");
            }
        }
    }

    private String defaultProtocols() {
        return in.version().atLeast(PostfixVersion.MODERN_TLS) ? ">=TLSv1" : "!SSLv2, !SSLv3";
    }

    /** postconf(5) smtpd_tls_chain_files: when it is set, the cert/key file parameters are ignored. */
    private void certFileIgnored() {
        boolean flagged = false;
        for (MasterService s : in.master().services()) {
            if ("smtpd".equals(s.command()) && !main.value(s, "smtpd_tls_chain_files").isBlank()
                    && !main.value(s, "smtpd_tls_cert_file").isBlank()
                    && (s.option("smtpd_tls_chain_files") != null || s.option("smtpd_tls_cert_file") != null
                    || !flagged)) {
                add("cert-file-ignored", Severity.WARNING, "Service " + s.name() + "/" + s.type() + " has both"
                        + " smtpd_tls_chain_files and smtpd_tls_cert_file; Postfix uses only smtpd_tls_chain_files"
                        + " and ignores the other.", "Keep one: smtpd_tls_chain_files (Postfix 3.4+) or the cert/key"
                        + " file parameters.");
                flagged = true;
            }
        }
        if (!flagged && in.master().services().isEmpty() && !main.value("smtpd_tls_chain_files").isBlank()
                && !main.value("smtpd_tls_cert_file").isBlank()) {
            add("cert-file-ignored", Severity.WARNING, "Both smtpd_tls_chain_files and smtpd_tls_cert_file are set;"
                    + " Postfix uses only smtpd_tls_chain_files and ignores the other.", "Keep one.");
        }
    }

    /**
     * postconf(5) smtpd_tls_chain_files: beside it the ECDSA (and DSA) file parameters are ignored with a warning,
     * so the certificate they name, often an old ECDSA one the admin believes is served, never is. Once for main.cf,
     * and for each smtpd service whose own -o makes the pair.
     */
    private void algorithmFileIgnored() {
        for (String name : List.of("smtpd_tls_eccert_file", "smtpd_tls_dcert_file")) {
            if (!main.value("smtpd_tls_chain_files").isBlank() && !main.value(name).isBlank()) {
                algorithmFileIgnored("main.cf sets", name, main.value(name));
            }
            for (MasterService s : in.master().services()) {
                if ("smtpd".equals(s.command()) && (s.option(name) != null || s.option("smtpd_tls_chain_files") != null)
                        && !main.value(s, "smtpd_tls_chain_files").isBlank() && !main.value(s, name).isBlank()) {
                    algorithmFileIgnored("Service " + s.name() + "/" + s.type() + " has", name, main.value(s, name));
                }
            }
        }
    }

    private void algorithmFileIgnored(String where, String name, String value) {
        add("eccert-file-ignored", Severity.WARNING, where + " both smtpd_tls_chain_files and " + name + " = " + value
                + "; Postfix serves only the certificates in smtpd_tls_chain_files, so " + value + " is never served"
                + " (and Postfix logs a warning).", "Remove " + name + " (and its key setting); to serve that"
                + " certificate, list its key and chain in smtpd_tls_chain_files.");
    }

    /** Cipher grades null/export/low and protocol lists that leave SSLv2/SSLv3 on. */
    private void weakCiphers() {
        for (String side : List.of("smtpd", "smtp")) {
            for (String name : List.of(side + "_tls_ciphers", side + "_tls_mandatory_ciphers")) {
                String grade = main.value(name);
                Optional<Integer> rank = TlsStrength.gradeRank(grade);
                // Postfix 3.8 and later read export and low as medium (legacy-cipher-grade)
                int weakBelow = TlsStrength.gradeRank(in.version().atLeast(PostfixVersion.V3_8) ? "export" : "medium")
                        .orElseThrow();
                if (main.get(name).isPresent() && rank.isPresent() && rank.get() < weakBelow) {
                    add("weak-cipher-grade", Severity.WARNING, name + " = " + grade + " enables export-grade or"
                            + " low-strength ciphers.", "Use medium or high.");
                }
            }
        }
    }

    /** Mandatory outbound TLS as a global default defers mail to every domain without TLS (TLS_README). */
    private void outboundMandatoryToInternet() {
        String level = main.value(defaultTransport().orElse(null), "smtp_tls_security_level");
        Optional<TlsLevel> parsed = TlsLevel.parseConfig(level);
        if (parsed.isPresent() && parsed.get().mandatory() && main.value("relayhost").isBlank()) {
            add("outbound-mandatory-internet", Severity.WARNING, "smtp_tls_security_level = " + level + " applies to"
                    + " every domain and this server delivers directly to the Internet (no relayhost); mail to"
                    + " servers without TLS (or without a matching certificate) is deferred and finally bounced.",
                    "Use may (or dane) as the default and list the domains that must get TLS in the policy table.");
        }
    }

    private List<MasterService> smtpdListeners() {
        return in.master().services().stream().filter(s -> s.port().isPresent() && "smtpd".equals(s.command())).toList();
    }

    private String effective(MasterService s, String name) {
        return main.value(s, name);
    }

    /** The domains delivered locally: mydestination, expanded as Postfix does (its default when unset). */
    private Set<String> ownDomains() {
        Set<String> own = new HashSet<>();
        for (String d : main.value("mydestination").split("[\\s,]+")) {
            if (!d.contains(":") && !d.startsWith("/")) {
                own.add(d.toLowerCase(Locale.ROOT));
            }
        }
        own.remove("");
        return own;
    }

    private static Optional<String> firstWord(String value) {
        String[] words = value.trim().split("\\s+");
        return words.length == 0 || words[0].isEmpty() ? Optional.empty() : Optional.of(words[0]);
    }

    private void add(String id, Severity severity, String message, String fix) {
        findings.add(new Finding(id, severity, message, fix));
    }
}
