package org.postfixtls.wizard.domain.config.plan;

import java.util.Map;
import java.util.Objects;

/**
 * A plan written into a mail stack's own override files: which stack, where each override file lives on the
 * server (file name → absolute path) and what the admin runs so that the stack applies them. Postfix does not read
 * these files itself; the stack applies them when it (re)starts its Postfix container (decision 0064).
 * {@code runningMain}/{@code runningMaster} are main.cf and master.cf as Postfix will run them after that start
 * (what lint judges).
 */
public record StackTarget(String stack, Map<String, String> locations, String restart, String runningMain,
        String runningMaster) {

    public StackTarget {
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(runningMain, "runningMain");
        Objects.requireNonNull(runningMaster, "runningMaster");
        locations = Map.copyOf(locations);
        Objects.requireNonNull(restart, "restart");
    }
}
