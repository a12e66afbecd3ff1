package org.postfixtls.wizard.domain.config.plan;

import java.util.List;
import java.util.Optional;

/** The planner's result: every file (changed or not), every change with its reason, and general notes. */
public record ChangeSet(List<FileChange> files, List<Change> changes, List<String> notes) {

    public ChangeSet {
        files = List.copyOf(files);
        changes = List.copyOf(changes);
        notes = List.copyOf(notes);
    }

    public boolean isEmpty() {
        return files.stream().noneMatch(FileChange::changed);
    }

    public Optional<FileChange> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The file's resulting content, or its current content when the plan leaves it alone. */
    public String content(String name) {
        return file(name).map(FileChange::after).orElseThrow(() -> new IllegalArgumentException("no file " + name));
    }
}
