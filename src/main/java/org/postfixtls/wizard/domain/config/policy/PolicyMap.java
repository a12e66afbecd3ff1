package org.postfixtls.wizard.domain.config.policy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.config.text.KeyValueDocument;

/**
 * A lossless TLS policy table source file ({@code destination level attribute...}). As postmap(1) keeps the
 * first of duplicate keys, the first definition is the effective one here.
 */
public final class PolicyMap {

    private static final Pattern ENTRY = Pattern.compile("([^ \\t\\x0B\\f\\r]+)(.*)", Pattern.DOTALL);

    private static final KeyValueDocument.Syntax SYNTAX = new KeyValueDocument.Syntax() {
        @Override
        public String[] split(String content) {
            Matcher m = ENTRY.matcher(content);
            return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
        }

        @Override
        public String render(String key, String value) {
            int pad = Math.max(1, 24 - key.length());
            return key + " ".repeat(pad) + value;
        }
    };

    private final KeyValueDocument document;

    private PolicyMap(KeyValueDocument document) {
        this.document = document;
    }

    public static PolicyMap parse(String text) {
        return new PolicyMap(KeyValueDocument.parse(text, SYNTAX, false));
    }

    public String render() {
        return document.render();
    }

    public Optional<String> get(String destination) {
        return document.get(destination);
    }

    public boolean set(String destination, String value) {
        return document.set(destination, value);
    }

    public boolean remove(String destination) {
        return document.remove(destination);
    }

    public void appendComment(String comment) {
        document.appendComment(comment);
    }

    /** Keys in file order, duplicates included. */
    public List<String> destinations() {
        return document.entries().stream().filter(KeyValueDocument.Entry::isEntry).map(KeyValueDocument.Entry::key).toList();
    }

    public boolean isEmpty() {
        return destinations().isEmpty();
    }
}
