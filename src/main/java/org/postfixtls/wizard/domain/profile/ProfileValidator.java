package org.postfixtls.wizard.domain.profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.config.policy.PolicyDestination;

/** Checks a complete profile's values; the GUI calls it directly, the JSON reader after reading. */
public final class ProfileValidator {

    /** Characters a path may hold: the files end up in main.cf and in shell commands run over SSH. */
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._/+@,=-]*");
    private static final Pattern CIPHER_LIST = Pattern.compile("[A-Za-z0-9!+.:-]+");
    private static final Pattern PROTOCOL_LIST = Pattern.compile("[A-Za-z0-9!.:<>=]+");
    private static final Pattern MATCH_ITEM = Pattern.compile("[A-Za-z0-9.:\\-]+");
    private static final Pattern DOMAIN = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern MX_PATTERN = Pattern.compile("(?:\\*\\.)?" + DOMAIN.pattern());
    private static final Pattern MAIL_ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@" + DOMAIN.pattern());
    private static final Set<String> GRADES = Set.of("high", "medium", "low", "export", "null");

    private ProfileValidator() {
    }

    public static List<ProfileError> validate(Profile profile) {
        List<ProfileError> errors = new ArrayList<>();
        level(errors, "outbound.level", profile.outbound().level(), TlsLevel.OUTBOUND_DEFAULTS);
        level(errors, "inbound.level", profile.inbound().level(), TlsLevel.INBOUND);
        path(errors, "certificate.chainFile", profile.certificate().chainFile());
        path(errors, "certificate.keyFile", profile.certificate().keyFile());
        path(errors, "certificate.caFile", profile.certificate().caFile());
        if ((profile.certificate().chainFile() == null) != (profile.certificate().keyFile() == null)) {
            errors.add(new ProfileError("certificate.keyFile",
                    "chainFile and keyFile go together: set both or neither"));
        }
        path(errors, "certificate.ecdsaChainFile", profile.certificate().ecdsaChainFile());
        path(errors, "certificate.ecdsaKeyFile", profile.certificate().ecdsaKeyFile());
        if ((profile.certificate().ecdsaChainFile() == null) != (profile.certificate().ecdsaKeyFile() == null)) {
            errors.add(new ProfileError("certificate.ecdsaKeyFile",
                    "ecdsaChainFile and ecdsaKeyFile go together: set both or neither"));
        } else if (profile.certificate().ecdsaChainFile() != null && profile.certificate().chainFile() == null) {
            errors.add(new ProfileError("certificate.ecdsaChainFile", "an ECDSA certificate is served beside the"
                    + " RSA one: set chainFile and keyFile too (RSA is still the most widely supported, postconf(5)"
                    + " smtpd_tls_chain_files)"));
        } else if (profile.certificate().dual() && (profile.certificate().ecdsaChainFile()
                .equals(profile.certificate().chainFile()) || profile.certificate().ecdsaKeyFile()
                .equals(profile.certificate().keyFile()))) {
            // one file in both places would give Postfix the same key twice: one algorithm, not two
            errors.add(new ProfileError("certificate.ecdsaChainFile", "the ECDSA certificate and key must be other"
                    + " files than the RSA ones (postconf(5) smtpd_tls_chain_files: at most one key of each type)"));
        }
        submission(errors, profile.submission());
        hardening(errors, profile.hardening());
        Profile.SessionCache cache = profile.sessionCache();
        if (cache.timeoutSeconds() < 1 || cache.timeoutSeconds() > 8_640_000) {
            errors.add(new ProfileError("sessionCache.timeout", "is " + cache.timeoutSeconds()
                    + "; allowed: 1-8640000 seconds (Postfix's limit is 100 days)"));
        }
        loglevel(errors, "logging.smtpLoglevel", profile.logging().smtpLoglevel());
        loglevel(errors, "logging.smtpdLoglevel", profile.logging().smtpdLoglevel());
        policies(errors, profile.policies());
        if (profile.mtaSts() != null) {
            mtaSts(errors, profile.mtaSts());
        }
        return errors;
    }

    private static void level(List<ProfileError> errors, String where, TlsLevel level, List<TlsLevel> allowed) {
        if (!allowed.contains(level)) {
            errors.add(new ProfileError(where, levelProblem(level.postfixName(), allowed)));
        }
    }

    /** The message for a level used where it is not allowed; the same words for the JSON reader and the wizard. */
    static String levelProblem(String level, List<TlsLevel> allowed) {
        String why = level.equals(TlsLevel.FINGERPRINT.postfixName()) && !allowed.contains(TlsLevel.FINGERPRINT)
                ? " (fingerprint pins one server's certificate: use it in a domain policy)" : "";
        return "is '" + level + "'; allowed: " + TlsLevel.names(allowed) + why;
    }

    private static void path(List<ProfileError> errors, String where, String value) {
        if (value != null && !SAFE_PATH.matcher(value).matches()) {
            errors.add(new ProfileError(where, "'" + value + "' is not allowed; use an absolute path of letters,"
                    + " digits and . _ - / + @ , = only (no spaces or shell metacharacters such as ; $ ` & | * ?)"));
        }
    }

    private static void submission(List<ProfileError> errors, Profile.Submission submission) {
        port(errors, "submission.starttls.port", submission.starttls().port());
        port(errors, "submission.implicitTls.port", submission.implicitTls().port());
        if (submission.starttls().enabled() && submission.implicitTls().enabled()
                && submission.starttls().port() == submission.implicitTls().port()) {
            errors.add(new ProfileError("submission.implicitTls.port", "is the same port as submission.starttls.port;"
                    + " one port carries one service"));
        }
    }

    private static void port(List<ProfileError> errors, String where, int port) {
        if (port < 1 || port > 65535) {
            errors.add(new ProfileError(where, "is " + port + "; allowed: 1-65535"));
        } else if (port == 25) {
            errors.add(new ProfileError(where, "is 25, the public MX port; submission needs its own port"
                    + " (587 STARTTLS, 465 implicit TLS)"));
        }
    }

    private static void hardening(List<ProfileError> errors, Profile.Hardening h) {
        if (h.protocolFloor() != null && !Set.of("TLSv1.2", "TLSv1.3").contains(h.protocolFloor())) {
            errors.add(new ProfileError("hardening.protocolFloor", "is '" + h.protocolFloor()
                    + "'; allowed: TLSv1.2, TLSv1.3 or null (Postfix's default)"));
        }
        grade(errors, "hardening.mandatoryCiphers", h.mandatoryCiphers());
        grade(errors, "hardening.opportunisticCiphers", h.opportunisticCiphers());
        for (int i = 0; i < h.excludeCiphers().size(); i++) {
            if (!CIPHER_LIST.matcher(h.excludeCiphers().get(i)).matches()) {
                errors.add(new ProfileError("hardening.excludeCiphers[" + i + "]", "'" + h.excludeCiphers().get(i)
                        + "' is not an OpenSSL cipher name (letters, digits, ! + . : - only)"));
            }
        }
        if (h.eecdhGrade() != null && !Set.of("strong", "ultra", "auto").contains(h.eecdhGrade())) {
            errors.add(new ProfileError("hardening.eecdhGrade", "is '" + h.eecdhGrade()
                    + "'; allowed: strong, ultra, auto or null"));
        }
    }

    private static void grade(List<ProfileError> errors, String where, String value) {
        if (value != null && !GRADES.contains(value)) {
            errors.add(new ProfileError(where, "is '" + value + "'; allowed: high, medium, low, export, null"
                    + " (the JSON null keeps Postfix's default)"));
        }
    }

    private static void loglevel(List<ProfileError> errors, String where, Integer level) {
        if (level != null && (level < 0 || level > 4)) {
            errors.add(new ProfileError(where, "is " + level + "; allowed: 0-4 or null"));
        }
    }

    private static void policies(List<ProfileError> errors, List<Profile.Policy> policies) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            Profile.Policy policy = policies.get(i);
            String p = "policies[" + i + "].";
            PolicyDestination.problem(policy.destination())
                    .ifPresent(problem -> errors.add(new ProfileError(p + "destination", problem)));
            if (!seen.add(policy.destination().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(new ProfileError(p + "destination", "'" + policy.destination()
                        + "' appears twice; Postfix would use only the first entry"));
            }
            TlsLevel level = policy.level();
            if (!policy.match().isEmpty() && !level.acceptsMatch()) {
                errors.add(new ProfileError(p + "match", "has no effect at level " + level.postfixName()
                        + "; match is for verify, secure and fingerprint"));
            }
            if (level == TlsLevel.FINGERPRINT && policy.match().isEmpty()) {
                errors.add(new ProfileError(p + "match", "is required at level fingerprint (the certificate or"
                        + " public-key fingerprints)"));
            }
            for (int m = 0; m < policy.match().size(); m++) {
                if (!MATCH_ITEM.matcher(policy.match().get(m)).matches()) {
                    errors.add(new ProfileError(p + "match[" + m + "]", "'" + policy.match().get(m)
                            + "' is not allowed; use hostname, nexthop, dot-nexthop, a domain or a fingerprint"));
                }
            }
            if (level == TlsLevel.NONE && (policy.protocols() != null || policy.ciphers() != null
                    || policy.exclude() != null)) {
                errors.add(new ProfileError(p + "level", "none takes no protocols, ciphers or exclude attributes"));
            }
            if (policy.protocols() != null && !PROTOCOL_LIST.matcher(policy.protocols()).matches()) {
                errors.add(new ProfileError(p + "protocols", "'" + policy.protocols() + "' is not allowed; e.g."
                        + " >=TLSv1.2 or !SSLv2:!SSLv3:!TLSv1:!TLSv1.1 (no spaces: they separate attributes)"));
            }
            if (policy.ciphers() != null && !GRADES.contains(policy.ciphers())) {
                errors.add(new ProfileError(p + "ciphers", "is '" + policy.ciphers()
                        + "'; allowed: high, medium, low, export, null"));
            }
            if (policy.exclude() != null && !CIPHER_LIST.matcher(policy.exclude()).matches()) {
                errors.add(new ProfileError(p + "exclude", "'" + policy.exclude() + "' is not allowed; cipher"
                        + " names separated by ':' (no spaces)"));
            }
        }
    }

    private static void mtaSts(List<ProfileError> errors, Profile.MtaSts sts) {
        if (!DOMAIN.matcher(sts.domain()).matches()) {
            errors.add(new ProfileError("mtaSts.domain", "'" + sts.domain() + "' is not a domain name"));
        }
        if (sts.mx().isEmpty()) {
            errors.add(new ProfileError("mtaSts.mx", "needs at least one MX name (RFC 8461 section 3.2)"));
        }
        for (int i = 0; i < sts.mx().size(); i++) {
            if (!MX_PATTERN.matcher(sts.mx().get(i)).matches()) {
                errors.add(new ProfileError("mtaSts.mx[" + i + "]", "'" + sts.mx().get(i)
                        + "' is not an MX host name (a leading *. wildcard is allowed)"));
            }
        }
        if (!Set.of("enforce", "testing", "none").contains(sts.mode())) {
            errors.add(new ProfileError("mtaSts.mode", "is '" + sts.mode() + "'; allowed: enforce, testing, none"));
        }
        if (sts.maxAge() < 0 || sts.maxAge() > 31_557_600) {
            errors.add(new ProfileError("mtaSts.maxAge", "is " + sts.maxAge() + "; allowed: 0-31557600 seconds"));
        }
        if (sts.reportAddress() != null && !MAIL_ADDRESS.matcher(sts.reportAddress()).matches()) {
            errors.add(new ProfileError("mtaSts.reportAddress", "'" + sts.reportAddress()
                    + "' is not a mail address (TLS-RPT sends reports to mailto:address)"));
        }
    }
}
