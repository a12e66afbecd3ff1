package org.postfixtls.wizard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.postfixtls.wizard.adapter.net.SmtpProber;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.app.verify.TestbedPostfix;
import org.postfixtls.wizard.app.verify.VerificationEngine;
import org.postfixtls.wizard.app.verify.VerificationRequest;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.TlsVersion;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.testsupport.Testbed;

/**
 * Full verification of the three test-bed ports (runbook configuration deployed) side by side with testssl.sh's
 * protocol check ({@code -p}) on the same ports, in one run: timings, ratio, and whether both agree on every
 * accepted/refused protocol version. Needs the test bed and root; hold the test-bed lock:
 * {@code flock /tmp/pftw-testbed.lock java -cp target/test-classes:target/classes:$(cat cp.txt) org.postfixtls.wizard.bench.VerifyBenchmark}.
 */
public final class VerifyBenchmark {

    private static final Map<TlsVersion, String> TESTSSL_IDS = Map.of(TlsVersion.TLS_1_0, "TLS1", TlsVersion.TLS_1_1, "TLS1_1",
            TlsVersion.TLS_1_2, "TLS1_2", TlsVersion.TLS_1_3, "TLS1_3");

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("pftw.testbed.required", "true");
        Testbed testbed = Testbed.require();
        TestbedPostfix postfix = new TestbedPostfix(testbed);
        postfix.reset();
        try {
            postfix.deployRunbook();
            run(testbed);
        } finally {
            postfix.reset();
        }
    }

    private static void run(Testbed testbed) throws Exception {
        String host = testbed.host();
        List<PortTarget> ports = List.of(new PortTarget(host, testbed.port("smtp.port"), PortRole.SMTP),
                new PortTarget(host, testbed.port("submission.port"), PortRole.SUBMISSION),
                new PortTarget(host, testbed.port("submissions.port"), PortRole.SUBMISSIONS));
        VerificationRequest request = new VerificationRequest(host, ports, PortExpectations.NONE, Optional.empty(),
                Optional.empty(), ProbeTimeouts.DEFAULT);
        VerificationEngine engine = new VerificationEngine(new SmtpProber(), Optional.empty(), Optional.empty(), Clock.systemUTC());

        long coldStart = System.nanoTime();
        VerificationReport report = engine.verify(request);
        long cold = System.nanoTime() - coldStart;
        for (int i = 0; i < 5; i++) {
            engine.verify(request);
        }
        int runs = 15;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            report = engine.verify(request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);

        Path dir = Files.createTempDirectory("testssl");
        long testsslStart = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (PortTarget port : ports) {
            List<String> command = new ArrayList<>(List.of("testssl", "--quiet", "--color", "0", "--warnings", "off",
                    "-p", "--jsonfile", dir.resolve(port.port() + ".json").toString()));
            if (port.role() != PortRole.SUBMISSIONS) {
                command.addAll(List.of("--starttls", "smtp"));
            }
            command.add(host + ":" + port.port());
            processes.add(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(port.port() + ".log").toFile()).start());
        }
        for (Process process : processes) {
            process.waitFor(10, TimeUnit.MINUTES);
        }
        long testssl = System.nanoTime() - testsslStart;

        System.out.printf("verify (3 ports, full: dialog, 4 versions, 5 weak cipher classes, injection, certificate)%n");
        System.out.printf("  cold first run: %d ms; warm over %d runs: min %d ms, median %d ms, max %d ms%n",
                ms(cold), runs, ms(nanos[0]), ms(nanos[runs / 2]), ms(nanos[runs - 1]));
        System.out.printf("testssl.sh -p (protocols only), 3 ports in parallel: %d ms%n", ms(testssl));
        System.out.printf("ratio testssl / verify (median): %.1f%n", (double) testssl / nanos[runs / 2]);
        boolean allAgree = true;
        for (PortResult result : report.ports()) {
            JsonNode json = new ObjectMapper().readTree(dir.resolve(result.target().port() + ".json").toFile());
            Map<String, String> testsslFindings = new TreeMap<>();
            for (JsonNode finding : json) {
                testsslFindings.put(finding.get("id").asText(), finding.get("finding").asText());
            }
            StringBuilder line = new StringBuilder("  port " + result.target().port() + ":");
            for (TlsVersion version : TlsVersion.values()) {
                String finding = testsslFindings.getOrDefault(TESTSSL_IDS.get(version), "?");
                Boolean ours = result.protocols().get(version);
                boolean theirs = finding.startsWith("offered");
                boolean agree = ours != null && ours == theirs;
                allAgree &= agree;
                line.append(' ').append(version.label()).append(" ours=").append(ours).append(" testssl=\"").append(finding)
                        .append("\"").append(agree ? "" : " DISAGREE");
            }
            System.out.println(line);
        }
        System.out.println("protocol versions agree on all ports: " + allAgree);
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
