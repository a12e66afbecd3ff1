package org.postfixtls.wizard.domain.config.plan;

import java.util.ArrayList;
import java.util.List;
import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterService;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * Reasons a profile cannot be applied to a server at all. The one that matters: TLS switched on or made mandatory
 * while no certificate exists anywhere (profile, main.cf, or a service's -o) — every handshake would fail, the
 * submission ports could never be used and, with mandatory inbound TLS, port 25 would refuse all mail.
 */
final class Refusals {

    private final Profile profile;
    private final MainCf main;
    private final MasterCf master;

    Refusals(PlanRequest request, MainCf main, MasterCf master) {
        this.profile = request.profile();
        this.main = main;
        this.master = master;
    }

    List<String> reasons() {
        List<String> reasons = new ArrayList<>();
        Profile.Certificate cert = profile.certificate();
        if (cert.chainFile() != null && cert.keyFile() != null) {
            return reasons;
        }
        boolean inboundTls = profile.inbound().level() != TlsLevel.NONE;
        boolean submission = profile.submission().starttls().enabled() || profile.submission().implicitTls().enabled();
        boolean inMain = ServiceOverrides.hasCertificate(main, null);
        boolean anywhere = inMain || master.services().stream().anyMatch(s -> s.options().keySet().stream()
                .anyMatch(ServiceOverrides.CERT_PARAMETERS::contains) && ServiceOverrides.hasCertificate(main, s));
        if (!anywhere && (inboundTls || submission)) {
            reasons.add("No server certificate is configured anywhere (neither smtpd_tls_cert_file nor"
                    + " smtpd_tls_chain_files in main.cf, nor a -o override in master.cf), and the profile names"
                    + " none. Turning on " + (submission ? "the submission ports (which require TLS)" : "STARTTLS")
                    + (profile.inbound().level() == TlsLevel.ENCRYPT ? " and mandatory TLS on port 25" : "")
                    + " without one makes every TLS handshake fail"
                    + (profile.inbound().level() == TlsLevel.ENCRYPT ? ", so port 25 would refuse all mail" : "")
                    + ". Choose the server certificate (full chain, e.g. Let's Encrypt's fullchain.pem) and its private"
                    + " key (privkey.pem).");
            return reasons;
        }
        if (profile.inbound().level() == TlsLevel.ENCRYPT) {
            for (MasterService service : ServiceOverrides.publicSmtpd(master)) {
                if ("smtpd".equals(service.command()) && !ServiceOverrides.hasCertificate(main, service)) {
                    reasons.add("The profile requires TLS on port 25, but service " + service.name() + "/"
                            + service.type() + " has no certificate (main.cf names none; only other services set one"
                            + " by -o), so it would refuse all mail. Choose the server certificate and its private key.");
                }
            }
        }
        return reasons;
    }
}
