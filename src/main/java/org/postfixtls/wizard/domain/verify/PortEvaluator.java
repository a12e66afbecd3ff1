package org.postfixtls.wizard.domain.verify;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import org.postfixtls.wizard.domain.cert.Finding;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.InspectionRequest;
import org.postfixtls.wizard.domain.cert.Severity;
import org.postfixtls.wizard.domain.text.Counted;

/** Turns what the probes saw on one port into checks, each with its evidence and, when not a pass, the fix. */
public final class PortEvaluator {

    static final String FIX_ENCRYPT = "In master.cf, give the service -o smtpd_tls_security_level=encrypt and reload";
    static final String FIX_AUTH_ONLY = "Set smtpd_tls_auth_only = yes in main.cf (and -o smtpd_tls_auth_only=yes on"
            + " the submission services), then postfix reload";
    static final String FIX_PROTOCOLS = "Set smtpd_tls_mandatory_protocols = >=TLSv1.2 in main.cf (it applies where"
            + " TLS is mandatory, as on the submission ports; before Postfix 3.6: !SSLv2, !SSLv3, !TLSv1, !TLSv1.1),"
            + " then postfix reload";
    static final String FIX_CIPHERS = "Set smtpd_tls_exclude_ciphers = aNULL, MD5, DES, 3DES, RC4, EXPORT, eNULL and"
            + " smtpd_tls_mandatory_ciphers = high in main.cf, then postfix reload";

    /**
     * Nothing answered, so we cannot tell a disabled service from a host that is down or firewalled: the advice
     * names both instead of assuming the service is merely switched off.
     */
    static String unreachableSubmissionFix(String service) {
        return "If the " + service + " service should run here, enable it in master.cf (the hardening runbook:"
                + " submission/submissions) and reload. If port 25 does not answer either, check the host name, that"
                + " Postfix runs (postfix status, ss -ltn) and the firewall";
    }

    private final CertificateInspector inspector;

    public PortEvaluator(Clock clock) {
        this.inspector = new CertificateInspector(clock);
    }

    public PortResult evaluate(PortObservation observation, PortExpectations expectations) {
        PortTarget target = observation.target();
        int port = target.port();
        SessionObservation session = observation.session();
        List<Check> checks = new ArrayList<>();
        List<String> sessionEvidence = sessionEvidence(session);

        if (!session.connected()) {
            checks.add(Check.fail(CheckIds.PORT_REACHABLE, port, target + " is not reachable: "
                    + session.problem().orElse("no connection"), sessionEvidence, target.role().tlsRequired()
                    ? unreachableSubmissionFix(target.role().label())
                    : "Check that Postfix runs and listens on port " + port + " (postfix status, ss -ltn)"));
            return new PortResult(observation, Optional.empty(), checks);
        }
        checks.add(Check.pass(CheckIds.PORT_REACHABLE, port, target + " accepts connections", sessionEvidence));
        session.problem().filter(p -> !p.equals("STARTTLS is not offered")).ifPresentOrElse(
                problem -> checks.add(Check.fail(CheckIds.SMTP_DIALOG, port, problem, sessionEvidence,
                        "Look at the server's mail log for this connection; the dialog must reach the TLS handshake")),
                () -> checks.add(Check.pass(CheckIds.SMTP_DIALOG, port, "banner, EHLO, TLS and EHLO again completed",
                        sessionEvidence)));

        if (target.mode() == PortMode.STARTTLS) {
            session.ehloBeforeTls().ifPresent(ehlo -> checks.add(ehlo.offers("STARTTLS")
                    ? Check.pass(CheckIds.STARTTLS_OFFERED, port, "STARTTLS is offered", List.of("EHLO: " + ehlo.text()))
                    : Check.fail(CheckIds.STARTTLS_OFFERED, port, "STARTTLS is not offered", List.of("EHLO: " + ehlo.text()),
                    "Set smtpd_tls_security_level = may (encrypt on submission) and a certificate, then reload")));
        }
        session.handshake().ifPresentOrElse(
                facts -> checks.add(Check.pass(CheckIds.TLS_HANDSHAKE, port, "TLS " + facts.protocol() + " with "
                        + facts.cipher() + facts.group().map(g -> ", key exchange " + g).orElse(""), List.of(
                        "protocol: " + facts.protocol(), "cipher: " + facts.cipher(),
                        "group: " + facts.group().orElse("none"), "certificates sent: " + facts.chainDer().size()))),
                () -> checks.add(Check.fail(CheckIds.TLS_HANDSHAKE, port, "no TLS session was established"
                        + session.problem().map(p -> ": " + p).orElse(""), sessionEvidence,
                        "Configure smtpd_tls_cert_file/smtpd_tls_key_file and smtpd_tls_security_level, then reload")));

        tlsRequired(target, session, checks);
        authChecks(target, session, checks);
        session.ehloAfterTls().ifPresent(ehlo -> checks.add(ehlo.offers("STARTTLS")
                ? Check.fail(CheckIds.STARTTLS_NOT_REOFFERED, port, "STARTTLS is offered again inside TLS",
                List.of("EHLO after TLS: " + ehlo.text()), "This is a server bug; upgrade the MTA")
                : Check.pass(CheckIds.STARTTLS_NOT_REOFFERED, port, "STARTTLS is not offered again inside TLS",
                List.of("EHLO after TLS: " + ehlo.text()))));
        observation.starttlsInjection().ifPresent(outcome -> checks.add(switch (outcome.result()) {
            case ACCEPTED -> Check.fail(CheckIds.STARTTLS_INJECTION, port, "a command pipelined after STARTTLS was"
                    + " answered inside TLS", List.of(outcome.detail()), "Upgrade the MTA (CVE-2011-0411 class bug)");
            case REFUSED -> Check.pass(CheckIds.STARTTLS_INJECTION, port, "commands pipelined after STARTTLS are"
                    + " discarded", List.of(outcome.detail()));
            case UNKNOWN -> Check.skipped(CheckIds.STARTTLS_INJECTION, port, "not checked: " + outcome.detail());
        }));
        protocolChecks(target, observation, checks);
        cipherChecks(port, observation, checks);
        checks.add(KeyExchangeEvaluator.evaluate(observation, expectations));
        Optional<InspectionReport> certificate = session.handshake()
                .filter(facts -> !facts.chainDer().isEmpty())
                .flatMap(facts -> certificateChecks(target, session, facts, expectations, checks));
        DualCertificateChecks.add(observation, expectations, checks);
        return new PortResult(observation, certificate, checks);
    }

    private static void tlsRequired(PortTarget target, SessionObservation session, List<Check> checks) {
        if (!target.role().tlsRequired()) {
            return;
        }
        int port = target.port();
        if (target.mode() == PortMode.IMPLICIT) {
            checks.add(session.tls()
                    ? Check.pass(CheckIds.TLS_REQUIRED, port, "implicit TLS: nothing is spoken before the handshake",
                    List.of("mode: implicit TLS (smtpd_tls_wrappermode=yes)"))
                    : Check.fail(CheckIds.TLS_REQUIRED, port, "the port did not start with a TLS handshake",
                    session.problem().map(List::of).orElse(List.of()),
                    "In master.cf, give the submissions service -o smtpd_tls_wrappermode=yes and reload"));
            return;
        }
        session.mailFromBeforeTls().ifPresentOrElse(reply -> checks.add(reply.code() == 530
                        ? Check.pass(CheckIds.TLS_REQUIRED, port, "MAIL FROM before STARTTLS is rejected with 530",
                        List.of("MAIL FROM:<> → " + reply.text()))
                        : Check.fail(CheckIds.TLS_REQUIRED, port, reply.positive()
                        ? "mail is accepted without TLS (MAIL FROM before STARTTLS got " + reply.code() + ")"
                        : "MAIL FROM before STARTTLS got " + reply.code() + " instead of 530 (Must issue a STARTTLS command first)",
                        List.of("MAIL FROM:<> → " + reply.text()), FIX_ENCRYPT)),
                () -> checks.add(Check.skipped(CheckIds.TLS_REQUIRED, port, "not checked: the dialog ended before MAIL FROM")));
    }

    private static void authChecks(PortTarget target, SessionObservation session, List<Check> checks) {
        int port = target.port();
        session.ehloBeforeTls().ifPresent(ehlo -> checks.add(ehlo.offers("AUTH")
                ? Check.fail(CheckIds.AUTH_ONLY_AFTER_TLS, port, "AUTH is offered before TLS: passwords can cross in clear",
                List.of("EHLO before TLS: " + ehlo.text()), FIX_AUTH_ONLY)
                : Check.pass(CheckIds.AUTH_ONLY_AFTER_TLS, port, "AUTH is not offered before TLS",
                List.of("EHLO before TLS: " + ehlo.text()))));
        if (target.mode() == PortMode.IMPLICIT && session.ehloAfterTls().isPresent()) {
            checks.add(Check.pass(CheckIds.AUTH_ONLY_AFTER_TLS, port, "implicit TLS: AUTH can only happen inside TLS",
                    List.of("mode: implicit TLS")));
        }
        if (target.role().tlsRequired()) {
            session.ehloAfterTls().ifPresentOrElse(ehlo -> checks.add(ehlo.offers("AUTH")
                            ? Check.pass(CheckIds.AUTH_AFTER_TLS, port, "AUTH is offered inside TLS",
                            List.of("EHLO after TLS: " + ehlo.text()))
                            : Check.warn(CheckIds.AUTH_AFTER_TLS, port, "AUTH is not offered even inside TLS: users cannot log in",
                            List.of("EHLO after TLS: " + ehlo.text()),
                            "Give the service -o smtpd_sasl_auth_enable=yes (and a working smtpd_sasl_type/path)")),
                    () -> checks.add(Check.skipped(CheckIds.AUTH_AFTER_TLS, port, "not checked: no EHLO inside TLS")));
        }
    }

    private static void protocolChecks(PortTarget target, PortObservation observation, List<Check> checks) {
        int port = target.port();
        for (TlsVersion version : TlsVersion.values()) {
            ProbeOutcome outcome = observation.protocols().get(version);
            String id = CheckIds.protocol(version);
            if (outcome == null || outcome.result() == ProbeOutcome.Result.UNKNOWN) {
                checks.add(Check.skipped(id, port, "not checked: " + (outcome == null ? "not probed" : outcome.detail())));
            } else if (version.obsolete() && !target.role().tlsRequired() && outcome.accepted()) {
                // decision 0047: on port 25 TLS is opportunistic; refusing old versions sends those peers' mail in
                // plaintext, which is worse than old TLS (TLS_README; Postfix's own default keeps them)
                checks.add(Check.pass(id, port, version.label() + " is accepted: right for opportunistic TLS on the"
                        + " MX port (refusing it would send mail from such servers in plaintext)", List.of(outcome.detail())));
            } else if (version.obsolete()) {
                checks.add(outcome.accepted()
                        ? Check.fail(id, port, version.label() + " is accepted (obsolete, RFC 8996; NIST SP 800-52r2 requires TLS 1.2+)",
                        List.of(outcome.detail()), FIX_PROTOCOLS)
                        : Check.pass(id, port, version.label() + " is refused", List.of(outcome.detail())));
            } else {
                checks.add(outcome.accepted()
                        ? Check.pass(id, port, version.label() + " is accepted", List.of(outcome.detail()))
                        : Check.warn(id, port, version.label() + " is refused", List.of(outcome.detail()),
                        "Allow " + version.label() + ": do not exclude it in smtpd_tls_protocols / smtpd_tls_mandatory_protocols"));
            }
        }
    }

    private static void cipherChecks(int port, PortObservation observation, List<Check> checks) {
        for (WeakCipherClass cipherClass : WeakCipherClass.values()) {
            ProbeOutcome outcome = observation.weakCiphers().get(cipherClass);
            String id = CheckIds.weakCipher(cipherClass);
            if (outcome == null || outcome.result() == ProbeOutcome.Result.UNKNOWN) {
                checks.add(Check.skipped(id, port, "not checked: " + (outcome == null ? "not probed" : outcome.detail())));
            } else {
                checks.add(outcome.accepted()
                        ? Check.fail(id, port, cipherClass.label() + " cipher suites are accepted", List.of(outcome.detail()), FIX_CIPHERS)
                        : Check.pass(id, port, cipherClass.label() + " cipher suites are refused", List.of(outcome.detail())));
            }
        }
    }

    private Optional<InspectionReport> certificateChecks(PortTarget target, SessionObservation session,
                                                         HandshakeFacts facts, PortExpectations expectations,
                                                         List<Check> checks) {
        int port = target.port();
        List<String> hostnames = !expectations.hostnames().isEmpty() ? expectations.hostnames()
                : isIpLiteral(target.host()) ? session.greetingName().map(List::of).orElse(List.of())
                : List.of(target.host());
        InspectionRequest request = InspectionRequest.of(ServedChain.asPem("certificate chain served on port " + port,
                        facts.chainDer()))
                .withHostnames(hostnames)
                .withExpiryWindow(expectations.expiryWindow());
        if (expectations.trust().isPresent()) {
            request = request.withTrust(expectations.trust().get());
        }
        InspectionReport report;
        try {
            report = inspector.inspect(request);
        } catch (BadInputException e) {
            checks.add(Check.fail(CheckIds.CERTIFICATE_PRESENTED, port, "the server sent an unreadable certificate: "
                    + e.getMessage(), List.of(), "Point smtpd_tls_cert_file at a PEM chain (fullchain.pem) and reload"));
            return Optional.empty();
        }
        List<String> chainEvidence = report.certificates().stream()
                .map(c -> "#" + c.position() + " " + c.subject() + " (issuer " + c.issuer() + ", " + c.daysLeft()
                        + " days left, SHA-256 " + c.sha256Fingerprint() + ")")
                .toList();
        checks.add(Check.pass(CheckIds.CERTIFICATE_PRESENTED, port, "the server presents " + report.leaf().subject()
                + " with " + Counted.of(report.certificates().size(), "certificate"), chainEvidence));
        for (Finding finding : report.findings()) {
            String detail = finding.message();
            checks.add(finding.severity() == Severity.ERROR
                    ? Check.fail(finding.id().id(), port, detail, chainEvidence, finding.advice())
                    : Check.warn(finding.id().id(), port, detail, chainEvidence, finding.advice()));
        }
        if (!report.hasFindings()) {
            checks.add(Check.pass(CheckIds.CERTIFICATE_VALID, port, "chain complete, trusted by "
                    + report.trustSource().orElse("?") + ", valid for " + String.join(", ", hostnames) + ", "
                    + report.leaf().daysLeft() + " days left", chainEvidence));
        }
        List<String> acceptable = expectations.acceptableSha256();
        if (!acceptable.isEmpty()) {
            String served = report.leaf().sha256Fingerprint();
            checks.add(acceptable.stream().anyMatch(expected -> normalizeFingerprint(expected)
                    .equals(normalizeFingerprint(served)))
                    ? Check.pass(CheckIds.CERTIFICATE_EXPECTED, port, "the server presents the chosen certificate",
                    List.of("SHA-256 " + served))
                    : Check.fail(CheckIds.CERTIFICATE_EXPECTED, port, "the server presents another certificate than the one chosen",
                    List.of("served SHA-256 " + served, "chosen SHA-256 " + String.join(" or ", acceptable)),
                    "Point smtpd_tls_cert_file at the chosen certificate and run postfix reload (Postfix reads it only at start/reload)"));
        }
        return Optional.of(report);
    }

    private static List<String> sessionEvidence(SessionObservation session) {
        List<String> evidence = new ArrayList<>();
        session.banner().ifPresent(b -> evidence.add("banner: " + b.text()));
        session.starttlsReply().ifPresent(r -> evidence.add("STARTTLS → " + r.text()));
        session.problem().ifPresent(p -> evidence.add("stopped: " + p));
        evidence.add("dialog took " + session.elapsed().toMillis() + " ms");
        return evidence;
    }

    static String normalizeFingerprint(String fingerprint) {
        return fingerprint.replaceAll("(?i)^sha256[:=]\\s*", "").replaceAll("[^0-9A-Fa-f]", "").toLowerCase(Locale.ROOT);
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }
}
