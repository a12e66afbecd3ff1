package org.postfixtls.wizard.app.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.postfixtls.wizard.domain.verify.CertificateProbe;
import org.postfixtls.wizard.domain.verify.Checklist;
import org.postfixtls.wizard.domain.verify.DnsAnswer;
import org.postfixtls.wizard.domain.verify.DnsEvaluator;
import org.postfixtls.wizard.domain.verify.DnsObservation;
import org.postfixtls.wizard.domain.verify.PolicyFetch;
import org.postfixtls.wizard.domain.verify.DnsQueryType;
import org.postfixtls.wizard.domain.verify.DnsResult;
import org.postfixtls.wizard.domain.verify.HandshakeFacts;
import org.postfixtls.wizard.domain.verify.KeyExchangeOffer;
import org.postfixtls.wizard.domain.verify.PortEvaluator;
import org.postfixtls.wizard.domain.verify.PortObservation;
import org.postfixtls.wizard.domain.verify.PortMode;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.ServerEvaluator;
import org.postfixtls.wizard.domain.verify.ServerObservation;
import org.postfixtls.wizard.domain.verify.ServerResult;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.SignatureFamily;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/**
 * Runs the probes of a verification at once — per port the main dialog, TLS 1.2, TLS 1.0 and 1.1 together, the five
 * weak cipher classes together and the STARTTLS injection test, each on its own connection; DNS; the server side —
 * and judges the results. TLS 1.3 is read from the dialog's own handshake when it negotiated 1.3; a question asked
 * together that is not refused is asked again one by one (decision 0069). One virtual thread per probe: they spend
 * their time waiting on the network.
 */
public final class VerificationEngine {

    /** Asked together first: a server that refuses a ClientHello topped at TLS 1.1 speaks neither (decision 0069). */
    private static final Set<TlsVersion> OLD_VERSIONS = EnumSet.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1);

    private final PortProber prober;
    private final Optional<DnsResolver> dns;
    private final Optional<PolicyFetcher> policies;
    private final Optional<ServerInspector> server;
    private final Clock clock;

    public VerificationEngine(PortProber prober, Optional<DnsResolver> dns, Optional<ServerInspector> server, Clock clock) {
        this(prober, dns, Optional.empty(), server, clock);
    }

    /** With a policy fetcher, a published MTA-STS record is followed to its policy file over HTTPS. */
    public VerificationEngine(PortProber prober, Optional<DnsResolver> dns, Optional<PolicyFetcher> policies,
                              Optional<ServerInspector> server, Clock clock) {
        this.policies = policies;
        this.prober = prober;
        this.dns = dns;
        this.server = server;
        this.clock = clock;
    }

    /** Blocking convenience for the CLI and tests. */
    public VerificationReport verify(VerificationRequest request) throws InterruptedException {
        VerificationHandle handle = start(request, VerificationListener.NONE);
        try {
            return handle.report().get();
        } catch (InterruptedException e) {
            handle.cancel();
            throw e;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Starts in the background and returns at once; results also arrive one by one through the listener. */
    public VerificationHandle start(VerificationRequest request, VerificationListener listener) {
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        Run run = new Run(request, listener, executor);
        CompletableFuture<VerificationReport> report = CompletableFuture.supplyAsync(run::execute, executor);
        return new VerificationHandle() {
            @Override
            public CompletableFuture<VerificationReport> report() {
                return report;
            }

            @Override
            public void cancel() {
                report.cancel(true);
                executor.shutdownNow(); // interrupts the probes: a virtual thread blocked on a socket gets it closed
            }
        };
    }

    private final class Run {
        private final VerificationRequest request;
        private final VerificationListener listener;
        private final ExecutorService executor;
        private final AtomicInteger finished = new AtomicInteger();
        private final int total;

        Run(VerificationRequest request, VerificationListener listener, ExecutorService executor) {
            this.request = request;
            this.listener = listener;
            this.executor = executor;
            int perPort = 0;
            for (PortTarget target : request.ports()) {
                perPort += 1 + TlsVersion.values().length + WeakCipherClass.values().length
                        + (target.mode() == PortMode.STARTTLS ? 1 : 0) + request.expectations().dualFamilies().size()
                        + KeyExchangeOffer.values().length;
            }
            this.total = perPort + (request.domain().isPresent() && dns.isPresent() ? 1 : 0)
                    + (request.serverSide().isPresent() && server.isPresent() ? 1 : 0);
        }

        VerificationReport execute() {
            Instant started = clock.instant();
            long startNanos = System.nanoTime();
            ProbeTimeouts timeouts = request.timeouts();
            Limit limit = Limit.startingAt(startNanos, timeouts.whole());
            PortEvaluator evaluator = new PortEvaluator(clock);
            List<Future<PortResult>> ports = new ArrayList<>();
            for (PortTarget target : request.ports()) {
                Future<SessionObservation> session = submit(target + ": dialog", () -> prober.session(target, timeouts));
                ProbeGroup<TlsVersion> versions = new ProbeGroup<>(TlsVersion.class);
                versions.single(TlsVersion.TLS_1_2, target, timeouts);
                versions.run(Set.of(TlsVersion.TLS_1_3), () -> versionsAfterSession(target, session, versions, timeouts));
                versions.together(OLD_VERSIONS, target, timeouts);
                ProbeGroup<WeakCipherClass> ciphers = new ProbeGroup<>(WeakCipherClass.class);
                ciphers.together(EnumSet.allOf(WeakCipherClass.class), target, timeouts);
                Optional<Future<ProbeOutcome>> injection = target.mode() == PortMode.STARTTLS
                        ? Optional.of(submit(target + ": STARTTLS injection", () -> prober.tryStarttlsInjection(target, timeouts)))
                        : Optional.empty();
                Map<SignatureFamily, Future<CertificateProbe>> algorithms = new EnumMap<>(SignatureFamily.class);
                for (SignatureFamily family : request.expectations().dualFamilies()) {
                    algorithms.put(family, submit(target + ": " + family.label() + " certificate",
                            () -> prober.tryCertificateAlgorithm(target, family, timeouts)));
                }
                Map<KeyExchangeOffer, Future<ProbeOutcome>> groups = new EnumMap<>(KeyExchangeOffer.class);
                Future<ProbeOutcome> alone = submit(target + ": " + KeyExchangeOffer.PQ_ONLY.label(),
                        () -> prober.tryKeyExchange(target, KeyExchangeOffer.PQ_ONLY, timeouts));
                groups.put(KeyExchangeOffer.PQ_ONLY, alone);
                groups.put(KeyExchangeOffer.PQ_AND_X25519, submit(target + ": " + KeyExchangeOffer.PQ_AND_X25519.label(),
                        () -> besideX25519(target, alone, timeouts)));
                ports.add(executor.submit(() -> {
                    PortResult result = evaluator.evaluate(withAlgorithms(observe(target, session, versions, ciphers,
                            injection, limit), algorithms, limit).withKeyExchange(awaitAll(groups, limit)),
                            request.expectations());
                    listener.portFinished(result);
                    return result;
                }));
            }
            Optional<Future<DnsObservation>> dnsObservation = request.domain().flatMap(domain -> dns.map(resolver ->
                    submit("DNS " + domain, () -> lookUp(resolver, domain))));
            Optional<Future<ServerResult>> serverResult = request.serverSide().flatMap(side -> server.map(inspector ->
                    submit("server side", () -> {
                        ServerResult result = ServerEvaluator.evaluate(inspector.inspect(side), side.outboundLevel());
                        listener.serverFinished(result);
                        return result;
                    })));

            List<PortResult> portResults = new ArrayList<>();
            for (int i = 0; i < ports.size(); i++) {
                PortTarget target = request.ports().get(i);
                // the port's own waits end at the limit; this one only needs room for judging and the listener
                portResults.add(await(ports.get(i), limit.withGrace(), () -> evaluator.evaluate(
                        unfinished(target, limit), request.expectations())));
            }
            Optional<DnsResult> dnsResult = dnsObservation.map(future -> await(future, limit,
                    () -> unfinishedDns(request.domain().orElseThrow(), limit))).map(observation -> {
                DnsResult result = DnsEvaluator.evaluate(observation, smtpChain(portResults), request.tlsRptAddress());
                listener.dnsFinished(result);
                return result;
            });
            Optional<ServerResult> serverSide = serverResult.map(future -> await(future, limit, () ->
                    ServerEvaluator.evaluate(new ServerObservation(Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty(), Optional.empty(), Optional.empty(),
                            List.of("the server-side checks " + limit.notFinished())), request.serverSide().orElseThrow().outboundLevel())));
            executor.shutdown(); // what ran past the limit was cancelled (interrupted) where it was awaited
            return new VerificationReport(request.host(), started, Duration.ofNanos(System.nanoTime() - startNanos),
                    portResults, dnsResult, serverSide, Checklist.done(portResults, serverSide));
        }

        private <T> Future<T> submit(String step, Supplier<T> probe) {
            return executor.submit(() -> {
                T result = probe.get();
                progress(step);
                return result;
            });
        }

        private PortObservation observe(PortTarget target, Future<SessionObservation> session,
                                        ProbeGroup<TlsVersion> versions, ProbeGroup<WeakCipherClass> ciphers,
                                        Optional<Future<ProbeOutcome>> injection, Limit limit) {
            return new PortObservation(target, await(session, limit, () -> unfinishedSession(limit)),
                    versions.await(limit), ciphers.await(limit),
                    injection.map(future -> await(future, limit, () -> unfinishedProbe(limit))));
        }

        /**
         * A server that does not take X25519MLKEM768 offered alone cannot choose it beside X25519 either: most servers
         * do not offer it yet, so the second post-quantum connection is made only when the first one was accepted.
         */
        private ProbeOutcome besideX25519(PortTarget target, Future<ProbeOutcome> alone, ProbeTimeouts timeouts) {
            ProbeOutcome first;
            try {
                first = alone.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("verification cancelled");
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            }
            if (first.accepted()) {
                return prober.tryKeyExchange(target, KeyExchangeOffer.PQ_AND_X25519, timeouts);
            }
            return first.refused()
                    ? ProbeOutcome.refused("offered " + KeyExchangeOffer.PQ_AND_X25519.label() + ": not asked, the"
                            + " server does not take " + KeyExchangeOffer.GROUP + " even offered alone")
                    : ProbeOutcome.unknown("offered " + KeyExchangeOffer.PQ_AND_X25519.label() + ": not asked, the"
                            + " first offer could not run");
        }

        private <K extends Enum<K>> Map<K, ProbeOutcome> awaitAll(Map<K, Future<ProbeOutcome>> futures, Limit limit) {
            Map<K, ProbeOutcome> outcomes = new LinkedHashMap<>();
            futures.forEach((key, future) -> outcomes.put(key, await(future, limit, () -> unfinishedProbe(limit))));
            return outcomes;
        }

        /** The per-algorithm handshakes of a dual-certificate verification (none with a single certificate). */
        private PortObservation withAlgorithms(PortObservation observed,
                                               Map<SignatureFamily, Future<CertificateProbe>> algorithms, Limit limit) {
            Map<SignatureFamily, CertificateProbe> probes = new EnumMap<>(SignatureFamily.class);
            algorithms.forEach((family, future) -> probes.put(family, await(future, limit,
                    () -> CertificateProbe.unknown("the probe " + limit.notFinished()))));
            return observed.withCertificateProbes(probes);
        }

        /**
         * The session's own handshake offers TLS 1.3 and 1.2, so a session that negotiated one of them already
         * answers that version's probe; only a version it did not show is probed on a connection of its own.
         * TLS 1.2 is probed at once (servers that speak 1.3 answer the session with 1.3), TLS 1.3 after the session.
         */
        private void versionsAfterSession(PortTarget target, Future<SessionObservation> session,
                                          ProbeGroup<TlsVersion> versions, ProbeTimeouts timeouts) {
            SessionObservation observed;
            try {
                observed = session.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("verification cancelled");
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            }
            Optional<HandshakeFacts> facts = observed.handshake()
                    .filter(handshake -> handshake.protocol().equals(TlsVersion.TLS_1_3.label()));
            if (facts.isPresent()) {
                versions.complete(TlsVersion.TLS_1_3, target, ProbeOutcome.accepted(
                        "negotiated " + facts.get().protocol() + " with " + facts.get().cipher()));
            } else {
                versions.complete(TlsVersion.TLS_1_3, target, prober.tryVersion(target, TlsVersion.TLS_1_3, timeouts));
            }
        }

        private void progress(String step) {
            listener.progress(finished.incrementAndGet(), total, step);
        }

        /**
         * The outcomes of one kind of probe on one port (versions, or cipher classes), each key awaited on its own so a
         * stuck probe costs only its own result. A question asked together (one connection for several keys) that
         * comes back REFUSED answers every key; otherwise each key is asked alone.
         */
        private final class ProbeGroup<K extends Enum<K>> {
            private final Map<K, CompletableFuture<ProbeOutcome>> outcomes;
            private final List<Future<?>> tasks = new CopyOnWriteArrayList<>();

            ProbeGroup(Class<K> keys) {
                outcomes = new EnumMap<>(keys);
                for (K key : keys.getEnumConstants()) {
                    outcomes.put(key, new CompletableFuture<>());
                }
            }

            void add(Future<?> task) {
                tasks.add(task);
            }

            void single(K key, PortTarget target, ProbeTimeouts timeouts) {
                run(Set.of(key), () -> complete(key, target, ask(key, target, timeouts)));
            }

            void together(Set<K> keys, PortTarget target, ProbeTimeouts timeouts) {
                run(keys, () -> {
                    ProbeOutcome outcome = askTogether(keys, target, timeouts);
                    for (K key : keys) {
                        if (outcome.refused()) {
                            complete(key, target, outcome);
                        } else {
                            single(key, target, timeouts);
                        }
                    }
                });
            }

            void run(Set<K> keys, Runnable probe) {
                add(executor.submit(() -> {
                    try {
                        probe.run();
                    } catch (RuntimeException | Error e) {
                        fail(keys, e);
                        throw e;
                    }
                }));
            }

            @SuppressWarnings("unchecked")
            private ProbeOutcome ask(K key, PortTarget target, ProbeTimeouts timeouts) {
                return key instanceof TlsVersion version ? prober.tryVersion(target, version, timeouts)
                        : prober.tryCipherClass(target, (WeakCipherClass) key, timeouts);
            }

            @SuppressWarnings("unchecked")
            private ProbeOutcome askTogether(Set<K> keys, PortTarget target, ProbeTimeouts timeouts) {
                K first = keys.iterator().next();
                return first instanceof TlsVersion ? prober.tryVersions(target, (Set<TlsVersion>) keys, timeouts)
                        : prober.tryCipherClasses(target, (Set<WeakCipherClass>) keys, timeouts);
            }

            void complete(K key, PortTarget target, ProbeOutcome outcome) {
                // progress first, as submit() does: whoever awaits the outcome (the report) then sees every step
                progress(target + ": " + (key instanceof TlsVersion v ? v.label() : ((WeakCipherClass) key).label()));
                outcomes.get(key).complete(outcome);
            }

            /** Each key until the limit; what is still open then is stopped (its sockets closed) and "not finished". */
            Map<K, ProbeOutcome> await(Limit limit) {
                Map<K, ProbeOutcome> result = new LinkedHashMap<>();
                outcomes.forEach((key, future) -> result.put(key, Run.this.await(future, limit, () -> {
                    tasks.forEach(task -> task.cancel(true));
                    return unfinishedProbe(limit);
                })));
                return result;
            }

            /** A probe that threw (a bug, not a server answer) fails the verification through its keys, as before. */
            private void fail(Set<K> keys, Throwable e) {
                keys.forEach(key -> outcomes.get(key).completeExceptionally(e));
            }
        }

        /** Waits until the limit at most; a probe still running then is stopped and replaced by "not finished". */
        private <T> T await(Future<T> future, Limit limit, Supplier<T> unfinished) {
            try {
                return future.get(limit.remainingNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                future.cancel(true);
                return unfinished.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("verification cancelled");
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            }
        }
    }

    /** The end of the whole verification. */
    private record Limit(long endNanos, Duration whole) {
        /** Judging a port's results after its probes ended takes no time worth a limit of its own. */
        private static final Duration GRACE = Duration.ofSeconds(2);

        static Limit startingAt(long startNanos, Duration whole) {
            return new Limit(startNanos + whole.toNanos(), whole);
        }

        long remainingNanos() {
            return Math.max(0, endNanos - System.nanoTime());
        }

        Limit withGrace() {
            return new Limit(endNanos + GRACE.toNanos(), whole);
        }

        String notFinished() {
            long seconds = whole.toSeconds();
            return "did not finish within the verification's limit of "
                    + (seconds >= 1 && whole.toMillis() % 1000 == 0 ? seconds + " s" : whole.toMillis() + " ms");
        }
    }

    private static SessionObservation unfinishedSession(Limit limit) {
        // "connected" keeps the port from being called unreachable: nothing says it was; the dialog check fails
        return new SessionObservation(true, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("the dialog " + limit.notFinished()), limit.whole());
    }

    private static ProbeOutcome unfinishedProbe(Limit limit) {
        return ProbeOutcome.unknown("the probe " + limit.notFinished());
    }

    private static PortObservation unfinished(PortTarget target, Limit limit) {
        Map<TlsVersion, ProbeOutcome> versions = new EnumMap<>(TlsVersion.class);
        for (TlsVersion version : TlsVersion.values()) {
            versions.put(version, unfinishedProbe(limit));
        }
        Map<WeakCipherClass, ProbeOutcome> ciphers = new EnumMap<>(WeakCipherClass.class);
        for (WeakCipherClass cipherClass : WeakCipherClass.values()) {
            ciphers.put(cipherClass, unfinishedProbe(limit));
        }
        return new PortObservation(target, unfinishedSession(limit), versions, ciphers,
                target.mode() == PortMode.STARTTLS ? Optional.of(unfinishedProbe(limit)) : Optional.empty());
    }

    private static DnsObservation unfinishedDns(String domain, Limit limit) {
        DnsAnswer none = DnsAnswer.unreachable("the DNS checks " + limit.notFinished());
        return new DnsObservation(domain, none, Map.of(), none, none, new PolicyFetch.NotChecked("the DNS checks "
                + limit.notFinished()));
    }

    private DnsObservation lookUp(DnsResolver resolver, String domain) {
        DnsAnswer mx = resolver.query(domain, DnsQueryType.MX);
        Map<String, DnsAnswer> tlsa = new LinkedHashMap<>();
        for (String host : DnsEvaluator.mxHosts(mx)) {
            tlsa.put(host, resolver.query("_25._tcp." + host, DnsQueryType.TLSA));
        }
        DnsAnswer sts = resolver.query("_mta-sts." + domain, DnsQueryType.TXT);
        DnsAnswer rpt = resolver.query("_smtp._tls." + domain, DnsQueryType.TXT);
        return new DnsObservation(domain, mx, tlsa, sts, rpt, policy(domain, sts));
    }

    /** RFC 8461 3.3: the TXT record announces the policy; without exactly one, senders fetch nothing either. */
    private PolicyFetch policy(String domain, DnsAnswer sts) {
        if (!sts.answered()) {
            return new PolicyFetch.NotChecked("the _mta-sts record could not be looked up (" + sts.detail() + ")");
        }
        if (sts.records().stream().filter(r -> r.startsWith("v=STSv1")).count() != 1) {
            return new PolicyFetch.NotChecked("no single _mta-sts." + domain + " TXT record announces a policy");
        }
        return policies.map(fetcher -> fetcher.fetch(domain))
                .orElseGet(() -> new PolicyFetch.NotChecked("the policy file was not fetched (no HTTPS access here)"));
    }

    /** The chain served on the SMTP (port 25 role) port, for the TLSA comparison. */
    private static List<byte[]> smtpChain(List<PortResult> ports) {
        return ports.stream().filter(p -> p.target().role() == PortRole.SMTP)
                .flatMap(p -> p.observation().session().handshake().stream())
                .map(HandshakeFacts::chainDer).findFirst().orElse(List.of());
    }
}
