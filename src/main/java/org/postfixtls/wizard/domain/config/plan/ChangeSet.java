package org.postfixtls.wizard.domain.config.plan;

import java.util.List;
import java.util.Optional;

/**
 * The planner's result: every file (changed or not), every change with its reason, and general notes.
 * {@code refusals} are reasons the profile cannot be applied at all (then every file is left as it was and there
 * are no changes); {@code conflicts} are settings of the server that contradict the profile and that the plan does
 * not change, so the admin must resolve them. {@code stack} is set when the plan writes a mail stack's override
 * files (which live outside Postfix's configuration directory and take effect only when the stack restarts
 * Postfix); null otherwise.
 */
public record ChangeSet(List<FileChange> files, List<Change> changes, List<String> notes, List<String> refusals,
        List<String> conflicts, StackTarget stack) {

    public ChangeSet {
        files = List.copyOf(files);
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
        refusals = List.copyOf(refusals);
        conflicts = List.copyOf(conflicts);
    }

    public ChangeSet(List<FileChange> files, List<Change> changes, List<String> notes, List<String> refusals,
            List<String> conflicts) {
        this(files, changes, notes, refusals, conflicts, null);
    }

    public ChangeSet(List<FileChange> files, List<Change> changes, List<String> notes) {
        this(files, changes, notes, List.of(), List.of());
    }

    public boolean isEmpty() {
        return files.stream().noneMatch(FileChange::changed);
    }

    public boolean refused() {
        return !refusals.isEmpty();
    }

    /** True when a change lowers security the server already had. */
    public boolean weakens() {
        return changes.stream().anyMatch(Change::weakens);
    }

    public Optional<FileChange> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The file's resulting content, or its current content when the plan leaves it alone. */
    public String content(String name) {
        return file(name).map(FileChange::after).orElseThrow(() -> new IllegalArgumentException("no file " + name));
    }

    /**
     * main.cf or master.cf as Postfix will run it: the planned file, or on a mail stack whose override files the plan
     * writes, what the stack's next start makes of them (lint judges this).
     */
    public String running(String name) {
        if (stack != null && name.equals(Planner.MAIN_CF)) {
            return stack.runningMain();
        }
        return stack != null && name.equals(Planner.MASTER_CF) ? stack.runningMaster() : content(name);
    }

    /** Where a file lives on the server when it is not in Postfix's configuration directory (a stack's override). */
    public Optional<String> location(String name) {
        return stack == null ? Optional.empty() : Optional.ofNullable(stack.locations().get(name));
    }
}
