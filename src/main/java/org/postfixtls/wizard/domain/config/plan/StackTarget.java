package org.postfixtls.wizard.domain.config.plan;

import java.util.Map;
import java.util.Objects;

/**
 * A plan written into a mail stack's own override files: which stack, where each override file lives on the
 * server (file name → absolute path) and what the admin runs so that the stack applies them. Postfix does not read
 * these files itself; the stack applies them when it (re)starts its Postfix container (decision 0064).
 */
public record StackTarget(String stack, Map<String, String> locations, String restart) {

    public StackTarget {
        Objects.requireNonNull(stack, "stack");
        locations = Map.copyOf(locations);
        Objects.requireNonNull(restart, "restart");
    }
}
