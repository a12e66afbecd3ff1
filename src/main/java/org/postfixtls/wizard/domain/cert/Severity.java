package org.postfixtls.wizard.domain.cert;

/** How bad a finding is. Both make {@code cert inspect} exit 1; the UI colours them differently. */
public enum Severity {
    /** Mail will fail or the server is exposed: fix before deploying. */
    ERROR,
    /** Works today but is risky or will break soon. */
    WARNING
}
