package org.postfixtls.wizard.domain.readiness;

import java.util.Optional;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * One destination judged at the level that would apply to it: from the policy table ({@code policyEntry}) or the
 * proposed default. {@code evidence} is empty for a policy table destination without traffic in the log.
 */
public record DestinationReadiness(String destination, Optional<DestinationEvidence> evidence, TlsLevel level,
        Optional<String> policyEntry, Verdict verdict, String reason, Optional<Suggestion> suggestion,
        Optional<ProbeFinding> probe) {

    public long messages() {
        return evidence.map(DestinationEvidence::messages).orElse(0L);
    }

    DestinationReadiness withProbe(ProbeFinding finding, Verdict newVerdict, String newReason,
            Optional<Suggestion> newSuggestion) {
        return new DestinationReadiness(destination, evidence, level, policyEntry, newVerdict, newReason,
                newSuggestion, Optional.of(finding));
    }
}
