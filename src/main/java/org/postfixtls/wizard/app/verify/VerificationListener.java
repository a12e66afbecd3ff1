package org.postfixtls.wizard.app.verify;

import org.postfixtls.wizard.domain.verify.DnsResult;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.ServerResult;

/**
 * Partial results as they arrive. Called on the engine's worker threads (a UI must hand them to its own thread,
 * e.g. Platform.runLater); calls may come concurrently from different probes, so implementations must be thread-safe.
 */
public interface VerificationListener {

    VerificationListener NONE = new VerificationListener() {
    };

    /** @param finished probes finished so far, of {@code total}; {@code step} names the one that just finished */
    default void progress(int finished, int total, String step) {
    }

    default void portFinished(PortResult result) {
    }

    default void dnsFinished(DnsResult result) {
    }

    default void serverFinished(ServerResult result) {
    }
}
