package org.postfixtls.wizard.app.readiness;

import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.readiness.ProbeFinding;

/** Tests a destination live from the mail server at a TLS level. Must be safe to call from several threads. */
public interface DestinationProber {

    /** Never throws for a destination that fails; a probe that cannot run is {@link ProbeFinding#error}. */
    ProbeFinding probe(String target, TlsLevel level);
}
