package org.postfixtls.wizard.domain.config.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The lookups of {@code smtp_tls_policy_maps}, in order (Postfix asks them one after the other and uses the first
 * answer). Lookups are separated by whitespace or commas; {@code { ... }} groups (inline tables) stay one lookup.
 */
public record PolicyChain(List<String> lookups) {

    public PolicyChain {
        lookups = List.copyOf(lookups);
    }

    public static PolicyChain parse(String value) {
        List<String> lookups = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && (Character.isWhitespace(c) || c == ',')) {
                if (current.length() > 0) {
                    lookups.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (current.length() > 0) {
            lookups.add(current.toString());
        }
        return new PolicyChain(lookups);
    }

    public List<String> lookupsExcept(Predicate<String> excluded) {
        return lookups.stream().filter(excluded.negate()).toList();
    }

    /**
     * The lookups of {@code before} that this chain no longer has; a table read with another database type (hash
     * to lmdb, the same file) is the same lookup.
     */
    public List<String> lost(PolicyChain before) {
        List<String> tables = lookups.stream().map(PolicyChain::table).toList();
        return before.lookups.stream().filter(l -> !tables.contains(table(l))).toList();
    }

    private static String table(String lookup) {
        int colon = lookup.indexOf(':');
        String type = colon < 0 ? "" : lookup.substring(0, colon);
        boolean fileType = List.of("hash", "btree", "lmdb", "cdb", "dbm", "texthash", "sdbm").contains(type);
        return fileType ? lookup.substring(colon + 1) : lookup;
    }
}
