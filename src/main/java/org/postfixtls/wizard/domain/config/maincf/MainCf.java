package org.postfixtls.wizard.domain.config.maincf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.config.text.KeyValueDocument;

/** A lossless main.cf: {@code name = value} logical lines, the last definition of a name wins (postconf(5)). */
public final class MainCf {

    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z0-9_./-]+)[ \\t\\x0B\\f\\r]*=(.*)", Pattern.DOTALL);

    static final KeyValueDocument.Syntax SYNTAX = new KeyValueDocument.Syntax() {
        @Override
        public String[] split(String content) {
            Matcher m = PARAMETER.matcher(content);
            return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
        }

        @Override
        public String render(String key, String value) {
            return value.isEmpty() ? key + " =" : key + " = " + value;
        }
    };

    private final KeyValueDocument document;

    private MainCf(KeyValueDocument document) {
        this.document = document;
    }

    public static MainCf parse(String text) {
        return new MainCf(KeyValueDocument.parse(text, SYNTAX, true));
    }

    public String render() {
        return document.render();
    }

    public Optional<String> get(String name) {
        return document.get(name);
    }

    public boolean isSet(String name) {
        return document.effective(name).isPresent();
    }

    /** Replaces the effective definition in place or appends; false when the value was already equal. */
    public boolean set(String name, String value) {
        return document.set(name, value);
    }

    public boolean remove(String name) {
        return document.remove(name);
    }

    public void appendComment(String comment) {
        document.appendComment(comment);
    }

    /** Every parameter with its effective value, in order of first appearance. */
    public Map<String, String> parameters() {
        Map<String, String> values = new LinkedHashMap<>();
        for (KeyValueDocument.Entry entry : document.entries()) {
            if (entry.isEntry()) {
                values.remove(entry.key());
                values.put(entry.key(), entry.value());
            }
        }
        return values;
    }

    /** Names defined more than once (only the last definition counts). */
    public List<String> duplicates() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        document.entries().stream().filter(KeyValueDocument.Entry::isEntry)
                .forEach(e -> counts.merge(e.key(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }
}
