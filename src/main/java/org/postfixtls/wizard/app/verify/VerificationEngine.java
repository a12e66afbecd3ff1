package org.postfixtls.wizard.app.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.postfixtls.wizard.domain.verify.Checklist;
import org.postfixtls.wizard.domain.verify.DnsAnswer;
import org.postfixtls.wizard.domain.verify.DnsEvaluator;
import org.postfixtls.wizard.domain.verify.DnsObservation;
import org.postfixtls.wizard.domain.verify.PolicyFetch;
import org.postfixtls.wizard.domain.verify.DnsQueryType;
import org.postfixtls.wizard.domain.verify.DnsResult;
import org.postfixtls.wizard.domain.verify.HandshakeFacts;
import org.postfixtls.wizard.domain.verify.PortEvaluator;
import org.postfixtls.wizard.domain.verify.PortObservation;
import org.postfixtls.wizard.domain.verify.PortMode;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.ProbeOutcome;
import org.postfixtls.wizard.domain.verify.ServerEvaluator;
import org.postfixtls.wizard.domain.verify.ServerResult;
import org.postfixtls.wizard.domain.verify.SessionObservation;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.domain.verify.WeakCipherClass;

/**
 * Runs every probe of a verification at once — per port the main dialog, four protocol versions, five weak cipher
 * classes and the STARTTLS injection test, each on its own connection; DNS; the server side — and judges the results.
 * One virtual thread per probe: they spend their time waiting on the network.
 */
public final class VerificationEngine {

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
                        + (target.mode() == PortMode.STARTTLS ? 1 : 0);
            }
            this.total = perPort + (request.domain().isPresent() && dns.isPresent() ? 1 : 0)
                    + (request.serverSide().isPresent() && server.isPresent() ? 1 : 0);
        }

        VerificationReport execute() {
            Instant started = clock.instant();
            long startNanos = System.nanoTime();
            ProbeTimeouts timeouts = request.timeouts();
            PortEvaluator evaluator = new PortEvaluator(clock);
            List<Future<PortResult>> ports = new ArrayList<>();
            for (PortTarget target : request.ports()) {
                Future<SessionObservation> session = submit(target + ": dialog", () -> prober.session(target, timeouts));
                Map<TlsVersion, Future<ProbeOutcome>> versions = new EnumMap<>(TlsVersion.class);
                for (TlsVersion version : TlsVersion.values()) {
                    versions.put(version, submit(target + ": " + version.label(),
                            () -> prober.tryVersion(target, version, timeouts)));
                }
                Map<WeakCipherClass, Future<ProbeOutcome>> ciphers = new EnumMap<>(WeakCipherClass.class);
                for (WeakCipherClass cipherClass : WeakCipherClass.values()) {
                    ciphers.put(cipherClass, submit(target + ": " + cipherClass.label(),
                            () -> prober.tryCipherClass(target, cipherClass, timeouts)));
                }
                Optional<Future<ProbeOutcome>> injection = target.mode() == PortMode.STARTTLS
                        ? Optional.of(submit(target + ": STARTTLS injection", () -> prober.tryStarttlsInjection(target, timeouts)))
                        : Optional.empty();
                ports.add(executor.submit(() -> {
                    PortObservation observation = new PortObservation(target, await(session), awaitAll(versions),
                            awaitAll(ciphers), injection.isPresent() ? Optional.of(await(injection.get())) : Optional.empty());
                    PortResult result = evaluator.evaluate(observation, request.expectations());
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

            List<PortResult> portResults = ports.stream().map(this::await).toList();
            Optional<DnsResult> dnsResult = dnsObservation.map(this::await).map(observation -> {
                DnsResult result = DnsEvaluator.evaluate(observation, smtpChain(portResults));
                listener.dnsFinished(result);
                return result;
            });
            Optional<ServerResult> serverSide = serverResult.map(this::await);
            executor.shutdown();
            return new VerificationReport(request.host(), started, Duration.ofNanos(System.nanoTime() - startNanos),
                    portResults, dnsResult, serverSide, Checklist.done(portResults, serverSide));
        }

        private <T> Future<T> submit(String step, Supplier<T> probe) {
            return executor.submit(() -> {
                T result = probe.get();
                listener.progress(finished.incrementAndGet(), total, step);
                return result;
            });
        }

        private <T> T await(Future<T> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("verification cancelled");
            } catch (ExecutionException e) {
                throw new CompletionException(e.getCause());
            }
        }

        private <K extends Enum<K>> Map<K, ProbeOutcome> awaitAll(Map<K, Future<ProbeOutcome>> futures) {
            Map<K, ProbeOutcome> outcomes = new LinkedHashMap<>();
            futures.forEach((key, future) -> outcomes.put(key, await(future)));
            return outcomes;
        }
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
