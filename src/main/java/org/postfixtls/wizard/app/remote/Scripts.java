package org.postfixtls.wizard.app.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The engine's shell scripts, shipped as class-path resources next to the classes that run them. */
public final class Scripts {

    private Scripts() {
    }

    public static byte[] load(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name + " next to " + owner.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
