package org.postfixtls.wizard.domain.readiness;

import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * A TLS policy table entry the evidence supports: one that keeps a destination's mail flowing under a stricter
 * default ({@link Kind#KEEPS_MAIL_FLOWING}), or an optional stronger one for a destination that already meets it.
 */
public record Suggestion(String destination, TlsLevel level, Kind kind, String evidence) {

    public enum Kind { KEEPS_MAIL_FLOWING, STRONGER }

    /** As written in the policy table: {@code partner.example may}. */
    public String entry() {
        return destination + " " + level.postfixName();
    }
}
