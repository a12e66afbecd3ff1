package org.postfixtls.wizard.domain.kernel;

/**
 * Upper bounds on what readers hand to the domain. A certificate chain or a key is a few kilobytes; anything
 * far beyond that is the wrong file, and reading it whole first would only waste memory before failing.
 */
public final class InputLimits {

    /** A fullchain.pem with a handful of RSA 4096 certificates stays far below this. */
    public static final int MAX_PEM_BYTES = 1024 * 1024;
    /** The Debian/Mozilla bundle is about 220 KB; leave room for larger local bundles. */
    public static final int MAX_CA_BUNDLE_BYTES = 8 * 1024 * 1024;

    /** main.cf, master.cf, tls_policy: a large site's main.cf is tens of KB, a policy map of thousands of lines < 1 MB. */
    public static final int MAX_CONFIG_BYTES = 4 * 1024 * 1024;
    /** A profile is a small JSON document. */
    public static final int MAX_PROFILE_BYTES = 1024 * 1024;

    private InputLimits() {
    }

    /** "3.0 GB", "4 MB", "900 bytes": sizes in messages about refused files. */
    public static String describe(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return bytes % (1L << 20) == 0 ? bytes / (1L << 20) + " MB"
                    : String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (double) (1L << 20));
        }
        if (bytes >= 1L << 10) {
            return bytes / (1L << 10) + " KB";
        }
        return bytes + " bytes";
    }
}
