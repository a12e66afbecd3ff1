package org.postfixtls.wizard.app.readiness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.adapter.local.LocalMailLog;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.domain.readiness.LogTimestamp;
import org.postfixtls.wizard.domain.readiness.Proposal;
import org.postfixtls.wizard.domain.readiness.ReadinessReport;

/**
 * Not a test: throughput and memory of the readiness check on a large log. Builds a log of N lines from the real
 * test-bed lines (the readiness fixture repeated with new pids, queue ids and recipient domains), then reads
 * it with the use case. Arguments: lines, file (reused when it exists), domains (default 2,000). Run with a small heap to show the memory bound, e.g.
 * {@code java -Xmx64m -cp target/classes:target/test-classes:DEPS ...ReadinessBenchmark 1000000 /tmp/bench.log}.
 */
public final class ReadinessBenchmark {

    private ReadinessBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        long lines = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path file = Path.of(args.length > 1 ? args[1] : "/tmp/pftw-readiness-bench.log");
        int domains = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        if (!Files.exists(file)) {
            write(file, lines, domains);
        }
        System.gc();
        long start = System.nanoTime();
        ReadinessReport report = new ReadinessCheck().run(new LocalMailLog(file, Long.MAX_VALUE),
                new ReadinessCheck.Request(new Proposal(TlsLevel.ENCRYPT, List.of()), Instant.EPOCH,
                        new LogTimestamp(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC), 0),
                Optional.empty(), m -> { }, () -> false);
        double seconds = (System.nanoTime() - start) / 1e9;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%d lines (%d MB) in %.2f s = %.0f lines/s; %d destinations, %d deliveries, %d malformed;"
                        + " max heap %d MB, peak heap used %d MB%n", report.scan().lines(), Files.size(file) >> 20,
                seconds, report.scan().lines() / seconds, report.destinations().size(), report.scan().deliveries(),
                report.scan().malformedLines(), Runtime.getRuntime().maxMemory() >> 20, peakHeap >> 20);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** {@code domains} × 3 destinations (each fixture destination gets the prefix). */
    private static void write(Path file, long lines, int domains) throws IOException {
        List<String> real;
        try (InputStream in = ReadinessBenchmark.class.getResourceAsStream(
                "/org/postfixtls/wizard/domain/readiness/testbed-3.7-readiness.maillog")) {
            real = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            long written = 0;
            for (int round = 0; written < lines; round++) {
                String pid = Integer.toString(100_000 + round % 900_000);
                String queue = String.format("%011X", round);
                String domain = "d" + (round % domains) + ".readiness.test";
                for (String line : real) {
                    if (written++ >= lines) {
                        break;
                    }
                    out.write(line.replaceAll("smtp\\[\\d+]", "smtp[" + pid + "]")
                            .replaceAll("[0-9A-F]{11}: to=", queue + ": to=")
                            .replace(".readiness.test", "." + domain));
                    out.newLine();
                }
            }
        }
    }
}
