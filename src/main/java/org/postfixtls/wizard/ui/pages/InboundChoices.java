package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/** The decisions of the Inbound TLS step, without the view: what a picked level or the AUTH box writes. */
final class InboundChoices {

    private InboundChoices() {
    }

    /** smtpd_tls_security_level; smtpd_tls_auth_only stays as it was. */
    static Profile pickLevel(Profile profile, TlsLevel level) {
        Profile.Inbound inbound = profile.inbound();
        return inbound.level() == level ? profile
                : ProfileEdits.withInbound(profile, new Profile.Inbound(level, inbound.authOnly()));
    }

    /** smtpd_tls_auth_only; the level stays as it was. */
    static Profile setAuthOnly(Profile profile, boolean on) {
        Profile.Inbound inbound = profile.inbound();
        return inbound.authOnly() == on ? profile
                : ProfileEdits.withInbound(profile, new Profile.Inbound(inbound.level(), on));
    }
}
