package org.postfixtls.wizard.adapter.net;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SecurityParameters;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsNoCloseNotifyException;
import org.postfixtls.wizard.app.verify.PortProber;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.domain.verify.CertificateProbe;
import org.postfixtls.wizard.domain.verify.HandshakeFacts;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;
import org.postfixtls.wizard.domain.verify.PortMode;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.SignatureFamily;
import org.postfixtls.wizard.domain.verify.SmtpReply;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/** The project's own SMTP prober over plain sockets, with Bouncy Castle's low-level TLS client for the handshakes. */
public final class SmtpProber implements PortProber {

    /** Syntactically a domain, guaranteed never to exist (RFC 6761): the probe does not pretend to be anyone. */
    public static final String DEFAULT_EHLO_NAME = "verify.postfix-tls-wizard.invalid";

    private static final ProtocolVersion[] MODERN = ProtocolVersion.TLSv13.downTo(ProtocolVersion.TLSv12);

    private final String ehloName;

    public SmtpProber() {
        this(DEFAULT_EHLO_NAME);
    }

    public SmtpProber(String ehloName) {
        this.ehloName = ehloName;
    }

    @Override
    public SessionObservation session(PortTarget target, ProbeTimeouts timeouts) {
        long start = System.nanoTime();
        SessionRecorder seen = new SessionRecorder();
        String step = "connecting";
        try (SmtpConnection connection = SmtpConnection.open(target.host(), target.port(), timeouts)) {
            seen.connected = true;
            seen.connection = connection;
            if (target.mode() == PortMode.IMPLICIT) {
                step = "TLS handshake";
                seen.handshake = handshake(connection, target.host(), MODERN);
            }
            step = "waiting for the banner";
            seen.banner = connection.readReply();
            if (seen.banner.code() != 220) {
                return seen.stop("the server refused the session: " + seen.banner.text(), start);
            }
            step = "EHLO";
            SmtpReply ehlo = connection.command("EHLO " + ehloName);
            if (ehlo.code() != 250) {
                return seen.stop("EHLO was refused: " + ehlo.text(), start);
            }
            if (target.mode() == PortMode.IMPLICIT) {
                seen.ehloAfterTls = ehlo;
            } else {
                seen.ehloBeforeTls = ehlo;
                if (target.role().tlsRequired()) {
                    step = "MAIL FROM before STARTTLS";
                    seen.mailFromBeforeTls = connection.command("MAIL FROM:<>");
                    step = "RSET";
                    connection.command("RSET");
                }
                if (!ehlo.offers("STARTTLS")) {
                    return seen.stop("STARTTLS is not offered", start);
                }
                step = "STARTTLS";
                seen.starttls = connection.command("STARTTLS");
                if (seen.starttls.code() != 220) {
                    return seen.stop("STARTTLS was offered but refused: " + seen.starttls.text(), start);
                }
                step = "TLS handshake";
                seen.handshake = handshake(connection, target.host(), MODERN);
                step = "EHLO after TLS";
                seen.ehloAfterTls = connection.command("EHLO " + ehloName);
            }
            quietly(() -> connection.send("QUIT"));
            return seen.stop(null, start);
        } catch (IOException e) {
            return seen.stop(describe(step, e, timeouts, seen.peerClosed()), start);
        }
    }

    @Override
    public ProbeOutcome tryVersion(PortTarget target, TlsVersion version, ProbeTimeouts timeouts) {
        return tryVersions(target, EnumSet.of(version), timeouts);
    }

    /** One handshake offering these versions (BC's client offers a contiguous range, highest first). */
    @Override
    public ProbeOutcome tryVersions(PortTarget target, Set<TlsVersion> versions, ProbeTimeouts timeouts) {
        String label = versions.stream().map(TlsVersion::label).collect(Collectors.joining("/"));
        try (SmtpConnection connection = SmtpConnection.open(target.host(), target.port(), timeouts)) {
            Optional<String> notReady = readyForTls(connection, target);
            if (notReady.isPresent()) {
                return ProbeOutcome.unknown(notReady.get());
            }
            try {
                HandshakeFacts facts = handshake(connection, target.host(), bc(versions));
                return ProbeOutcome.accepted("negotiated " + facts.protocol() + " with " + facts.cipher());
            } catch (TlsFatalAlertReceived e) {
                return ProbeOutcome.refused("refused with alert " + AlertDescription.getText(e.getAlertDescription()));
            } catch (TlsFatalAlert e) {
                short alert = e.getAlertDescription();
                if (alert == AlertDescription.protocol_version || alert == AlertDescription.handshake_failure) {
                    return ProbeOutcome.refused("the server answered with another version (" + e.getMessage() + ")");
                }
                return ProbeOutcome.unknown("handshake broke off: " + e.getMessage());
            } catch (EOFException e) {
                return ProbeOutcome.refused("the server closed the connection during the handshake");
            }
        } catch (IOException e) {
            return ProbeOutcome.unknown(describe("probing " + label, e, timeouts));
        }
    }

    @Override
    public CertificateProbe tryCertificateAlgorithm(PortTarget target, SignatureFamily family, ProbeTimeouts timeouts) {
        try (SmtpConnection connection = SmtpConnection.open(target.host(), target.port(), timeouts)) {
            Optional<String> notReady = readyForTls(connection, target);
            if (notReady.isPresent()) {
                return CertificateProbe.unknown(notReady.get());
            }
            try {
                return CertificateProbe.served(handshake(connection, new ProbeTlsClient(MODERN, target.host(), family)));
            } catch (TlsFatalAlertReceived e) {
                return CertificateProbe.refused("refused with alert " + AlertDescription.getText(e.getAlertDescription()));
            } catch (TlsFatalAlert e) {
                // e.g. the server signed with an algorithm not offered: it has no certificate of this family
                return CertificateProbe.refused("the handshake failed: " + e.getMessage());
            } catch (EOFException e) {
                return CertificateProbe.refused("the server closed the connection during the handshake");
            }
        } catch (IOException e) {
            return CertificateProbe.unknown(describe("probing the " + family.label() + " certificate", e, timeouts));
        }
    }

    @Override
    public ProbeOutcome tryCipherClass(PortTarget target, WeakCipherClass cipherClass, ProbeTimeouts timeouts) {
        return cipherSuites(target, cipherClass.cipherSuites(), cipherClass.label(), timeouts);
    }

    /** One ClientHello with the union of the classes' suites, each suite once. */
    @Override
    public ProbeOutcome tryCipherClasses(PortTarget target, Set<WeakCipherClass> classes, ProbeTimeouts timeouts) {
        List<Integer> suites = classes.stream().flatMap(c -> c.cipherSuites().stream()).distinct().toList();
        return cipherSuites(target, suites, classes.stream().map(WeakCipherClass::label)
                .collect(Collectors.joining("/")), timeouts);
    }

    private ProbeOutcome cipherSuites(PortTarget target, List<Integer> suites, String label, ProbeTimeouts timeouts) {
        try (SmtpConnection connection = SmtpConnection.open(target.host(), target.port(), timeouts)) {
            Optional<String> notReady = readyForTls(connection, target);
            if (notReady.isPresent()) {
                return ProbeOutcome.unknown(notReady.get());
            }
            connection.sendRaw(CipherClassHello.clientHello(suites,
                    ProbeTlsClient.hostIsIpLiteral(target.host()) ? null : target.host()));
            connection.armReadTimeout();
            return CipherClassHello.readAnswer(connection.input(), suites);
        } catch (IOException e) {
            return ProbeOutcome.unknown(describe("probing " + label, e, timeouts));
        }
    }

    @Override
    public ProbeOutcome tryStarttlsInjection(PortTarget target, ProbeTimeouts timeouts) {
        try (SmtpConnection connection = SmtpConnection.open(target.host(), target.port(), timeouts)) {
            SmtpReply banner = connection.readReply();
            SmtpReply ehlo = banner.code() == 220 ? connection.command("EHLO " + ehloName) : banner;
            if (!ehlo.offers("STARTTLS")) {
                return ProbeOutcome.unknown("STARTTLS is not offered, nothing to inject into");
            }
            // Both commands in one segment: a vulnerable server reads NOOP from the plaintext buffer after the
            // handshake and answers it inside TLS.
            connection.sendRaw("STARTTLS\r\nNOOP\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            SmtpReply starttls = connection.readReply();
            if (starttls.code() != 220) {
                return ProbeOutcome.unknown("STARTTLS was refused: " + starttls.text());
            }
            try {
                handshake(connection, target.host(), MODERN);
            } catch (IOException e) {
                return ProbeOutcome.refused("the server discarded the session after the pipelined command ("
                        + e.getClass().getSimpleName() + ")");
            }
            connection.send("QUIT");
            SmtpReply first = connection.readReply();
            if (first.code() == 221) {
                return ProbeOutcome.refused("the pipelined NOOP was discarded; QUIT was answered first: " + first.text());
            }
            if (first.code() == 250) {
                return ProbeOutcome.accepted("the plaintext NOOP was answered inside TLS: " + first.text());
            }
            return ProbeOutcome.unknown("unexpected first reply inside TLS: " + first.text());
        } catch (IOException e) {
            return ProbeOutcome.unknown(describe("STARTTLS injection test", e, timeouts));
        }
    }

    @Override
    public ProbeOutcome tryKeyExchange(PortTarget target, KeyExchangeOffer offer, ProbeTimeouts timeouts) {
        KeyExchangeTlsClient client = new KeyExchangeTlsClient(offer, target.host());
        if (!client.canOffer()) {
            return ProbeOutcome.unknown("this machine's TLS library cannot offer " + KeyExchangeOffer.GROUP);
        }
        try (SmtpConnection connection = SmtpConnection.open(target.host(), target.port(), timeouts)) {
            Optional<String> notReady = readyForTls(connection, target);
            if (notReady.isPresent()) {
                return ProbeOutcome.unknown(notReady.get());
            }
            try {
                HandshakeFacts facts = handshake(connection, client);
                String group = facts.group().orElse("none");
                return group.equalsIgnoreCase(KeyExchangeOffer.GROUP)
                        ? ProbeOutcome.accepted("offered " + offer.label() + ": negotiated " + group)
                        : ProbeOutcome.refused("offered " + offer.label() + ": the server chose " + group);
            } catch (TlsFatalAlertReceived e) {
                return ProbeOutcome.refused("offered " + offer.label() + ": refused with alert "
                        + AlertDescription.getText(e.getAlertDescription()));
            } catch (TlsFatalAlert e) {
                // a HelloRetryRequest for a group not offered, or a TLS 1.2 answer: the server does not take it
                return ProbeOutcome.refused("offered " + offer.label() + ": the server answered otherwise ("
                        + e.getMessage() + ")");
            } catch (EOFException e) {
                return ProbeOutcome.refused("offered " + offer.label() + ": the server closed the connection during"
                        + " the handshake");
            }
        } catch (IOException e) {
            return ProbeOutcome.unknown(describe("probing " + offer.label(), e, timeouts));
        }
    }

    /** Banner, EHLO and STARTTLS on STARTTLS ports; nothing on implicit-TLS ports. Empty when TLS may start. */
    private Optional<String> readyForTls(SmtpConnection connection, PortTarget target) throws IOException {
        if (target.mode() == PortMode.IMPLICIT) {
            return Optional.empty();
        }
        SmtpReply banner = connection.readReply();
        if (banner.code() != 220) {
            return Optional.of("the server refused the session: " + banner.text());
        }
        SmtpReply ehlo = connection.command("EHLO " + ehloName);
        if (!ehlo.offers("STARTTLS")) {
            return Optional.of("STARTTLS is not offered");
        }
        SmtpReply starttls = connection.command("STARTTLS");
        if (starttls.code() != 220) {
            return Optional.of("STARTTLS was refused: " + starttls.text());
        }
        return Optional.empty();
    }

    private static HandshakeFacts handshake(SmtpConnection connection, String host, ProtocolVersion[] versions)
            throws IOException {
        return handshake(connection, new ProbeTlsClient(versions, host));
    }

    private static HandshakeFacts handshake(SmtpConnection connection, ProbeTlsClient client) throws IOException {
        connection.armReadTimeout();
        TlsClientProtocol protocol = new TlsClientProtocol(connection.input(), connection.output());
        try {
            protocol.connect(client);
        } catch (SocketTimeoutException e) {
            throw connection.overallOr(e);
        }
        connection.switchTo(protocol.getInputStream(), protocol.getOutputStream());
        SecurityParameters parameters = client.securityParameters();
        int group = parameters.getNegotiatedGroup();
        return new HandshakeFacts(TlsNames.version(parameters.getNegotiatedVersion()),
                TlsNames.cipherSuite(parameters.getCipherSuite()),
                group >= 0 ? Optional.of(TlsNames.group(group)) : Optional.empty(), client.chain());
    }

    /** Highest first, as a ClientHello lists them. */
    private static ProtocolVersion[] bc(Set<TlsVersion> versions) {
        return versions.stream().sorted(Comparator.reverseOrder()).map(SmtpProber::bc).toArray(ProtocolVersion[]::new);
    }

    private static ProtocolVersion bc(TlsVersion version) {
        return switch (version) {
            case TLS_1_0 -> ProtocolVersion.TLSv10;
            case TLS_1_1 -> ProtocolVersion.TLSv11;
            case TLS_1_2 -> ProtocolVersion.TLSv12;
            case TLS_1_3 -> ProtocolVersion.TLSv13;
        };
    }

    static String describe(String step, IOException e, ProbeTimeouts timeouts) {
        return describe(step, e, timeouts, false);
    }

    static String describe(String step, IOException e, ProbeTimeouts timeouts, boolean peerClosed) {
        String what;
        if (peerClosed && !(e instanceof TlsFatalAlertReceived)) {
            // Bouncy Castle reports an end of stream during the handshake as its own handshake_failure alert.
            what = "the server closed the connection";
        } else if (e instanceof ConnectException) {
            what = "connection refused (nothing listens on the port, or a firewall rejects it)";
        } else if (e instanceof SocketTimeoutException timeout) {
            what = step.equals("connecting")
                    ? "no TCP connection within " + seconds(timeouts.connect())
                    : "overall time limit reached".equals(timeout.getMessage())
                    ? "the dialog exceeded the overall limit of " + seconds(timeouts.overall())
                    : "no reply within " + seconds(timeouts.reply());
        } else if (e instanceof UnknownHostException) {
            what = "unknown host " + e.getMessage();
        } else if (e instanceof NoRouteToHostException) {
            what = "no route to host";
        } else if (e instanceof TlsFatalAlertReceived alert) {
            what = "the server aborted the TLS handshake with alert " + AlertDescription.getText(alert.getAlertDescription());
        } else if (e instanceof TlsFatalAlert alert) {
            what = "the TLS handshake failed: " + (alert.getMessage() == null
                    ? AlertDescription.getText(alert.getAlertDescription()) : alert.getMessage());
        } else if (e instanceof EOFException || e instanceof TlsNoCloseNotifyException) {
            what = "the server closed the connection";
        } else {
            what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        return step + ": " + what;
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static void quietly(IoAction action) {
        try {
            action.run();
        } catch (IOException ignored) {
            // QUIT is a courtesy; the observation is complete
        }
    }

    private interface IoAction {
        void run() throws IOException;
    }

    /** Collects the dialog step by step, so a failure at any point still reports everything seen before it. */
    private static final class SessionRecorder {
        boolean connected;
        SmtpReply banner;
        SmtpReply ehloBeforeTls;
        SmtpReply mailFromBeforeTls;
        SmtpReply starttls;
        HandshakeFacts handshake;
        SmtpReply ehloAfterTls;
        SmtpConnection connection;

        boolean peerClosed() {
            return connection != null && connection.peerClosed();
        }

        SessionObservation stop(String problem, long startNanos) {
            return new SessionObservation(connected, Optional.ofNullable(banner), Optional.ofNullable(ehloBeforeTls),
                    Optional.ofNullable(mailFromBeforeTls), Optional.ofNullable(starttls), Optional.ofNullable(handshake),
                    Optional.ofNullable(ehloAfterTls), Optional.ofNullable(problem),
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }
}
