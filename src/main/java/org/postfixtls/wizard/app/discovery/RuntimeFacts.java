package org.postfixtls.wizard.app.discovery;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.config.plan.OpensslVersion;
import org.postfixtls.wizard.domain.config.plan.TlsRuntime;

/**
 * Turns what discovery read about OpenSSL and the Postfix build into a {@link TlsRuntime}. Honest when unsure: the
 * {@code openssl} command may be another release than the library Postfix links, so its version is used only when
 * its major version matches the linked {@code libssl.so.N} (or nothing is known about the library); otherwise
 * only the library's major version is kept.
 */
final class RuntimeFacts {

    private static final Pattern LIBRARY = Pattern.compile("\\(Library:\\s*(OpenSSL\\s+[^)]*)\\)");
    private static final Pattern SONAME = Pattern.compile("libssl\\.so\\.([0-9]+)(?:\\.([0-9]+))?.*");
    private static final Pattern SECLEVEL = Pattern.compile("@SECLEVEL=([0-9])");
    private static final Pattern MIN_PROTOCOL = Pattern.compile("(?i)MinProtocol\\s*=\\s*(TLSv1\\.[23])\\b.*");

    private RuntimeFacts() {
    }

    static TlsRuntime of(String opensslVersion, String libssl, String tlsrpt, String cnfPath, String cnfSettings,
            String cryptoPolicy) {
        Matcher library = LIBRARY.matcher(opensslVersion);
        Optional<OpensslVersion> cli = OpensslVersion.parse(library.find() ? library.group(1) : opensslVersion);
        Optional<Integer> linkedMajor = linkedMajor(libssl);
        OpensslVersion openssl = null;
        String evidence = null;
        if (cli.isPresent() && (linkedMajor.isEmpty() || linkedMajor.get() == cli.get().major())) {
            openssl = cli.get();
            evidence = linkedMajor.isPresent() ? "openssl version; smtpd links " + libssl.trim() : "openssl version";
        } else if (linkedMajor.isPresent()) {
            openssl = OpensslVersion.majorOnly(linkedMajor.get());
            evidence = "smtpd links " + libssl.trim();
        }
        TlsRuntime.Support support = switch (tlsrpt == null ? "" : tlsrpt.trim()) {
            case "yes" -> TlsRuntime.Support.YES;
            case "no" -> TlsRuntime.Support.NO;
            default -> TlsRuntime.Support.UNKNOWN;
        };
        return new TlsRuntime(openssl, evidence, support, strictSetting(cnfPath, cnfSettings, cryptoPolicy));
    }

    /** libssl.so.3 → 3; libssl.so.1.1 → 1. */
    private static Optional<Integer> linkedMajor(String libssl) {
        Matcher m = SONAME.matcher(libssl == null ? "" : libssl.trim());
        return m.matches() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    /**
     * The first system-wide setting that refuses peers Postfix's own defaults accept: MinProtocol TLSv1.2 or
     * higher, {@code @SECLEVEL=2} or higher in openssl.cnf, or a crypto policy other than LEGACY (RHEL's DEFAULT and
     * FUTURE refuse TLS 1.0 and 1.1). Null when none.
     */
    static String strictSetting(String cnfPath, String cnfSettings, String cryptoPolicy) {
        for (String line : (cnfSettings == null ? "" : cnfSettings).split("\n")) {
            String trimmed = line.trim();
            Matcher seclevel = SECLEVEL.matcher(trimmed);
            if (MIN_PROTOCOL.matcher(trimmed).matches()
                    || (seclevel.find() && Integer.parseInt(seclevel.group(1)) >= 2)) {
                return cnfPath + ": " + trimmed;
            }
        }
        String policy = cryptoPolicy == null ? "" : cryptoPolicy.trim();
        if (!policy.isEmpty() && !policy.toUpperCase(Locale.ROOT).startsWith("LEGACY")) {
            return "crypto policy " + policy + " (/etc/crypto-policies/config)";
        }
        return null;
    }
}
