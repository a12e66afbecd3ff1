package org.postfixtls.wizard.domain.verify;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.postfixtls.wizard.domain.cert.InspectionRequest;
import org.postfixtls.wizard.domain.cert.TrustAnchors;

/**
 * What the served certificate is judged against.
 *
 * @param trust             CA certificates clients trust; empty means trust is "not checked"
 * @param expectedSha256    fingerprint of the certificate chosen in the wizard (any common spelling)
 * @param hostnames         names the certificate must cover; empty: the host probed when it is a name, else the
 *                          name the server greets with
 * @param postQuantum       the profile chose post-quantum key exchange: pq-key-exchange fails when not offered
 */
public record PortExpectations(Optional<TrustAnchors> trust, Optional<String> expectedSha256, List<String> hostnames,
                               Duration expiryWindow, boolean postQuantum) {

    public static final PortExpectations NONE = new PortExpectations(Optional.empty(), Optional.empty(), List.of(),
            InspectionRequest.DEFAULT_EXPIRY_WINDOW);

    /** Without post-quantum key exchange chosen: the pq-key-exchange check only informs. */
    public PortExpectations(Optional<TrustAnchors> trust, Optional<String> expectedSha256, List<String> hostnames,
            Duration expiryWindow) {
        this(trust, expectedSha256, hostnames, expiryWindow, false);
    }

    /** The same with post-quantum key exchange chosen or not (the profile's hardening.pqKeyExchange). */
    public PortExpectations withPostQuantum(boolean chosen) {
        return new PortExpectations(trust, expectedSha256, hostnames, expiryWindow, chosen);
    }

    public PortExpectations {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(expectedSha256, "expectedSha256");
        hostnames = List.copyOf(hostnames);
        Objects.requireNonNull(expiryWindow, "expiryWindow");
    }
}
