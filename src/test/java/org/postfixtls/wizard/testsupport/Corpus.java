package org.postfixtls.wizard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The real-world-style configurations under src/test/resources/org/postfixtls/wizard/corpus, and the real
 * configurations of public mail stacks under .../corpus-real (sources and commits in its MANIFEST.md).
 */
public final class Corpus {

    public static final List<String> ENTRIES = List.of("debian12", "mailsuite", "handedited", "testbed");

    /** corpus-real entries, in the order of corpus-real/entries.txt (written by src/test/corpus-tools). */
    public static final List<String> REAL_ENTRIES = readEntries();

    private Corpus() {
    }

    /** The file's text (ISO-8859-1, byte for byte), or null when the entry has no such file. */
    public static String read(String entry, String file) {
        return resource("/org/postfixtls/wizard/corpus/" + entry + "/" + file);
    }

    /** A corpus-real file's text (ISO-8859-1, byte for byte), or null when the entry has no such file. */
    public static String readReal(String entry, String file) {
        return resource("/org/postfixtls/wizard/corpus-real/" + entry + "/" + file);
    }

    private static List<String> readEntries() {
        String list = resource("/org/postfixtls/wizard/corpus-real/entries.txt");
        if (list == null) {
            throw new IllegalStateException("corpus-real/entries.txt is missing from the test resources");
        }
        return list.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String resource(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
