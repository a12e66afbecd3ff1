package org.postfixtls.wizard.adapter.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.postfixtls.wizard.app.workspace.TrustStore;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.cert.SystemCaBundle;
import org.postfixtls.wizard.domain.cert.TrustAnchors;

/** The operating system's CA bundle, read once: the trust a mail server's clients will most likely apply. */
public final class SystemTrust {

    private static volatile Optional<TrustAnchors> cached;

    private SystemTrust() {
    }

    /** Empty when this system has no bundle at a known place (trust is then reported as not checked). */
    public static Optional<TrustAnchors> anchors() {
        Optional<TrustAnchors> result = cached;
        if (result == null) {
            result = SystemCaBundle.locate(System.getProperty("os.name", ""), Files::isReadable).map(SystemTrust::bundle);
            cached = result;
        }
        return result;
    }

    /** The same, behind the port the wizard's pages use. */
    public static TrustStore store() {
        return new TrustStore() {
            @Override
            public Optional<TrustAnchors> system() {
                return anchors();
            }

            @Override
            public TrustAnchors bundle(Path file) {
                return SystemTrust.bundle(file);
            }
        };
    }

    /** A PEM CA bundle given by the user (a private CA); bad input names the file and what was expected. */
    public static TrustAnchors bundle(Path file) {
        return TrustAnchors.fromPemBundle(LocalFiles.read(file, InputLimits.MAX_CA_BUNDLE_BYTES, "a PEM CA bundle"));
    }
}
