package org.postfixtls.wizard.app.workspace;

import java.nio.file.Path;
import java.util.Optional;
import org.postfixtls.wizard.domain.cert.TrustAnchors;

/** Where trust anchors come from: the system's CA bundle, or a PEM bundle the user names (a private CA). */
public interface TrustStore {

    /** Empty when this system has no bundle at a known place (trust is then reported as not checked). */
    Optional<TrustAnchors> system();

    /** Bad input names the file and what was expected. */
    TrustAnchors bundle(Path file);
}
