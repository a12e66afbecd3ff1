package org.postfixtls.wizard.domain.config.plan;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Postfix release as far as configuration syntax depends on it (major.minor). */
public record PostfixVersion(int major, int minor) implements Comparable<PostfixVersion> {

    private static final Pattern VERSION = Pattern.compile("([0-9]{1,2})\\.([0-9]{1,2})(?:\\.[0-9]{1,3})?");

    /** Postfix 3.4 added smtpd_tls_chain_files. */
    public static final PostfixVersion CHAIN_FILES = new PostfixVersion(3, 4);
    /** Postfix 3.6 added the {@code >=TLSv1.2} protocol syntax and stopped using smtpd_tls_eecdh_grade. */
    public static final PostfixVersion MODERN_TLS = new PostfixVersion(3, 6);

    public static Optional<PostfixVersion> parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PostfixVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
    }

    public boolean atLeast(PostfixVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(PostfixVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    /** The protocol setting that allows nothing older than {@code floor} ("TLSv1.2" or "TLSv1.3"). */
    public String protocolFloor(String floor) {
        if (atLeast(MODERN_TLS)) {
            return ">=" + floor;
        }
        return "TLSv1.3".equals(floor) ? "!SSLv2, !SSLv3, !TLSv1, !TLSv1.1, !TLSv1.2" : "!SSLv2, !SSLv3, !TLSv1, !TLSv1.1";
    }
}
