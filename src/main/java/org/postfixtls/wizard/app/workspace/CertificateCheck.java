package org.postfixtls.wizard.app.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.InspectionRequest;
import org.postfixtls.wizard.domain.cert.TrustAnchors;

/** Inspects a certificate candidate against the names the server answers to, as the certificate step shows it. */
public final class CertificateCheck {

    private CertificateCheck() {
    }

    public static InspectionReport inspect(CertificateCandidate candidate, ServerFiles server,
            Optional<TrustAnchors> trust) {
        InspectionRequest request = InspectionRequest.of(candidate.chain()).withHostnames(hostnames(server));
        if (candidate.key().isPresent()) {
            request = request.withKey(candidate.key().get());
        }
        if (trust.isPresent()) {
            request = request.withTrust(trust.get());
        }
        return new CertificateInspector().inspect(request);
    }

    /** myhostname is the name other servers reach as MX and the one mail programs are configured with. */
    static List<String> hostnames(ServerFiles server) {
        List<String> names = new ArrayList<>();
        server.myhostname().ifPresent(names::add);
        return names;
    }
}
