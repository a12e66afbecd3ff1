package org.postfixtls.wizard.domain.verify;

/** Outcome of one check. {@code SKIPPED} means "not checked" (no DNS, port closed, ...), never a silent pass. */
public enum CheckStatus {
    PASS("pass"),
    WARN("warn"),
    FAIL("fail"),
    SKIPPED("skipped");

    private final String json;

    CheckStatus(String json) {
        this.json = json;
    }

    public String json() {
        return json;
    }
}
