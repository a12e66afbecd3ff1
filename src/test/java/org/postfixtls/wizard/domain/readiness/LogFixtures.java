package org.postfixtls.wizard.domain.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Real log lines captured from the test bed's Postfix 3.7.11 (maillog_file), and the scanner fed the way the
 * use case feeds it. The clock is pinned to the capture day, so the classic stamps get the capture's year.
 */
final class LogFixtures {

    static final Instant CAPTURED = Instant.parse("2026-12-02T12:00:00Z");

    private LogFixtures() {
    }

    static String text(String name) {
        try (InputStream in = LogFixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String name) {
        return text(name).lines().toList();
    }

    static MailLogScanner scanner() {
        return new MailLogScanner(new LogTimestamp(CAPTURED, ZoneOffset.UTC), Instant.EPOCH);
    }

    static ScanResult scan(String text) {
        MailLogScanner scanner = scanner();
        LogLineSplitter splitter = new LogLineSplitter(64 * 1024, scanner::accept);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        splitter.feed(bytes, 0, bytes.length);
        splitter.finish();
        return scanner.result();
    }

    static DestinationEvidence destination(ScanResult result, String domain) {
        return result.destinations().stream().filter(d -> d.destination().equals(domain)).findFirst()
                .orElseThrow(() -> new AssertionError(domain + " not in " + result.destinations()));
    }
}
