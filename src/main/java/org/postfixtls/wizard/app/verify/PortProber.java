package org.postfixtls.wizard.app.verify;

import java.util.Set;
import org.postfixtls.wizard.domain.verify.CertificateProbe;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.SignatureFamily;
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

    /**
     * A handshake (TLS 1.3 and 1.2) offering only this family's signature algorithms: the certificate the server
     * serves to a client that supports only ECDSA, or only RSA. Probers that cannot do it say so.
     */
    default CertificateProbe tryCertificateAlgorithm(PortTarget target, SignatureFamily family, ProbeTimeouts timeouts) {
        return CertificateProbe.unknown("this prober cannot offer one signature algorithm family alone");
    }

    /**
     * A TLS 1.3 handshake offering only the groups of {@code offer} (decision 0067): accepted when the server chose
     * X25519MLKEM768, refused when it chose another group or none; the detail names the group. A prober that
     * cannot offer the group says so as unknown.
     */
    default ProbeOutcome tryKeyExchange(PortTarget target, KeyExchangeOffer offer, ProbeTimeouts timeouts) {
        return ProbeOutcome.unknown("this prober cannot offer " + KeyExchangeOffer.GROUP);
    }
}
