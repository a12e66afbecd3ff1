package org.postfixtls.wizard.domain.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code pq-key-exchange} check of one port (decision 0067), judged per port because each service may set its
 * own groups with {@code -o tls_eecdh_auto_curves}.
 * <ul>
 * <li>pass: the server completed a TLS 1.3 handshake with X25519MLKEM768 when offered only that group; the detail
 * says whether it also chooses it beside X25519, as OpenSSL 3.5's default client offers it.</li>
 * <li>not offered: the server refused it (no common group, a HelloRetryRequest for another group). A failure when
 * the profile chose post-quantum key exchange, else only information (status skipped: nothing is wrong with a
 * server that cannot offer it yet).</li>
 * <li>not checked: the port could not be reached, TLS never started, or the probe could not run.</li>
 * </ul>
 */
public final class KeyExchangeEvaluator {

    static final String FIX = "Enable post-quantum key exchange in the wizard's Hardening step (it puts "
            + KeyExchangeOffer.GROUP + " first in tls_eecdh_auto_curves; needs Postfix 3.10 or later with OpenSSL 3.5"
            + " or later), deploy, and check that no master.cf service overrides tls_eecdh_auto_curves";

    private KeyExchangeEvaluator() {
    }

    public static Check evaluate(PortObservation observation, PortExpectations expectations) {
        int port = observation.target().port();
        Optional<ProbeOutcome> alone = Optional.ofNullable(observation.keyExchange().get(KeyExchangeOffer.PQ_ONLY));
        if (alone.isEmpty()) {
            return Check.skipped(CheckIds.PQ_KEY_EXCHANGE, port, "not checked: not probed");
        }
        ProbeOutcome outcome = alone.get();
        List<String> evidence = new ArrayList<>();
        evidence.add(outcome.detail());
        Optional<ProbeOutcome> beside = Optional.ofNullable(observation.keyExchange().get(KeyExchangeOffer.PQ_AND_X25519));
        beside.ifPresent(b -> evidence.add(b.detail()));
        return switch (outcome.result()) {
            case UNKNOWN -> Check.skipped(CheckIds.PQ_KEY_EXCHANGE, port, "not checked: " + outcome.detail());
            case ACCEPTED -> Check.pass(CheckIds.PQ_KEY_EXCHANGE, port, KeyExchangeOffer.GROUP + " is offered"
                    + beside.map(b -> b.accepted() ? "; chosen too when a client also offers X25519"
                    : b.refused() ? "; a client that also offers X25519 gets " + chosen(b.detail())
                    + " (the server prefers the classical group)" : "").orElse(""), evidence);
            case REFUSED -> expectations.postQuantum()
                    ? Check.fail(CheckIds.PQ_KEY_EXCHANGE, port, "not offered: the server does not accept "
                            + KeyExchangeOffer.GROUP + " although the profile chose post-quantum key exchange",
                            evidence, FIX)
                    : new Check(CheckIds.PQ_KEY_EXCHANGE, Optional.of(port), CheckStatus.SKIPPED, "not offered: the"
                            + " server does not accept " + KeyExchangeOffer.GROUP + " (information only: the profile"
                            + " does not ask for post-quantum key exchange)", evidence, Optional.empty());
        };
    }

    /** "x25519" from "offered ...: the server chose x25519". */
    private static String chosen(String detail) {
        int at = detail.lastIndexOf("chose ");
        return at < 0 ? "another group" : detail.substring(at + "chose ".length());
    }
}
