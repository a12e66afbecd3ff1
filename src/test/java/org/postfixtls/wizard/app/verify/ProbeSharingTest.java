package org.postfixtls.wizard.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.verify.HandshakeFacts;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortObservation;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.SmtpReply;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/**
 * Decision 0069: questions asked together answer each key only when refused; anything else is asked key by key, and
 * TLS 1.3 is read from the dialog's handshake only when the dialog negotiated 1.3. The outcomes must be exactly those
 * one probe per key would give.
 */
class ProbeSharingTest {

    private static final PortTarget PORT = new PortTarget("127.0.0.1", 25, PortRole.SUBMISSIONS);

    /** A server whose answers are fixed per version and cipher class; records which questions were asked. */
    private static final class FixedServer implements PortProber {
        final List<String> asked = Collections.synchronizedList(new ArrayList<>());
        final String sessionVersion;
        final Map<TlsVersion, ProbeOutcome> versions = new EnumMap<>(TlsVersion.class);
        final Map<WeakCipherClass, ProbeOutcome> ciphers = new EnumMap<>(WeakCipherClass.class);
        ProbeOutcome pqAlone = ProbeOutcome.refused("offered X25519MLKEM768 alone: the server answered otherwise");

        FixedServer(String sessionVersion) {
            this.sessionVersion = sessionVersion;
            for (TlsVersion version : TlsVersion.values()) {
                versions.put(version, version.ordinal() >= TlsVersion.TLS_1_2.ordinal()
                        ? ProbeOutcome.accepted("negotiated " + version.label() + " with TLS_AES_128_GCM_SHA256")
                        : ProbeOutcome.refused("refused with alert protocol_version"));
            }
            for (WeakCipherClass cipherClass : WeakCipherClass.values()) {
                ciphers.put(cipherClass, ProbeOutcome.refused("refused with alert handshake_failure"));
            }
        }

        @Override
        public SessionObservation session(PortTarget target, ProbeTimeouts timeouts) {
            asked.add("session");
            return new SessionObservation(true, Optional.of(new SmtpReply(220, List.of("mx ESMTP"))), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.of(new HandshakeFacts(sessionVersion,
                    "TLS_AES_128_GCM_SHA256", Optional.of("x25519"), List.of())),
                    Optional.of(new SmtpReply(250, List.of("mx"))), Optional.empty(), Duration.ZERO);
        }

        @Override
        public ProbeOutcome tryVersion(PortTarget target, TlsVersion version, ProbeTimeouts timeouts) {
            asked.add(version.label());
            return versions.get(version);
        }

        @Override
        public ProbeOutcome tryVersions(PortTarget target, Set<TlsVersion> asked, ProbeTimeouts timeouts) {
            this.asked.add("versions " + asked);
            return asked.stream().map(versions::get).anyMatch(ProbeOutcome::accepted)
                    ? ProbeOutcome.accepted("negotiated something") : ProbeOutcome.refused("refused with alert protocol_version");
        }

        @Override
        public ProbeOutcome tryCipherClasses(PortTarget target, Set<WeakCipherClass> asked, ProbeTimeouts timeouts) {
            this.asked.add("ciphers " + asked.size());
            return asked.stream().map(ciphers::get).anyMatch(ProbeOutcome::accepted)
                    ? ProbeOutcome.accepted("the server chose something") : ProbeOutcome.refused("refused with alert handshake_failure");
        }

        @Override
        public ProbeOutcome tryCipherClass(PortTarget target, WeakCipherClass cipherClass, ProbeTimeouts timeouts) {
            asked.add(cipherClass.key());
            return ciphers.get(cipherClass);
        }

        @Override
        public ProbeOutcome tryStarttlsInjection(PortTarget target, ProbeTimeouts timeouts) {
            throw new AssertionError("implicit TLS has no injection test");
        }

        @Override
        public ProbeOutcome tryKeyExchange(PortTarget target, KeyExchangeOffer offer, ProbeTimeouts timeouts) {
            asked.add("pq " + offer);
            return offer == KeyExchangeOffer.PQ_ONLY ? pqAlone
                    : ProbeOutcome.accepted("offered X25519MLKEM768 beside X25519: negotiated X25519MLKEM768");
        }
    }

    private static PortObservation verify(PortProber prober) throws InterruptedException {
        VerificationReport report = new VerificationEngine(prober, Optional.empty(), Optional.empty(), Clock.systemUTC())
                .verify(new VerificationRequest("127.0.0.1", List.of(PORT), PortExpectations.NONE, Optional.empty(),
                        Optional.empty(), ProbeTimeouts.DEFAULT));
        return report.ports().get(0).observation();
    }

    @Test
    void aHardenedServerAnswersInFiveConnections() throws Exception {
        FixedServer server = new FixedServer("TLSv1.3");
        PortObservation seen = verify(server);
        assertEquals(server.versions, seen.protocols());
        assertEquals(server.ciphers, seen.weakCiphers());
        assertEquals(Set.of("session", "TLSv1.2", "versions [TLS_1_0, TLS_1_1]", "ciphers 5", "pq PQ_ONLY"),
                Set.copyOf(server.asked));
        assertEquals(5, server.asked.size());
        assertEquals(ProbeOutcome.Result.REFUSED, seen.keyExchange().get(KeyExchangeOffer.PQ_AND_X25519).result(),
                "a server refusing X25519MLKEM768 alone does not choose it beside X25519 either");
    }

    @Test
    void thePostQuantumOfferBesideX25519IsMadeOnlyWhenTheGroupAloneWasAccepted() throws Exception {
        FixedServer server = new FixedServer("TLSv1.3");
        server.pqAlone = ProbeOutcome.accepted("offered X25519MLKEM768 alone: negotiated X25519MLKEM768");
        PortObservation seen = verify(server);
        assertEquals(true, server.asked.contains("pq PQ_AND_X25519"), server.asked.toString());
        assertEquals(ProbeOutcome.Result.ACCEPTED, seen.keyExchange().get(KeyExchangeOffer.PQ_AND_X25519).result());
    }

    @Test
    void whatIsNotRefusedTogetherIsAskedOneByOne() throws Exception {
        FixedServer server = new FixedServer("TLSv1.3");
        server.versions.put(TlsVersion.TLS_1_0, ProbeOutcome.accepted("negotiated TLSv1 with TLS_RSA_WITH_AES_128_CBC_SHA"));
        server.ciphers.put(WeakCipherClass.TRIPLE_DES, ProbeOutcome.accepted("the server chose TLS_RSA_WITH_3DES_EDE_CBC_SHA"));
        PortObservation seen = verify(server);
        assertEquals(server.versions, seen.protocols());
        assertEquals(server.ciphers, seen.weakCiphers());
        assertEquals(5 + 2 + 5, server.asked.size(), server.asked.toString());
    }

    @Test
    void tls13IsProbedWhenTheDialogNegotiatedAnotherVersion() throws Exception {
        FixedServer server = new FixedServer("TLSv1.2");
        server.versions.put(TlsVersion.TLS_1_3, ProbeOutcome.refused("refused with alert protocol_version"));
        PortObservation seen = verify(server);
        assertEquals(server.versions, seen.protocols());
        assertEquals(true, server.asked.contains("TLSv1.3"));
    }

    @Test
    void aProberWithoutCombinedQuestionsIsAskedOneByOne() throws Exception {
        FixedServer fixed = new FixedServer("TLSv1.3");
        PortProber plain = new PortProber() {
            @Override
            public SessionObservation session(PortTarget target, ProbeTimeouts timeouts) {
                return fixed.session(target, timeouts);
            }

            @Override
            public ProbeOutcome tryVersion(PortTarget target, TlsVersion version, ProbeTimeouts timeouts) {
                return fixed.tryVersion(target, version, timeouts);
            }

            @Override
            public ProbeOutcome tryCipherClass(PortTarget target, WeakCipherClass cipherClass, ProbeTimeouts timeouts) {
                return fixed.tryCipherClass(target, cipherClass, timeouts);
            }

            @Override
            public ProbeOutcome tryStarttlsInjection(PortTarget target, ProbeTimeouts timeouts) {
                return fixed.tryStarttlsInjection(target, timeouts);
            }
        };
        PortObservation seen = verify(plain);
        assertEquals(fixed.versions, seen.protocols());
        assertEquals(fixed.ciphers, seen.weakCiphers());
    }
}
