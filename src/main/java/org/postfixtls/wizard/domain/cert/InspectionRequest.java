package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileContent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to inspect and against what.
 *
 * @param chain            the PEM file Postfix will present ({@code smtpd_tls_cert_file}, ideally fullchain.pem)
 * @param key              the key evidence, when the key should be checked
 * @param hostnames        names the server is reached by ({@code myhostname}, MX names); empty skips the check
 * @param trust            CA certificates remote servers trust; empty means trust could not be checked
 * @param expiryWindow     warn when a certificate expires within this period
 * @param keyPermissions   what counts as a safely protected private key file
 */
public record InspectionRequest(
        FileContent chain,
        Optional<KeyEvidence> key,
        List<String> hostnames,
        Optional<TrustAnchors> trust,
        Duration expiryWindow,
        KeyPermissionPolicy keyPermissions) {

    /** The default: certbot renews 30 days ahead, so 21 days left means renewal has been failing. */
    public static final Duration DEFAULT_EXPIRY_WINDOW = Duration.ofDays(21);

    public InspectionRequest {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(key, "key");
        hostnames = List.copyOf(hostnames);
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(expiryWindow, "expiryWindow");
        Objects.requireNonNull(keyPermissions, "keyPermissions");
    }

    public static InspectionRequest of(FileContent chain) {
        return new InspectionRequest(chain, Optional.empty(), List.of(), Optional.empty(), DEFAULT_EXPIRY_WINDOW,
                KeyPermissionPolicy.DEFAULT);
    }

    public InspectionRequest withKey(KeyEvidence evidence) {
        return new InspectionRequest(chain, Optional.of(evidence), hostnames, trust, expiryWindow, keyPermissions);
    }

    public InspectionRequest withHostnames(List<String> names) {
        return new InspectionRequest(chain, key, names, trust, expiryWindow, keyPermissions);
    }

    public InspectionRequest withTrust(TrustAnchors anchors) {
        return new InspectionRequest(chain, key, hostnames, Optional.of(anchors), expiryWindow, keyPermissions);
    }

    public InspectionRequest withExpiryWindow(Duration window) {
        return new InspectionRequest(chain, key, hostnames, trust, window, keyPermissions);
    }

    public InspectionRequest withKeyPermissions(KeyPermissionPolicy policy) {
        return new InspectionRequest(chain, key, hostnames, trust, expiryWindow, policy);
    }
}
