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
    /** Postfix 3.8: "export"/"low" act as "medium"; SEED, IDEA, 3DES, RC2, RC4, RC5, MD5, kDH, kECDH, aDSS excluded by default. */
    public static final PostfixVersion V3_8 = new PostfixVersion(3, 8);
    /** Postfix 3.9: postconf warns about the obsolete TLS parameters; raw public keys; tls_config_file. */
    public static final PostfixVersion V3_9 = new PostfixVersion(3, 9);
    /** Postfix 3.10: empty tls_eecdh_auto_curves delegates to OpenSSL; TLS-Required: no; TLSRPT. */
    public static final PostfixVersion V3_10 = new PostfixVersion(3, 10);
    /** Postfix 3.11: smtp_tls_security_level defaults to may at compatibility_level 3.11; REQUIRETLS. */
    public static final PostfixVersion V3_11 = new PostfixVersion(3, 11);

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

    /**
     * The protocol setting that allows nothing older than {@code floor} ("TLSv1" ... "TLSv1.3") and every newer
     * protocol, TLS 1.3 included: {@code >=floor} from 3.6 on, before that the exclusion list of everything older
     * (never a list that names allowed protocols: that would exclude every protocol it does not name).
     */
    public String protocolFloor(String floor) {
        if (atLeast(MODERN_TLS)) {
            return ">=" + floor;
        }
        int index = Math.max(TlsStrength.PROTOCOLS.indexOf(floor), TlsStrength.PROTOCOLS.indexOf("SSLv3") + 1);
        StringBuilder list = new StringBuilder();
        for (String older : TlsStrength.PROTOCOLS.subList(0, index)) {
            list.append(list.isEmpty() ? "" : ", ").append('!').append(older);
        }
        return list.toString();
    }
}
