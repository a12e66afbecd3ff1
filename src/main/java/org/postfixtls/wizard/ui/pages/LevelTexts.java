package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.domain.profile.TlsLevel;

/** One line on what a TLS security level does and one on what follows from it (TLS_README, postconf(5)). */
final class LevelTexts {

    private LevelTexts() {
    }

    static String outboundExplanation(TlsLevel level) {
        return switch (level) {
            case NONE -> "Never use TLS when sending.";
            case MAY -> "Opportunistic: encrypt when the receiving server offers STARTTLS, otherwise send in clear.";
            case ENCRYPT -> "Mandatory encryption to every server; certificates are not checked.";
            case DANE -> "Opportunistic DANE: verify with DNSSEC-signed TLSA records where published, else like may.";
            case DANE_ONLY -> "Mandatory DANE: only deliver to servers with valid DNSSEC-signed TLSA records.";
            case FINGERPRINT -> "Only for single destinations: pin the certificate fingerprint (domain policies step).";
            case VERIFY -> "Mandatory TLS with a certificate from a trusted CA whose name matches the MX.";
            case SECURE -> "Like verify, but the name must match the destination domain, not just the MX record.";
        };
    }

    static String outboundConsequence(TlsLevel level) {
        return switch (level) {
            case NONE -> "Everything you send crosses the Internet readable by anyone on the path.";
            case MAY -> "Mail is always delivered; a network attacker can strip STARTTLS. The safe default for port 25.";
            case ENCRYPT -> "Mail to servers without TLS waits in the queue and eventually bounces.";
            case DANE -> "Needs a DNSSEC-validating resolver on the server (smtp_dns_support_level = dnssec).";
            case DANE_ONLY -> "Mail to the many domains without DANE records waits in the queue and bounces.";
            case FINGERPRINT -> "As a default it would block mail to every server but one: use it in a domain policy.";
            case VERIFY, SECURE -> "Most receiving servers fail this check: mail to them queues and bounces. "
                    + "Use it per domain, in the domain policies step.";
        };
    }

    static String inboundExplanation(TlsLevel level) {
        return switch (level) {
            case NONE -> "Do not offer STARTTLS to clients and other servers.";
            case MAY -> "Offer STARTTLS; accept mail in clear from servers that do not use it.";
            case ENCRYPT -> "Refuse every command but STARTTLS until TLS is on.";
            default -> level.postfixName();
        };
    }

    static String inboundConsequence(TlsLevel level) {
        return switch (level) {
            case NONE -> "Passwords and mail reach this server unencrypted.";
            case MAY -> "Right for port 25: every sender can still deliver. Submission ports are made strict separately.";
            case ENCRYPT -> "On port 25 this rejects mail from servers without TLS; RFC 3207 forbids it for a public MX.";
            default -> null;
        };
    }
}
