package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * The decisions of the Outbound TLS step, without the view: what a picked level or the DNSSEC box writes into the
 * profile, when the box is locked, and what the page says about the server's resolver.
 */
final class OutboundChoices {

    /** The resolver line under the DNSSEC option; {@code warn} when DANE is chosen but cannot be relied on. */
    record ResolverStatus(String text, boolean warn) {
    }

    private OutboundChoices() {
    }

    /**
     * The level becomes the default for all destinations. DANE levels switch DNSSEC on (they cannot work without
     * it); the other levels keep the box as it was, so going from dane back to may does not silently drop DNSSEC.
     */
    static Profile pickLevel(Profile profile, TlsLevel level) {
        Profile.Outbound wanted = new Profile.Outbound(level, level.needsDnssec() || profile.outbound().dnssec());
        return wanted.equals(profile.outbound()) ? profile : ProfileEdits.withOutbound(profile, wanted);
    }

    /** The DNSSEC box: smtp_dns_support_level = dnssec, at the level already chosen. */
    static Profile setDnssec(Profile profile, boolean on) {
        Profile.Outbound outbound = profile.outbound();
        return outbound.dnssec() == on ? profile
                : ProfileEdits.withOutbound(profile, new Profile.Outbound(outbound.level(), on));
    }

    /** The box shows what the planner writes: DANE levels always get smtp_dns_support_level = dnssec. */
    static boolean dnssecTicked(Profile.Outbound outbound) {
        return outbound.dnssec() || outbound.level().needsDnssec();
    }

    /** DANE levels need DNSSEC: with one of them chosen the box cannot be unticked. */
    static boolean dnssecLocked(TlsLevel level) {
        return level.needsDnssec();
    }

    /** What discovery found about the server's resolver; facts are null without an SSH connection. */
    static ResolverStatus resolverStatus(TlsLevel level, ServerFacts facts) {
        String status = facts == null ? "not-checked" : facts.dnssec().status();
        String text = switch (status) {
            case "validating" -> "The server's resolver validates DNSSEC: DANE can work.";
            case "not-validating" -> "The server's resolver does NOT validate DNSSEC (" + facts.dnssec().detail()
                    + "). Install a validating resolver (e.g. unbound) before choosing dane.";
            case "unknown" -> "Whether the server's resolver validates DNSSEC could not be determined ("
                    + facts.dnssec().detail() + ").";
            default -> "DNSSEC on the server was not checked (no SSH connection).";
        };
        return new ResolverStatus(text, level.needsDnssec() && !"validating".equals(status));
    }
}
