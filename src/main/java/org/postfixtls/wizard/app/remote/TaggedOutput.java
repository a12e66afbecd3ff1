package org.postfixtls.wizard.app.remote;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The output format of the engine's server scripts: one {@code key<TAB>base64(value)} line per fact, so any
 * byte (file contents, odd file names) survives and nothing a server prints can be mistaken for a key.
 */
public final class TaggedOutput {

    private final List<String[]> entries = new ArrayList<>();

    private TaggedOutput() {
    }

    public static TaggedOutput parse(String text) {
        TaggedOutput output = new TaggedOutput();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab <= 0) {
                continue;
            }
            output.entries.add(new String[] {line.substring(0, tab), line.substring(tab + 1).strip()});
        }
        return output;
    }

    public Optional<byte[]> bytes(String key) {
        return entries.stream().filter(e -> e[0].equals(key)).reduce((a, b) -> b)
                .map(e -> Base64.getDecoder().decode(e[1]));
    }

    public Optional<String> text(String key) {
        return bytes(key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    public Optional<String> text(String key, Charset charset) {
        return bytes(key).map(b -> new String(b, charset));
    }

    public String textOr(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    /** All entries in order, values decoded (for keys that repeat). */
    public List<Entry> entries() {
        return entries.stream().map(e -> new Entry(e[0], Base64.getDecoder().decode(e[1]))).toList();
    }

    public record Entry(String key, byte[] value) {
        public String text() {
            return new String(value, StandardCharsets.UTF_8);
        }
    }
}
