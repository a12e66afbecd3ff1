package org.postfixtls.wizard.domain.records;

import java.util.Locale;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.kernel.BadInputException;

/** Host and domain names as they go into DNS owner names: lower case, no trailing dot, LDH labels. */
final class DomainNames {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private DomainNames() {
    }

    static String require(String name, String what) {
        String normalized = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (normalized.endsWith(".")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        String[] labels = normalized.split("\\.", -1);
        boolean valid = labels.length >= 2 && normalized.length() <= 253;
        for (String label : labels) {
            valid &= LABEL.matcher(label).matches();
        }
        if (!valid) {
            throw new BadInputException("'" + name + "' is not a valid " + what + "; expected a fully qualified name such as mail.example.com");
        }
        return normalized;
    }
}
