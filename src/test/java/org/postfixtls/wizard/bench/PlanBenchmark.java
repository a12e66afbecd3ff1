package org.postfixtls.wizard.bench;

import java.util.Arrays;
import java.util.Random;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.testsupport.Corpus;

/**
 * Plan + unified diff of a 10,000-line main.cf, warm. Run after {@code mvn test-compile dependency:build-classpath
 * -Dmdep.outputFile=cp.txt}: {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * org.postfixtls.wizard.bench.PlanBenchmark}.
 */
public final class PlanBenchmark {

    private PlanBenchmark() {
    }

    public static void main(String[] args) {
        String main = bigMainCf(10_000);
        String master = Corpus.read("debian12", "master.cf");
        PlanRequest request = PlanRequest.of(main, master, Preset.MANDATORY.baseline(), new PostfixVersion(3, 7));
        int warmup = 30;
        int runs = 50;
        long checksum = 0;
        for (int i = 0; i < warmup; i++) {
            checksum += once(request);
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            checksum += once(request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("main.cf lines: %d, runs: %d (after %d warm-up)%n", main.split("\n", -1).length - 1, runs, warmup);
        System.out.printf("plan+diff warm: min %.1f ms, median %.1f ms, p90 %.1f ms, max %.1f ms (checksum %d)%n",
                nanos[0] / 1e6, nanos[runs / 2] / 1e6, nanos[runs * 9 / 10] / 1e6, nanos[runs - 1] / 1e6, checksum);
    }

    private static int once(PlanRequest request) {
        ChangeSet set = Planner.plan(request);
        return UnifiedDiff.of(set).length();
    }

    /** Realistic mix: parameters, comments, blank lines, continuation lines and TLS settings spread through. */
    static String bigMainCf(int lines) {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        int written = 0;
        while (written < lines) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                text.append("param_").append(written).append(" = value").append(random.nextInt(1000)).append('\n');
            } else if (kind < 7) {
                text.append("# comment line ").append(written).append('\n');
            } else if (kind < 8) {
                text.append('\n');
            } else if (kind < 9 && written + 1 < lines) {
                text.append("list_").append(written).append(" = a,\n    b, c\n");
                written++;
            } else {
                text.append("smtpd_tls_loglevel = ").append(random.nextInt(3)).append('\n');
            }
            written++;
        }
        return text.toString();
    }
}
