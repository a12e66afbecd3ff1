package org.postfixtls.wizard.domain.config.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fingerprint of what a plan does to a server: SHA-256 over a canonical text naming every file of the change
 * set (changed or not) with the SHA-256 of its content before and after (decision 0056). The same files and the
 * same profile always give the same hash; any byte of any file, before or after, changes it. An approval ("deploy
 * this diff") is this hash, so a deploy can refuse a plan that is not the one that was approved.
 *
 * <p>The canonical form, in US-ASCII, one line per file, files sorted by name:
 * <pre>
 * pftw-plan 1
 * NAME before SHA256|absent after SHA256|absent[ at PATH]
 * </pre>
 * {@code at PATH} names where a mail stack's override file lives (only for such files, so the hash of every other
 * plan is what it was).
 * Each line ends with a line feed; content is hashed as the ISO-8859-1 bytes written to the server (decision 0011).
 */
public record PlanHash(String hex) {

    /** The first line of the canonical form; a new form gets a new number, so old hashes never match by accident. */
    public static final String FORM = "pftw-plan 1";
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

    public PlanHash {
        if (hex == null || !HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a plan hash is 64 lowercase hex digits");
        }
    }

    public static PlanHash of(ChangeSet changeSet) {
        return new PlanHash(sha256(canonicalForm(changeSet).getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * Reads a hash as a person copied it: 64 hex digits, either case, surrounding blanks ignored.
     *
     * @throws IllegalArgumentException naming what is allowed
     */
    public static PlanHash parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!HEX.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + (text == null ? "" : text)
                    + "' is not a plan hash; use the 64 hex digits (SHA-256) printed by plan or deploy --dry-run");
        }
        return new PlanHash(value);
    }

    /** The text that is hashed; see the class comment. */
    public static String canonicalForm(ChangeSet changeSet) {
        List<FileChange> files = changeSet.files().stream().sorted(Comparator.comparing(FileChange::name)).toList();
        StringBuilder form = new StringBuilder(FORM).append('\n');
        String previous = null;
        for (FileChange file : files) {
            if (!FILE_NAME.matcher(file.name()).matches() || file.name().equals(previous)) {
                throw new IllegalArgumentException("a change set names each file once, by a plain name: " + file.name());
            }
            previous = file.name();
            form.append(file.name()).append(" before ").append(contentHash(file.before()))
                    .append(" after ").append(contentHash(file.after()));
            // a stack's override file: where it is written is part of what was approved
            changeSet.location(file.name()).ifPresent(path -> form.append(" at ").append(path));
            form.append('\n');
        }
        return form.toString();
    }

    @Override
    public String toString() {
        return hex;
    }

    private static String contentHash(String content) {
        return content == null ? "absent" : sha256(content.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
