package org.postfixtls.wizard.app.verify;

import java.util.Set;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/**
 * The network side of the verification: each method opens its own connection, so the engine can run them all at
 * once. Implementations never throw for what the server does (refusals, garbage, silence): they report it.
 */
public interface PortProber {

    /** Banner, EHLO, (MAIL FROM test when the port must require TLS), STARTTLS, handshake, EHLO inside TLS, QUIT. */
    SessionObservation session(PortTarget target, ProbeTimeouts timeouts);

    /** A handshake offering only this version. */
    ProbeOutcome tryVersion(PortTarget target, TlsVersion version, ProbeTimeouts timeouts);

    /**
     * One handshake offering exactly these versions. A server picks the highest version both sides support, so
     * REFUSED means each of them is refused, with the same detail a one-version probe would give; anything else
     * decides nothing about the single versions. The default probes nothing together (UNKNOWN): the engine then
     * asks version by version.
     */
    default ProbeOutcome tryVersions(PortTarget target, Set<TlsVersion> versions, ProbeTimeouts timeouts) {
        return ProbeOutcome.unknown("not probed together");
    }

    /**
     * One ClientHello offering the cipher suites of all these classes: a server that picks none of the union picks
     * none of each class, so REFUSED means each class is refused (same detail as one class's probe). The default
     * probes nothing together (UNKNOWN): the engine then asks class by class.
     */
    default ProbeOutcome tryCipherClasses(PortTarget target, Set<WeakCipherClass> classes, ProbeTimeouts timeouts) {
        return ProbeOutcome.unknown("not probed together");
    }

    /** A ClientHello offering only this class's cipher suites: does the server pick one? */
    ProbeOutcome tryCipherClass(PortTarget target, WeakCipherClass cipherClass, ProbeTimeouts timeouts);

    /**
     * STARTTLS with a command pipelined behind it in the same packet: accepted means the server answered that
     * plaintext command inside TLS (CVE-2011-0411 class).
     */
    ProbeOutcome tryStarttlsInjection(PortTarget target, ProbeTimeouts timeouts);
}
