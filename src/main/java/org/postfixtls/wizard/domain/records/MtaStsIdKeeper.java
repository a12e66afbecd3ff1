package org.postfixtls.wizard.domain.records;

import java.time.Clock;
import java.util.Objects;

/**
 * Hands out the MTA-STS TXT id for a policy text: the same id while the text stays the same, a fresh one when it
 * changes. Senders re-fetch the policy only on a new id (RFC 8461 3.1), so an id that changed although the policy did
 * not (a field re-entered with the same value) makes every sender fetch again for nothing, and an admin comparing
 * with the published record sees a change that is not one.
 */
public final class MtaStsIdKeeper {

    private final Clock clock;
    private String lastPolicyText;
    private MtaStsTxtRecord lastRecord;

    public MtaStsIdKeeper(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    public synchronized MtaStsTxtRecord recordFor(String domain, String policyText) {
        if (lastRecord == null || !policyText.equals(lastPolicyText) || !domain.equals(lastRecord.domain())) {
            lastRecord = MtaStsTxtRecord.fresh(domain, clock);
            lastPolicyText = policyText;
        }
        return lastRecord;
    }
}
