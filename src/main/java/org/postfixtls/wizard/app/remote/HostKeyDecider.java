package org.postfixtls.wizard.app.remote;

/**
 * Decides about a host key known_hosts does not contain (never about a changed one: that is always refused). A key
 * of a type known_hosts has no entry of for a host it knows comes here too, with the known keys in
 * {@link HostKeyInfo#knownKeys()}, to be shown as the change it is.
 * The GUI shows the fingerprint and asks; the CLI accepts only the fingerprint given with
 * {@code --accept-host-key}. Called on the connecting thread; may block while a person decides.
 */
@FunctionalInterface
public interface HostKeyDecider {

    Decision decide(HostKeyInfo unknownKey);

    enum Decision {
        /** Do not connect. */
        REJECT,
        /** Connect this time, do not record the key. */
        ACCEPT_ONCE,
        /** Connect and append the key to the known_hosts file. */
        ACCEPT_AND_REMEMBER,
        /** Do not connect: the key differs from the one accepted for this host earlier in the same run. */
        REJECT_CHANGED
    }

    static HostKeyDecider rejectAll() {
        return key -> Decision.REJECT;
    }

    /** Accepts (and records) exactly the key with this {@code SHA256:} fingerprint. */
    static HostKeyDecider acceptFingerprint(String fingerprint) {
        return key -> key.fingerprint().equals(fingerprint) ? Decision.ACCEPT_AND_REMEMBER : Decision.REJECT;
    }
}
