package org.postfixtls.wizard.domain.cert;

/**
 * Upper bounds on what readers hand to the domain. A certificate chain or a key is a few kilobytes; anything
 * far beyond that is the wrong file, and reading it whole first would only waste memory before failing.
 */
public final class InputLimits {

    /** A fullchain.pem with a handful of RSA 4096 certificates stays far below this. */
    public static final int MAX_PEM_BYTES = 1024 * 1024;
    /** The Debian/Mozilla bundle is about 220 KB; leave room for larger local bundles. */
    public static final int MAX_CA_BUNDLE_BYTES = 8 * 1024 * 1024;

    private InputLimits() {
    }
}
