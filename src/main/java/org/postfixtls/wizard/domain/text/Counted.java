package org.postfixtls.wizard.domain.text;

/**
 * A number with its noun in the right form ("1 problem", "3 problems"), for text people read: "3 problem(s)" reads
 * like a form letter, and a status line is read at every step.
 */
public final class Counted {

    private Counted() {
    }

    /** The count and the noun, with "s" added unless the count is 1. */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    /** The count and the noun, for nouns whose plural is not the singular plus "s" ("delivery", "deliveries"). */
    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
