package org.postfixtls.wizard.cli;

import java.util.Optional;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.domain.text.UntrustedText;

/**
 * The one check for every option that names a path on the server ({@code --server-config-dir}, {@code --config-dir},
 * {@code --state-root}): such a value ends up in a generated main.cf line or a remote command, so a newline or a
 * shell character in it would become a configuration line or shell syntax of its own.
 */
final class ServerPathOption {

    static final String ALLOWED = "an absolute path of the characters A-Z a-z 0-9 . _ / + @ , = -";

    private ServerPathOption() {
    }

    /** What is wrong with the value, naming the option; empty when it is allowed (or not given). */
    static Optional<String> problem(String option, String value) {
        if (value == null || Discovery.CONFIG_DIR.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(option + ": '" + UntrustedText.line(value) + "' is not allowed; use " + ALLOWED);
    }
}
