package org.postfixtls.wizard.domain.config.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenSSL release a server's Postfix uses, as far as features depend on it: {@code minor} and {@code patch}
 * are -1 when only the major version is known (from the name of the linked {@code libssl.so.3}), and
 * {@code letter} is the 1.x patch letter ("b" of 1.1.1b), empty otherwise.
 */
public record OpensslVersion(int major, int minor, int patch, String letter) {

    private static final Pattern VERSION = Pattern.compile("(?:OpenSSL\\s+)?([0-9]{1,2})\\.([0-9]{1,2})\\.([0-9]{1,3})([a-z]{0,2})\\b.*",
            Pattern.DOTALL);

    public OpensslVersion {
        letter = letter == null ? "" : letter;
    }

    /** Reads {@code openssl version} output ("OpenSSL 3.0.17 1 Jul 2025") or a bare "1.1.1w"; LibreSSL is not OpenSSL. */
    public static Optional<OpensslVersion> parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new OpensslVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)), m.group(4)));
    }

    /** Only the major version, from the shared library's name ({@code libssl.so.3}). */
    public static OpensslVersion majorOnly(int major) {
        return new OpensslVersion(major, -1, -1, "");
    }

    public boolean knowsMinor() {
        return minor >= 0;
    }

    /** True when this is at least {@code major.minor}; false when the minor version needed to tell is unknown. */
    public boolean atLeast(int wantedMajor, int wantedMinor) {
        if (major != wantedMajor) {
            return major > wantedMajor;
        }
        return knowsMinor() && minor >= wantedMinor;
    }

    /**
     * OpenSSL 1.1.1b and later let an application choose or skip the configuration file (postconf(5)
     * tls_config_file); 3.x always can.
     */
    public boolean canChooseConfigFile() {
        if (major >= 3) {
            return true;
        }
        if (major != 1 || minor != 1 || patch != 1) {
            return major == 1 && minor > 1;
        }
        return !letter.isEmpty() && letter.compareTo("b") >= 0;
    }

    @Override
    public String toString() {
        return knowsMinor() ? major + "." + minor + "." + patch + letter : major + ".x";
    }
}
