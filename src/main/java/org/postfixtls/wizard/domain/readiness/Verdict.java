package org.postfixtls.wizard.domain.readiness;

/** Would mail to a destination keep flowing at the proposed level? */
public enum Verdict {
    OK("ok"), WOULD_FAIL("would-fail"), UNKNOWN("unknown");

    private final String jsonName;

    Verdict(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
