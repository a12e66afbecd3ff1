package org.postfixtls.wizard.domain.verify;

import java.time.Duration;
import java.util.EnumSet;
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
 * @param chosen            the certificates chosen per algorithm; with one of each (RSA and ECDSA side by side),
 *                          every port is probed once per algorithm and each served leaf must be the chosen one
 * @param postQuantum       the profile chose post-quantum key exchange: pq-key-exchange fails when not offered
 */
public record PortExpectations(Optional<TrustAnchors> trust, Optional<String> expectedSha256, List<String> hostnames,
                               Duration expiryWindow, List<ExpectedCertificate> chosen, boolean postQuantum) {

    public static final PortExpectations NONE = new PortExpectations(Optional.empty(), Optional.empty(), List.of(),
            InspectionRequest.DEFAULT_EXPIRY_WINDOW);

    public PortExpectations {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(expectedSha256, "expectedSha256");
        hostnames = List.copyOf(hostnames);
        Objects.requireNonNull(expiryWindow, "expiryWindow");
        chosen = List.copyOf(chosen);
    }

    /** One certificate at most, post-quantum key exchange not chosen (the pq-key-exchange check only informs). */
    public PortExpectations(Optional<TrustAnchors> trust, Optional<String> expectedSha256, List<String> hostnames,
                            Duration expiryWindow) {
        this(trust, expectedSha256, hostnames, expiryWindow, List.of(), false);
    }

    public PortExpectations(Optional<TrustAnchors> trust, Optional<String> expectedSha256, List<String> hostnames,
                            Duration expiryWindow, List<ExpectedCertificate> chosen) {
        this(trust, expectedSha256, hostnames, expiryWindow, chosen, false);
    }

    /** The same with post-quantum key exchange chosen or not (the profile's hardening.pqKeyExchange). */
    public PortExpectations withPostQuantum(boolean pqChosen) {
        return new PortExpectations(trust, expectedSha256, hostnames, expiryWindow, chosen, pqChosen);
    }

    /** RSA and ECDSA side by side: the families to probe one by one; empty with a single certificate. */
    public List<SignatureFamily> dualFamilies() {
        EnumSet<SignatureFamily> families = EnumSet.noneOf(SignatureFamily.class);
        chosen.forEach(c -> families.add(c.family()));
        return families.size() < 2 ? List.of() : List.copyOf(families);
    }

    /** Every fingerprint the main handshake's leaf may have: the single expected one or any chosen one. */
    public List<String> acceptableSha256() {
        List<String> all = new java.util.ArrayList<>();
        expectedSha256.ifPresent(all::add);
        chosen.forEach(c -> all.add(c.sha256()));
        return all;
    }
}
