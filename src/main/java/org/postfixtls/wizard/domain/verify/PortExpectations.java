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
 */
public record PortExpectations(Optional<TrustAnchors> trust, Optional<String> expectedSha256, List<String> hostnames,
                               Duration expiryWindow) {

    public static final PortExpectations NONE = new PortExpectations(Optional.empty(), Optional.empty(), List.of(),
            InspectionRequest.DEFAULT_EXPIRY_WINDOW);

    public PortExpectations {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(expectedSha256, "expectedSha256");
        hostnames = List.copyOf(hostnames);
        Objects.requireNonNull(expiryWindow, "expiryWindow");
    }
}
