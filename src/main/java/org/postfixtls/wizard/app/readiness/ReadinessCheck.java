package org.postfixtls.wizard.app.readiness;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.readiness.DestinationReadiness;
import org.postfixtls.wizard.domain.readiness.LogLineSplitter;
import org.postfixtls.wizard.domain.readiness.LogTimestamp;
import org.postfixtls.wizard.domain.readiness.MailLogScanner;
import org.postfixtls.wizard.domain.readiness.ProbeFinding;
import org.postfixtls.wizard.domain.readiness.ProbeTargets;
import org.postfixtls.wizard.domain.readiness.Proposal;
import org.postfixtls.wizard.domain.readiness.ReadinessClassifier;
import org.postfixtls.wizard.domain.readiness.ReadinessReport;
import org.postfixtls.wizard.domain.readiness.ScanResult;

/**
 * The enforcement-readiness use case: read the mail log (streaming, bounded), judge every destination at the
 * proposed level and policy table, then confirm the busiest ones live with the prober, a few at a time.
 */
public final class ReadinessCheck {

    /** Longer lines are not Postfix's (its own limit is line_length_limit-sized records, a few KB). */
    public static final int MAX_LINE_BYTES = 64 * 1024;
    public static final int PROBE_PARALLELISM = 4;

    /** @param top how many of the busiest destinations to probe (0: none) */
    public record Request(Proposal proposal, Instant since, LogTimestamp timestamps, int top) {
    }

    public ReadinessReport run(LogSource log, Request request, Optional<DestinationProber> prober,
            Consumer<String> progress, BooleanSupplier cancelled) {
        progress.accept("Reading " + log.describe() + "…");
        MailLogScanner scanner = new MailLogScanner(request.timestamps(), request.since());
        long[] count = {0};
        LogLineSplitter splitter = new LogLineSplitter(MAX_LINE_BYTES, line -> {
            scanner.accept(line);
            if (++count[0] % 200_000 == 0) {
                if (cancelled.getAsBoolean()) {
                    throw new ReadinessException.Cancelled();
                }
                progress.accept("Reading " + log.describe() + ": " + count[0] + " lines…");
            }
        });
        log.readInto(splitter, cancelled);
        ScanResult read = scanner.result();
        ScanResult scan = new ScanResult(read.destinations(), read.lines(), read.deliveries(),
                read.malformedLines() + splitter.oversizeLines(), read.linesOutsideWindow(),
                read.droppedDestinations());
        ReadinessReport fromLog = ReadinessClassifier.classify(scan, request.proposal(), Map.of());
        if (prober.isEmpty() || request.top() <= 0) {
            return fromLog;
        }
        Map<String, ProbeFinding> probes = probeTop(fromLog, request.top(), prober.get(), progress, cancelled);
        return ReadinessClassifier.classify(scan, request.proposal(), probes);
    }

    private static Map<String, ProbeFinding> probeTop(ReadinessReport report, int top, DestinationProber prober,
            Consumer<String> progress, BooleanSupplier cancelled) {
        List<DestinationReadiness> chosen = report.destinations().stream()
                .filter(d -> d.evidence().isPresent() && (d.level().mandatory() || d.level() == TlsLevel.DANE))
                .filter(d -> ProbeTargets.target(d.evidence().get()).isPresent())
                .limit(top).toList();
        Map<String, ProbeFinding> findings = new HashMap<>();
        if (chosen.isEmpty()) {
            return findings;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PROBE_PARALLELISM, chosen.size()), r -> {
            Thread thread = new Thread(r, "pftw-readiness-probe");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ProbeFinding>> futures = new ArrayList<>();
            for (DestinationReadiness d : chosen) {
                String target = ProbeTargets.target(d.evidence().get()).orElseThrow();
                futures.add(pool.submit(() -> cancelled.getAsBoolean() ? null : prober.probe(target, d.level())));
            }
            for (int i = 0; i < chosen.size(); i++) {
                progress.accept("Probing from the server: " + (i + 1) + " of " + chosen.size() + " ("
                        + chosen.get(i).destination() + ")…");
                ProbeFinding finding = futures.get(i).get();
                if (cancelled.getAsBoolean()) {
                    throw new ReadinessException.Cancelled();
                }
                findings.put(chosen.get(i).destination(), finding);
            }
            return findings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadinessException.Cancelled();
        } catch (ExecutionException e) {
            throw new ReadinessException("a probe failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
