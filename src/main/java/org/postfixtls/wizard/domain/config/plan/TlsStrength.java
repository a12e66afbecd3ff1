package org.postfixtls.wizard.domain.config.plan;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * Orders the values of Postfix's TLS settings by strength, so the planner can tell whether a change narrows or
 * widens what the server accepts (postconf(5): *_tls_protocols, *_tls_ciphers, TLS security levels).
 */
public final class TlsStrength {

    /** Protocols from oldest to newest, as spelled in main.cf. */
    public static final List<String> PROTOCOLS = List.of("SSLv2", "SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    /**
     * What Postfix 3.8 and later exclude in every cipher grade (mail_params.h TLS_EXCL: !SEED:!IDEA:!3DES:!RC2:!RC4:
     * !RC5, !kDH:!kECDH, !aDSS, !MD5; RELEASE_NOTES-3.8 [Incompat 20230304]), upper-cased; DSS is aDSS's alias.
     */
    private static final java.util.Set<String> EXCLUDED_SINCE_38 = java.util.Set.of("SEED", "IDEA", "3DES", "RC2",
            "RC4", "RC5", "MD5", "KDH", "KECDH", "ADSS", "DSS");
    private static final List<String> GRADES = List.of("null", "export", "low", "medium", "high");

    private TlsStrength() {
    }

    /**
     * The oldest protocol a protocols value allows, as an index into {@link #PROTOCOLS}: {@code >=TLSv1.2}, an
     * exclusion list ({@code !SSLv2, !SSLv3}) or a list of allowed protocols. An empty value allows everything
     * OpenSSL offers (index 0).
     */
    public static int protocolFloor(String value) {
        int lowestListed = -1;
        int floor = 0;
        boolean[] excluded = new boolean[PROTOCOLS.size()];
        for (String raw : value.trim().split("[\\s,:]+")) {
            if (raw.isEmpty()) {
                continue;
            }
            if (raw.startsWith(">=")) {
                floor = Math.max(floor, Math.max(0, PROTOCOLS.indexOf(raw.substring(2))));
            } else if (raw.startsWith("!")) {
                int index = PROTOCOLS.indexOf(raw.substring(1));
                if (index >= 0) {
                    excluded[index] = true;
                }
            } else if (!raw.startsWith("<=")) {
                int index = PROTOCOLS.indexOf(raw);
                if (index >= 0 && (lowestListed < 0 || index < lowestListed)) {
                    lowestListed = index;
                }
            }
        }
        if (lowestListed >= 0) {
            floor = Math.max(floor, lowestListed);
        }
        while (floor < PROTOCOLS.size() - 1 && excluded[floor]) {
            floor++;
        }
        return floor;
    }

    /**
     * True when a protocols value leaves TLS 1.3 out although the admin only meant to set a floor: a list that
     * names allowed protocols ({@code TLSv1.2}, or {@code !SSLv2, !SSLv3, !TLSv1, TLSv1.1, TLSv1.2}) allows only
     * what it names (postconf(5) smtpd_tls_protocols: "... or a list of protocols to include"), and an upper bound
     * ({@code <=TLSv1.2}) ends below 1.3. {@code !TLSv1.3} is an explicit choice and not counted.
     */
    public static boolean excludesTls13ByAccident(String value) {
        boolean namesAllowed = false;
        boolean namesTls13 = false;
        for (String raw : value.trim().split("[\\s,:]+")) {
            if (raw.startsWith("<=")) {
                if (PROTOCOLS.indexOf(raw.substring(2)) >= 0 && PROTOCOLS.indexOf(raw.substring(2)) < PROTOCOLS.indexOf("TLSv1.3")) {
                    return true;
                }
            } else if (!raw.isEmpty() && !raw.startsWith("!") && !raw.startsWith(">=") && PROTOCOLS.contains(raw)) {
                namesAllowed = true;
                namesTls13 |= raw.equals("TLSv1.3");
            }
        }
        return namesAllowed && !namesTls13;
    }

    /** True for an exclusion that Postfix 3.8 and later make by default (case-insensitive). */
    public static boolean excludedByDefaultSince38(String token) {
        return EXCLUDED_SINCE_38.contains(token.trim().toUpperCase(Locale.ROOT));
    }

    /** The cipher grade's rank (null < export < low < medium < high), empty for a value that is not a grade. */
    public static Optional<Integer> gradeRank(String grade) {
        int index = GRADES.indexOf(grade.trim().toLowerCase(Locale.ROOT));
        return index < 0 ? Optional.empty() : Optional.of(index);
    }

    /**
     * How much a security level protects outgoing or incoming mail: none < may < encrypt < dane < dane-only,
     * fingerprint, verify < secure. A move to a lower rank weakens what the server had.
     */
    public static int levelRank(TlsLevel level) {
        return switch (level) {
            case NONE -> 0;
            case MAY -> 1;
            case ENCRYPT -> 2;
            case DANE -> 3;
            case DANE_ONLY, FINGERPRINT, VERIFY -> 4;
            case SECURE -> 5;
        };
    }

    /** Level rank of a main.cf value; empty or unknown counts as none (Postfix's default). */
    public static int levelRank(String value) {
        return TlsLevel.parseConfig(value.trim()).map(TlsStrength::levelRank).orElse(0);
    }
}
