package org.postfixtls.wizard.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The real-world-style configurations under src/test/resources/org/postfixtls/wizard/corpus. */
public final class Corpus {

    public static final List<String> ENTRIES = List.of("debian12", "mailsuite", "handedited", "testbed");

    private Corpus() {
    }

    /** The file's text (ISO-8859-1, byte for byte), or null when the entry has no such file. */
    public static String read(String entry, String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/org/postfixtls/wizard/corpus/" + entry + "/" + file)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
