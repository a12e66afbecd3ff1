package org.postfixtls.wizard.domain.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pq-key-exchange check: pass, not offered (failure only where the profile chose it), not checked. */
class KeyExchangeEvaluatorTest {

    private static final PortTarget TARGET = new PortTarget("127.0.0.1", 4587, PortRole.SUBMISSION);
    private static final ProbeOutcome ALONE_OK = ProbeOutcome.accepted("offered X25519MLKEM768 alone: negotiated X25519MLKEM768");
    private static final ProbeOutcome ALONE_NO = ProbeOutcome.refused("offered X25519MLKEM768 alone: refused with alert handshake_failure(40)");

    private static PortObservation observed(ProbeOutcome alone, ProbeOutcome beside) {
        Map<KeyExchangeOffer, ProbeOutcome> outcomes = new EnumMap<>(KeyExchangeOffer.class);
        if (alone != null) {
            outcomes.put(KeyExchangeOffer.PQ_ONLY, alone);
        }
        if (beside != null) {
            outcomes.put(KeyExchangeOffer.PQ_AND_X25519, beside);
        }
        return new PortObservation(TARGET, SessionObservation.unreachable("not used here", Duration.ZERO), Map.of(),
                Map.of(), Optional.empty()).withKeyExchange(outcomes);
    }

    private static Check check(PortObservation observation, boolean chosen) {
        return KeyExchangeEvaluator.evaluate(observation, PortExpectations.NONE.withPostQuantum(chosen));
    }

    @Test
    void acceptedAloneAndChosenBesideX25519Passes() {
        Check check = check(observed(ALONE_OK, ProbeOutcome.accepted("offered X25519MLKEM768 beside X25519:"
                + " negotiated X25519MLKEM768")), true);
        assertEquals(CheckStatus.PASS, check.status());
        assertEquals(CheckIds.PQ_KEY_EXCHANGE, check.id());
        assertEquals(Optional.of(4587), check.port());
        assertTrue(check.detail().contains("chosen too when a client also offers X25519"), check.detail());
        assertEquals(2, check.evidence().size());
    }

    @Test
    void acceptedAloneButNotPreferredStillPassesAndSaysWhatAClientGets() {
        Check check = check(observed(ALONE_OK, ProbeOutcome.refused("offered X25519MLKEM768 beside X25519: the"
                + " server chose x25519")), false);
        assertEquals(CheckStatus.PASS, check.status());
        assertTrue(check.detail().contains("gets x25519 (the server prefers the classical group)"), check.detail());
    }

    @Test
    void notOfferedFailsWhenTheProfileChoseIt() {
        Check check = check(observed(ALONE_NO, null), true);
        assertEquals(CheckStatus.FAIL, check.status());
        assertTrue(check.detail().startsWith("not offered"), check.detail());
        assertTrue(check.fix().orElseThrow().contains("tls_eecdh_auto_curves"));
    }

    @Test
    void notOfferedOnlyInformsWhenTheProfileDidNotChooseIt() {
        Check check = check(observed(ALONE_NO, null), false);
        assertEquals(CheckStatus.SKIPPED, check.status());
        assertTrue(check.detail().startsWith("not offered") && check.detail().contains("information only"),
                check.detail());
        assertEquals(ALONE_NO.detail(), check.evidence().get(0));
    }

    @Test
    void aProbeThatCouldNotRunIsNotCheckedEvenWhenChosen() {
        Check check = check(observed(ProbeOutcome.unknown("STARTTLS is not offered"), null), true);
        assertEquals(CheckStatus.SKIPPED, check.status());
        assertEquals("not checked: STARTTLS is not offered", check.detail());
        assertEquals(CheckStatus.SKIPPED, check(observed(null, null), true).status());
    }

    @Test
    void everyReachedPortCarriesTheCheckAndAChosenButMissingGroupFailsThePort() {
        SessionObservation session = new SessionObservation(true, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("the server refused the session: 554"), Duration.ofMillis(5));
        PortObservation observation = new PortObservation(TARGET, session, Map.of(), Map.of(), Optional.empty())
                .withKeyExchange(Map.of(KeyExchangeOffer.PQ_ONLY, ALONE_NO));
        PortResult result = new PortEvaluator(Clock.systemUTC()).evaluate(observation,
                PortExpectations.NONE.withPostQuantum(true));
        assertEquals(CheckStatus.FAIL, result.checks().stream()
                .filter(c -> c.id().equals(CheckIds.PQ_KEY_EXCHANGE)).findFirst().orElseThrow().status());
    }
}
