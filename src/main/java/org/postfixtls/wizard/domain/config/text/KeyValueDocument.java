package org.postfixtls.wizard.domain.config.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A lossless document of Postfix logical lines of the form key-then-value (main.cf's {@code name = value} or a
 * lookup table's {@code key value}). Every physical line is kept as read; edits replace or add only the lines
 * of the entry they concern, so rendering an unedited document returns the input byte for byte.
 */
public final class KeyValueDocument {

    /** How the first line of a logical line splits into key and value. */
    public interface Syntax {
        /** Key and first value part of a header line, or null when the line is not an entry (kept verbatim). */
        String[] split(String content);

        String render(String key, String value);
    }

    /** One logical line (with the comments inside it) or one line that is not an entry. */
    public record Entry(String key, String value, List<String> lines) {
        public Entry {
            lines = List.copyOf(lines);
        }

        public boolean isEntry() {
            return key != null;
        }

        public String text() {
            return String.join("", lines);
        }
    }

    private final Syntax syntax;
    private final boolean lastWins;
    private final List<Entry> entries;

    private KeyValueDocument(Syntax syntax, boolean lastWins, List<Entry> entries) {
        this.syntax = syntax;
        this.lastWins = lastWins;
        this.entries = entries;
    }

    public static KeyValueDocument parse(String text, Syntax syntax, boolean lastWins) {
        List<String> lines = PhysicalLines.split(text);
        List<Entry> entries = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String content = PhysicalLines.content(line);
            if (PhysicalLines.isBlank(line) || PhysicalLines.isComment(line) || PhysicalLines.startsWithSpace(line)) {
                entries.add(new Entry(null, null, List.of(line)));
                i++;
                continue;
            }
            int end = PhysicalLines.logicalEnd(lines, i);
            String[] keyValue = syntax.split(content);
            List<String> raw = lines.subList(i, end + 1);
            if (keyValue == null) {
                entries.add(new Entry(null, null, raw));
            } else {
                StringBuilder value = new StringBuilder(PhysicalLines.trim(keyValue[1]));
                for (int j = i + 1; j <= end; j++) {
                    String part = lines.get(j);
                    if (PhysicalLines.isContinuation(part)) {
                        String trimmed = PhysicalLines.trim(part);
                        if (value.length() > 0) {
                            value.append(' ');
                        }
                        value.append(trimmed);
                    }
                }
                entries.add(new Entry(keyValue[0], value.toString(), raw));
            }
            i = end + 1;
        }
        return new KeyValueDocument(syntax, lastWins, entries);
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        for (Entry entry : entries) {
            for (String line : entry.lines()) {
                out.append(line);
            }
        }
        return out.toString();
    }

    public List<Entry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The entry Postfix uses for this key: the last definition in main.cf, the first in a lookup table. */
    public Optional<Entry> effective(String key) {
        int index = effectiveIndex(key);
        return index < 0 ? Optional.empty() : Optional.of(entries.get(index));
    }

    public Optional<String> get(String key) {
        return effective(key).map(Entry::value);
    }

    public List<Entry> all(String key) {
        return entries.stream().filter(e -> key.equals(e.key())).toList();
    }

    private int effectiveIndex(String key) {
        int found = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (key.equals(entries.get(i).key())) {
                found = i;
                if (!lastWins) {
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Sets a key: replaces the effective definition in place (only its lines) or appends a new line.
     * Returns false when the value was already the same (nothing touched).
     */
    public boolean set(String key, String value) {
        int index = effectiveIndex(key);
        if (index >= 0) {
            Entry old = entries.get(index);
            if (normalize(old.value()).equals(normalize(value))) {
                return false;
            }
            List<String> oldLines = old.lines();
            String terminator = PhysicalLines.terminator(oldLines.get(oldLines.size() - 1));
            entries.set(index, new Entry(key, value, List.of(syntax.render(key, value) + terminator)));
            return true;
        }
        append(new Entry(key, value, List.of(syntax.render(key, value) + newline())));
        return true;
    }

    /** Appends a comment line (the caller includes the '#'). */
    public void appendComment(String comment) {
        append(new Entry(null, null, List.of(comment + newline())));
    }

    private void append(Entry entry) {
        if (!entries.isEmpty()) {
            Entry last = entries.get(entries.size() - 1);
            List<String> lines = last.lines();
            String lastLine = lines.get(lines.size() - 1);
            if (PhysicalLines.terminator(lastLine).isEmpty()) {
                List<String> fixed = new ArrayList<>(lines);
                fixed.set(fixed.size() - 1, lastLine + newline());
                entries.set(entries.size() - 1, new Entry(last.key(), last.value(), fixed));
            }
        }
        entries.add(entry);
    }

    /**
     * Removes the definitions the effective one shadows (earlier ones in main.cf); returns their values in file
     * order, empty when the key is defined at most once.
     */
    public List<String> removeShadowed(String key) {
        int keep = effectiveIndex(key);
        List<String> removed = new ArrayList<>();
        if (keep < 0) {
            return removed;
        }
        Entry kept = entries.get(keep);
        for (Entry e : entries) {
            if (key.equals(e.key()) && e != kept) {
                removed.add(e.value());
            }
        }
        entries.removeIf(e -> key.equals(e.key()) && e != kept);
        return removed;
    }

    /** Removes every definition of the key; returns false when there was none. */
    public boolean remove(String key) {
        return entries.removeIf(e -> key.equals(e.key()));
    }

    public String newline() {
        List<String> lines = new ArrayList<>();
        entries.forEach(e -> lines.addAll(e.lines()));
        return PhysicalLines.dominantNewline(lines);
    }

    /** Postfix treats runs of whitespace and commas in list values alike; the wizard compares values that way. */
    public static String normalize(String value) {
        return PhysicalLines.trim(value).replaceAll("[\\s,]+", " ");
    }
}
