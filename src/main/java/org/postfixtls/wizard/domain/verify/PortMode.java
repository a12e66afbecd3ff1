package org.postfixtls.wizard.domain.verify;

/** How TLS starts on a port: after the plaintext STARTTLS command (25, 587) or right away (465, wrapper mode). */
public enum PortMode {
    STARTTLS("starttls"),
    IMPLICIT("implicit");

    private final String json;

    PortMode(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
