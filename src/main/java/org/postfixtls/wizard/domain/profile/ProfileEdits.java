package org.postfixtls.wizard.domain.profile;

import java.util.List;

/**
 * Copies of a profile with one part replaced. The wizard edits the profile one step at a time; records have no
 * withers, and spelling out eleven components at every call site would hide which part a step changes.
 */
public final class ProfileEdits {

    private ProfileEdits() {
    }

    public static Profile withCertificate(Profile p, Profile.Certificate certificate) {
        return new Profile(p.schema(), p.preset(), certificate, p.outbound(), p.inbound(), p.submission(),
                p.hardening(), p.sessionCache(), p.logging(), p.policies(), p.mtaSts());
    }

    public static Profile withOutbound(Profile p, Profile.Outbound outbound) {
        return new Profile(p.schema(), p.preset(), p.certificate(), outbound, p.inbound(), p.submission(),
                p.hardening(), p.sessionCache(), p.logging(), p.policies(), p.mtaSts());
    }

    public static Profile withInbound(Profile p, Profile.Inbound inbound) {
        return new Profile(p.schema(), p.preset(), p.certificate(), p.outbound(), inbound, p.submission(),
                p.hardening(), p.sessionCache(), p.logging(), p.policies(), p.mtaSts());
    }

    public static Profile withSubmission(Profile p, Profile.Submission submission) {
        return new Profile(p.schema(), p.preset(), p.certificate(), p.outbound(), p.inbound(), submission,
                p.hardening(), p.sessionCache(), p.logging(), p.policies(), p.mtaSts());
    }

    public static Profile withHardening(Profile p, Profile.Hardening hardening) {
        return new Profile(p.schema(), p.preset(), p.certificate(), p.outbound(), p.inbound(), p.submission(),
                hardening, p.sessionCache(), p.logging(), p.policies(), p.mtaSts());
    }

    public static Profile withSessionCache(Profile p, Profile.SessionCache sessionCache) {
        return new Profile(p.schema(), p.preset(), p.certificate(), p.outbound(), p.inbound(), p.submission(),
                p.hardening(), sessionCache, p.logging(), p.policies(), p.mtaSts());
    }

    public static Profile withPolicies(Profile p, List<Profile.Policy> policies) {
        return new Profile(p.schema(), p.preset(), p.certificate(), p.outbound(), p.inbound(), p.submission(),
                p.hardening(), p.sessionCache(), p.logging(), policies, p.mtaSts());
    }

    public static Profile withMtaSts(Profile p, Profile.MtaSts mtaSts) {
        return new Profile(p.schema(), p.preset(), p.certificate(), p.outbound(), p.inbound(), p.submission(),
                p.hardening(), p.sessionCache(), p.logging(), p.policies(), mtaSts);
    }

    /**
     * Switches to a preset's TLS choices (levels, submission, hardening, caches, logging) while keeping what
     * belongs to this server: its certificate paths, its domain policies and its MTA-STS data.
     */
    public static Profile withPreset(Profile p, Preset preset) {
        Profile base = preset.baseline();
        Profile.Certificate certificate = new Profile.Certificate(p.certificate().chainFile(),
                p.certificate().keyFile(),
                p.certificate().caFile() != null ? p.certificate().caFile() : base.certificate().caFile(),
                p.certificate().ecdsaChainFile(), p.certificate().ecdsaKeyFile());
        // No preset speaks of post-quantum key exchange (it needs Postfix 3.10 with OpenSSL 3.5): an opt-in the
        // admin ticked stays ticked when another preset is picked, like the certificate.
        return new Profile(base.schema(), preset, certificate, base.outbound(), base.inbound(), base.submission(),
                base.hardening().withPqKeyExchange(p.hardening().pqKeyExchange()), base.sessionCache(), base.logging(),
                p.policies(), p.mtaSts());
    }
}
