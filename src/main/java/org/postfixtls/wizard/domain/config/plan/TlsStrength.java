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
