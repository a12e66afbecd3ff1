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

    /** Restores the test bed's baseline configuration (docs/testbed.md). */
    public static void resetTestbed(Testbed testbed) throws IOException, InterruptedException {
        Output reset = run(List.of("bash", testbed.get("testbed.reset")), "", 120);
        if (reset.exitCode() != 0) {
            throw new IllegalStateException("test bed reset failed: " + reset.text());
        }
    }

    /** Postfix accepts and delivers a mail on the plain port. */
    public static Output sendTestMail(Testbed testbed) throws IOException, InterruptedException {
        return run(List.of("swaks", "--server", testbed.host() + ":" + testbed.get("smtp.port"), "--to",
                testbed.get("sasl.user"), "--from", "probe@example.org", "--timeout", "20"), "", 60);
    }
}
