package org.postfixtls.wizard.domain.config.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Post-quantum hybrid key exchange (X25519MLKEM768, ML-KEM-768 combined with X25519) for Postfix, decision 0067.
 * <ul>
 * <li>OpenSSL 3.5 is the first release that implements the group.</li>
 * <li>Postfix 3.10 is the first release that passes key-encapsulation "curve" names to OpenSSL
 * (postconf(5) tls_eecdh_auto_curves: "As of Postfix 3.10, when compiled with OpenSSL 3.0 or later, the 'curve'
 * names can be more general key encapsulation mechanisms"). Its default list has no post-quantum group, so the
 * wizard writes one with X25519MLKEM768 first.</li>
 * <li>Postfix 3.11 built with OpenSSL 3.5 defaults to {@code ?X25519MLKEM768:DEFAULT} (RELEASE_NOTES-3.11
 * [Feature 20251102]); nothing needs writing there.</li>
 * </ul>
 * Every Postfix since 3.2 tries each listed name on its own and silently skips those its OpenSSL lacks (tls_dh.c
 * setup_auto_groups), so the plain name is safe in a list; the {@code ?} of 3.11's default is OpenSSL (3.3+)
 * syntax for the same thing.
 */
public final class PostQuantum {

    public static final String GROUP = "X25519MLKEM768";
    public static final String PARAMETER = "tls_eecdh_auto_curves";
    /** What a GUI line or a refusal says the option needs. */
    public static final String NEEDS = "Postfix 3.10 or later with OpenSSL 3.5 or later";
    /** Postfix 3.10's built-in list (mail_params.h DEF_TLS_EECDH_AUTO), what an unset parameter means there. */
    static final String DEFAULT_3_10 = "X25519 X448 prime256v1 secp384r1 secp521r1";
    /** Postfix 3.11's default with OpenSSL 3.5 and later. */
    static final String DEFAULT_3_11 = "?X25519MLKEM768:DEFAULT";
    /** The trade-off, for the plan's reason and the GUI's help. */
    public static final String TRADE_OFF = "The hybrid key share is about 1.2 kB, so a TLS 1.3 ClientHello that"
            + " carries it no longer fits one TCP segment; some middleboxes and old servers mishandle that"
            + " (\"protocol ossification\"). Postfix 3.11 therefore offers the group as ?X25519MLKEM768:DEFAULT,"
            + " which sends the large share only when a server asks for it.";

    /** What the server can do with the option. */
    public enum Support {
        /** Postfix 3.10 (or later with its own list) and OpenSSL 3.5+: the plan writes the list. */
        WRITE_LIST,
        /** Postfix 3.11+ with OpenSSL 3.5+: the default already offers it. */
        DEFAULT,
        /** Postfix or OpenSSL too old, or OpenSSL unknown: the option cannot be applied. */
        UNAVAILABLE
    }

    /** The support and the sentence that explains it ("Needs Postfix 3.10 ... ; this server has ..."). */
    public record Availability(Support support, String reason) {
        public boolean usable() {
            return support != Support.UNAVAILABLE;
        }
    }

    private PostQuantum() {
    }

    public static Availability availability(PostfixVersion version, TlsRuntime runtime) {
        if (version == null || !version.atLeast(PostfixVersion.V3_10)) {
            return new Availability(Support.UNAVAILABLE, "Needs " + NEEDS + "; this server has Postfix "
                    + (version == null ? "of an unknown release" : version) + ".");
        }
        TlsRuntime known = runtime == null ? TlsRuntime.UNKNOWN : runtime;
        if (known.opensslVersion().isEmpty()) {
            return new Availability(Support.UNAVAILABLE, "Needs " + NEEDS + "; the OpenSSL release of this server"
                    + " is unknown (connect over SSH so discovery can tell, or state it: the OpenSSL field for local"
                    + " files, plan --openssl-version on the command line).");
        }
        if (!known.opensslVersion().get().atLeast(3, 5)) {
            return new Availability(Support.UNAVAILABLE, "Needs " + NEEDS + "; this server's Postfix " + version
                    + " uses " + known.describeOpenssl() + ", which has no post-quantum groups.");
        }
        if (version.atLeast(PostfixVersion.V3_11)) {
            return new Availability(Support.DEFAULT, "Postfix " + version + " with " + known.describeOpenssl()
                    + " already offers it by default (tls_eecdh_auto_curves = " + DEFAULT_3_11
                    + ", RELEASE_NOTES-3.11).");
        }
        return new Availability(Support.WRITE_LIST, "Postfix " + version + " with " + known.describeOpenssl()
                + ": the wizard puts " + GROUP + " first in tls_eecdh_auto_curves.");
    }

    /** True when the list names the group (with or without OpenSSL's {@code ?}/{@code *} prefixes). */
    public static boolean names(String curves) {
        return tokens(curves).stream().anyMatch(PostQuantum::isGroup);
    }

    /** True when the group comes first in the list. */
    static boolean first(String curves) {
        List<String> tokens = tokens(curves);
        return !tokens.isEmpty() && isGroup(tokens.get(0));
    }

    /**
     * The list with the group first and every other name of {@code current} after it, in its order ({@code
     * current} blank: Postfix 3.10's default list). Names are separated by spaces, as postconf(5) writes them.
     */
    static String withGroupFirst(String current) {
        List<String> rest = new ArrayList<>();
        List<String> tokens = current == null || current.isBlank() ? tokens(DEFAULT_3_10) : tokens(current);
        for (String token : tokens) {
            if (!isGroup(token)) {
                rest.add(token);
            }
        }
        List<String> all = new ArrayList<>();
        all.add(GROUP);
        all.addAll(rest);
        return String.join(" ", all);
    }

    private static boolean isGroup(String token) {
        return token.replaceFirst("^[?*]+", "").toLowerCase(Locale.ROOT).equals(GROUP.toLowerCase(Locale.ROOT));
    }

    private static List<String> tokens(String curves) {
        List<String> tokens = new ArrayList<>();
        for (String token : (curves == null ? "" : curves).trim().split("[\\s,:]+")) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }
}
