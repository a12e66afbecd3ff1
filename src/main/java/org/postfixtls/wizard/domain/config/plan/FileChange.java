package org.postfixtls.wizard.domain.config.plan;

/** A file's content before and after the plan; {@code before} is null for a file that does not exist yet. */
public record FileChange(String name, String before, String after) {

    public boolean changed() {
        return !after.equals(before == null ? "" : before) || (before == null && !after.isEmpty());
    }
}
