package org.postfixtls.wizard.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real local tool (openssl, swaks, flock) and captures its output. */
public final class Tools {

    public record Output(int exitCode, String text) {
    }

    private Tools() {
    }

    public static Output run(List<String> command, String stdin, int timeoutSeconds) throws IOException,
            InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (var in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return new Output(-1, new String(out, StandardCharsets.UTF_8));
        }
        return new Output(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    /**
     * Restores the test bed's baseline configuration and leaves a freshly started Postfix that greets
     * (docs/testbed.md). The 3.7 bed's reset rewrites main.cf in place and reloads; a tlsmgr starting at that moment
     * dies and master throttles it for 60 s, which stalls every TLS smtpd. So that instance is restarted as well (a
     * test-bed artefact, not something a deploy does); the matrix beds' reset restarts by itself.
     */
    public static void resetTestbed(Testbed testbed) throws IOException, InterruptedException {
        Output reset = run(List.of("bash", testbed.get("testbed.reset")), "", 120);
        if (reset.exitCode() != 0) {
            throw new IllegalStateException("test bed reset failed: " + reset.text());
        }
        if (testbed.bed().equals(Testbed.MAIN_BED)) {
            String conf = testbed.get("postfix.configDir");
            run(List.of("postfix", "-c", conf, "stop"), "", 60);
            run(List.of("postfix", "-c", conf, "start"), "", 60);
            awaitGreeting(testbed);
        }
    }

    private static void awaitGreeting(Testbed testbed) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Output banner = run(List.of("timeout", "3", "bash", "-c",
                    "exec 3<>/dev/tcp/" + testbed.host() + "/" + testbed.get("smtp.port") + "; head -c 4 <&3"), "", 10);
            if (banner.text().startsWith("220")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the test bed's Postfix does not answer after a restart");
    }

    /** Postfix accepts and delivers a mail on the plain port. */
    public static Output sendTestMail(Testbed testbed) throws IOException, InterruptedException {
        return run(List.of("swaks", "--server", testbed.host() + ":" + testbed.get("smtp.port"), "--to",
                testbed.get("sasl.user"), "--from", "probe@example.org", "--timeout", "20"), "", 60);
    }
}
