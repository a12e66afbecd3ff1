package org.postfixtls.wizard.app.remote;

import java.util.HashMap;
import java.util.Map;

/**
 * Pins the host keys accepted during one wizard run: the later jobs of the run (discovery, deploy, verification)
 * connect to a key accepted "this time" without asking again, and a different key for that host in the same run
 * is refused as a change — it cannot be slipped in as a second "unknown" key. Nothing is written anywhere.
 */
public final class RunPinnedHostKeys implements HostKeyDecider {

    private final HostKeyDecider asker;
    private final Map<String, HostKeyInfo> pinned = new HashMap<>();

    public RunPinnedHostKeys(HostKeyDecider asker) {
        this.asker = asker;
    }

    /** One question at a time: two jobs meeting the same new key ask once. */
    @Override
    public synchronized Decision decide(HostKeyInfo key) {
        HostKeyInfo pin = pinned.get(key.hostSpec());
        if (pin != null) {
            return pin.type().equals(key.type()) && pin.fingerprint().equals(key.fingerprint())
                    ? Decision.ACCEPT_ONCE : Decision.REJECT_CHANGED;
        }
        Decision decision = asker.decide(key);
        if (decision == Decision.ACCEPT_ONCE || decision == Decision.ACCEPT_AND_REMEMBER) {
            pinned.put(key.hostSpec(), key);
        }
        return decision;
    }
}
