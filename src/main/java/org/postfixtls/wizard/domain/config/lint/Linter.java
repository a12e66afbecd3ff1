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
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.policy.PolicyDestination;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/** TLS checks over main.cf, master.cf and the policy table; used on the current and on the planned files. */
public final class Linter {

    private static final Map<String, String> OBSOLETE = Map.of(
            "smtpd_use_tls", "smtpd_tls_security_level = may",
            "smtpd_enforce_tls", "smtpd_tls_security_level = encrypt",
            "smtp_use_tls", "smtp_tls_security_level = may",
            "smtp_enforce_tls", "smtp_tls_security_level = encrypt",
            "smtp_tls_per_site", "smtp_tls_policy_maps",
            "smtp_tls_enforce_peername", "smtp_tls_security_level = verify or secure");
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

    private void run() {
        obsoleteParameters();
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

    private void obsoleteParameters() {
        OBSOLETE.keySet().stream().sorted().filter(main::isSet).forEach(name -> add("obsolete-parameter",
                Severity.WARNING, name + " is obsolete since Postfix 2.3.", "Replace it with " + OBSOLETE.get(name) + "."));
    }

    private void versionSyntax() {
        PostfixVersion v = in.version();
        if (v.atLeast(PostfixVersion.MODERN_TLS) && main.isSet("smtpd_tls_eecdh_grade")) {
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
        boolean smtpdMandatory = "encrypt".equals(main.get("smtpd_tls_security_level").orElse(""))
                || in.master().services().stream().anyMatch(s -> "encrypt".equals(s.option("smtpd_tls_security_level"))
                || "yes".equals(s.option("smtpd_tls_wrappermode")));
        String smtpLevel = main.get("smtp_tls_security_level").orElse("");
        boolean smtpMandatory = TlsLevel.parse(smtpLevel).map(TlsLevel::mandatory).orElse(false)
                || main.isSet("smtp_tls_policy_maps");
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
        String cert = main.get("smtpd_tls_cert_file").orElse("");
        if (cert.endsWith("/cert.pem")) {
            add("cert-without-chain", Severity.WARNING, "smtpd_tls_cert_file is " + cert + ", the certificate without"
                    + " intermediates; clients cannot build the chain.", "Use fullchain.pem.");
        }
        String level = main.get("smtpd_tls_security_level").orElse("");
        boolean tlsOn = level.equals("may") || level.equals("encrypt")
                || in.master().services().stream().anyMatch(s -> s.option("smtpd_tls_security_level") != null
                        && !"none".equals(s.option("smtpd_tls_security_level")));
        boolean hasCert = !main.get("smtpd_tls_cert_file").orElse("").isEmpty()
                || !main.get("smtpd_tls_chain_files").orElse("").isEmpty()
                || !main.get("smtpd_tls_eccert_file").orElse("").isEmpty();
        if (tlsOn && !hasCert) {
            add("tls-without-certificate", Severity.ERROR, "TLS is enabled for smtpd but no server certificate is"
                    + " configured; STARTTLS fails.", "Set smtpd_tls_cert_file and smtpd_tls_key_file.");
        }
    }

    private void daneAndVerify() {
        Set<TlsLevel> used = new HashSet<>();
        TlsLevel.parse(main.get("smtp_tls_security_level").orElse("")).ifPresent(used::add);
        if (in.policyMap() != null) {
            for (String key : in.policyMap().destinations()) {
                firstWord(in.policyMap().get(key).orElse("")).flatMap(TlsLevel::parse).ifPresent(used::add);
            }
        }
        if (used.stream().anyMatch(TlsLevel::usesDane)
                && !"dnssec".equals(main.get("smtp_dns_support_level").orElse(""))) {
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
            Optional<TlsLevel> level = firstWord(value).flatMap(TlsLevel::parse);
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
            for (String token : main.get(name).orElse("").split("[\\s,:]+")) {
                if (Set.of("SSLv2", "SSLv3", ">=SSLv2", ">=SSLv3").contains(token)) {
                    add("weak-protocol-enabled", Severity.WARNING, name + " enables " + token + ", broken since"
                            + " POODLE/DROWN.", "Exclude SSLv2 and SSLv3.");
                }
            }
        }
    }

    private void levels() {
        for (String name : List.of("smtpd_tls_security_level", "smtp_tls_security_level")) {
            Optional<String> value = main.get(name);
            if (value.isPresent() && !value.get().isEmpty() && TlsLevel.parse(value.get()).isEmpty()) {
                add("invalid-security-level", Severity.ERROR, name + " = " + value.get() + " is not a TLS level.",
                        "Use none, may, encrypt, dane, dane-only, fingerprint, verify or secure.");
            }
        }
        String outbound = main.get("smtp_tls_security_level").orElse("");
        if ((outbound.isEmpty() || outbound.equals("none")) && !main.isSet("smtp_use_tls")) {
            add("outbound-plaintext", Severity.WARNING, "Outgoing mail never uses TLS (smtp_tls_security_level is "
                    + (outbound.isEmpty() ? "empty" : "none") + ").", "Set smtp_tls_security_level = may at least.");
        }
    }

    private List<MasterService> smtpdListeners() {
        return in.master().services().stream().filter(s -> s.port().isPresent() && "smtpd".equals(s.command())).toList();
    }

    private String effective(MasterService s, String name) {
        String value = s.option(name);
        return value != null ? value : main.get(name).orElse("");
    }

    private Set<String> ownDomains() {
        Set<String> own = new HashSet<>();
        String hostname = main.get("myhostname").orElse("");
        String domain = main.get("mydomain").orElse(hostname.contains(".") ? hostname.substring(hostname.indexOf('.') + 1) : "");
        own.add(hostname.toLowerCase(Locale.ROOT));
        own.add(domain.toLowerCase(Locale.ROOT));
        for (String d : main.get("mydestination").orElse("").split("[\\s,]+")) {
            own.add(d.replace("${myhostname}", hostname).replace("$myhostname", hostname)
                    .replace("${mydomain}", domain).replace("$mydomain", domain).toLowerCase(Locale.ROOT));
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
