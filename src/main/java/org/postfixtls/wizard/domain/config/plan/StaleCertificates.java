package org.postfixtls.wizard.domain.config.plan;

import java.util.List;

/**
 * The ECDSA and DSA certificate parameters beside the certificate(s) the profile chose. Postfix loads every
 * algorithm's certificate it is given and gives each client the one it supports, ECDSA first when the client
 * can (TLS_README "Server certificate and private key"; postconf(5) smtpd_tls_eccert_file). A server that keeps an
 * old ECDSA certificate there therefore shows it to most clients, not the one the admin chose, so the plan takes
 * these parameters away, in main.cf and as -o overrides, and says what was served before.
 */
final class StaleCertificates {

    static final String ECCERT = "smtpd_tls_eccert_file";
    static final String ECKEY = "smtpd_tls_eckey_file";
    static final String DCERT = "smtpd_tls_dcert_file";
    static final String DKEY = "smtpd_tls_dkey_file";
    static final List<String> PARAMETERS = List.of(ECCERT, ECKEY, DCERT, DKEY);
    static final String SOURCE = "TLS_README 'Server certificate and private key'; postconf(5) smtpd_tls_eccert_file,"
            + " smtpd_tls_dcert_file";
    private static final String DEAD_SOURCE = "postconf(5) smtpd_tls_chain_files";

    private StaleCertificates() {
    }

    /**
     * Why {@code name = old} goes. {@code chosen} names what the profile serves ("one certificate (path)" or "an
     * ECDSA and an RSA certificate"); {@code chainFilesWin}: smtpd_tls_chain_files is set where this value counts.
     */
    static String reason(String name, String old, String chosen, boolean chainFilesWin) {
        if (chainFilesWin) {
            return "Postfix ignores " + name + " while smtpd_tls_chain_files is set and logs a warning about it"
                    + " (postconf(5) smtpd_tls_chain_files): " + old + " is not served, and the line only misleads.";
        }
        return switch (name) {
            case ECCERT -> "The profile chose " + chosen + " for this server, but this setting made Postfix also"
                    + " serve the ECDSA certificate " + old + ", and Postfix gives the ECDSA certificate to every"
                    + " client that supports ECDSA — most of them today. The chosen certificate would not be the one"
                    + " most clients see.";
            case DCERT -> "The profile chose " + chosen + " for this server, but this setting made Postfix also"
                    + " serve the DSA certificate " + old + " to clients that negotiate DSA cipher suites. DSA is"
                    + " obsolete (TLS 1.3 has none), and those clients would not see the chosen certificate.";
            default -> "The private key " + old + " of the " + (name.equals(ECKEY) ? "ECDSA" : "DSA") + " certificate"
                    + " that goes with it; without that certificate the setting names the key of nothing.";
        };
    }

    /**
     * The files of the server's smtpd_tls_chain_files that the profile's value leaves out, when the server's list
     * is longer than the profile's (more keys: typically an old ECDSA pair beside the certificate now chosen);
     * empty when the list only names other files for as many certificates.
     */
    static List<String> droppedChainFiles(String oldValue, String newValue) {
        List<String> old = files(oldValue);
        List<String> kept = files(newValue);
        return old.size() <= kept.size() ? List.of() : old.stream().filter(file -> !kept.contains(file)).toList();
    }

    private static List<String> files(String value) {
        return java.util.Arrays.stream(value.trim().split("[\\s,]+")).filter(f -> !f.isEmpty()).distinct().toList();
    }

    /** Said of a smtpd_tls_chain_files whose other keys and certificates go; null when none go. */
    static String droppedChainFilesRisk(List<String> dropped) {
        return dropped.isEmpty() ? null : "The server's smtpd_tls_chain_files named more than the chosen certificate"
                + " (" + String.join(", ", dropped) + "): Postfix served that certificate too, and an ECDSA one to"
                + " every client that supports ECDSA (most of them), so the chosen certificate was not what those"
                + " clients saw. Only the chosen one is served now; to keep a second one, choose it as the second"
                + " certificate in the Certificate step.";
    }

    static String source(boolean chainFilesWin) {
        return chainFilesWin ? DEAD_SOURCE : SOURCE;
    }

    /** What changes for clients, for the certificate parameters; null for the keys and for ignored lines. */
    static String risk(String name, String old, boolean chainFilesWin) {
        if (chainFilesWin || !(name.equals(ECCERT) || name.equals(DCERT))) {
            return null;
        }
        String algorithm = name.equals(ECCERT) ? "ECDSA" : "DSA";
        return "Clients that supported " + algorithm + " were shown " + old + " before; now they get the chosen"
                + " certificate." + (name.equals(ECCERT) ? " To keep serving an ECDSA certificate beside it, choose"
                + " it as the second certificate in the Certificate step." : "");
    }
}
