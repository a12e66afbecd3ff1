package org.postfixtls.wizard.domain.cert;

/**
 * Stable identifiers of certificate findings. Scripts and the JSON output depend on the ids: never rename one,
 * only add. Documented in docs/findings.md.
 */
public enum FindingId {
    CHAIN_INCOMPLETE("chain-incomplete", Severity.ERROR),
    CHAIN_ORDER("chain-order", Severity.ERROR),
    SELF_SIGNED("self-signed", Severity.WARNING),
    UNTRUSTED("untrusted", Severity.ERROR),
    TRUST_NOT_CHECKED("trust-not-checked", Severity.WARNING),
    EXPIRED("expired", Severity.ERROR),
    NOT_YET_VALID("not-yet-valid", Severity.ERROR),
    EXPIRES_SOON("expires-soon", Severity.WARNING),
    HOSTNAME_MISMATCH("hostname-mismatch", Severity.ERROR),
    WEAK_KEY("weak-key", Severity.ERROR),
    WEAK_SIGNATURE("weak-signature", Severity.ERROR),
    KEY_MISMATCH("key-mismatch", Severity.ERROR),
    KEY_ENCRYPTED("key-encrypted", Severity.ERROR),
    KEY_PERMISSIONS("key-permissions", Severity.ERROR);

    private final String id;
    private final Severity severity;

    FindingId(String id, Severity severity) {
        this.id = id;
        this.severity = severity;
    }

    public String id() {
        return id;
    }

    public Severity severity() {
        return severity;
    }
}
