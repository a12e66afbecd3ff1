package org.postfixtls.wizard.domain.config.stack;

import java.util.Objects;

/**
 * A file a mail stack reads at the start of its Postfix container to override main.cf/master.cf (mailcow's
 * extra.cf, docker-mailserver's postfix-main.cf, Mailu's overrides/postfix.cf, ...), as discovery or the local
 * folder found it. {@code name} is the plain file name, {@code path} where it lives on the server (null when only
 * the name is known, e.g. a copy in a local folder), {@code content} null when the file does not exist.
 */
public record OverrideFile(String name, String path, String content) {

    public OverrideFile {
        Objects.requireNonNull(name, "name");
    }
}
