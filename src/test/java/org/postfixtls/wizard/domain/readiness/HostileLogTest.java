package org.postfixtls.wizard.domain.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Binary data, a 1 MB line, lines cut anywhere: skipped and counted, never a crash, the rest still read. */
class HostileLogTest {

    private static final String LOOP = "testbed-3.7-loop.maillog";

    @Test
    void binaryGarbageIsCountedAndTheRealLinesAroundItStillCount() {
        byte[] garbage = new byte[256 * 1024];
        new Random(17).nextBytes(garbage);
        MailLogScanner scanner = LogFixtures.scanner();
        LogLineSplitter splitter = new LogLineSplitter(64 * 1024, scanner::accept);
        byte[] real = LogFixtures.text(LOOP).getBytes(StandardCharsets.UTF_8);
        splitter.feed(garbage, 0, garbage.length);
        splitter.feed(new byte[] {'\n'}, 0, 1);
        splitter.feed(real, 0, real.length);
        splitter.feed(garbage, 0, garbage.length);
        splitter.finish();
        ScanResult result = scanner.result();
        assertTrue(result.malformedLines() > 100, "random bytes hold many newlines: " + result.malformedLines());
        assertEquals(1L, LogFixtures.destination(result, "tls.loop.test").count(TlsGrade.UNTRUSTED));
        assertEquals(1L, LogFixtures.destination(result, "plain.loop.test").count(TlsGrade.NONE));
    }

    @Test
    void aOneMegabyteLineIsDroppedWithoutBeingKeptAndTheNextLineIsRead() {
        List<String> seen = new ArrayList<>();
        LogLineSplitter splitter = new LogLineSplitter(64 * 1024, seen::add);
        byte[] huge = new byte[1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'x');
        for (int i = 0; i < huge.length; i += 4096) {
            splitter.feed(huge, i, 4096); // streamed in pieces, as from a file or SSH
        }
        byte[] next = "\nDec 02 03:14:29 mail postfix/smtp[1]: next\n".getBytes(StandardCharsets.US_ASCII);
        splitter.feed(next, 0, next.length);
        splitter.finish();
        assertEquals(1, splitter.oversizeLines());
        assertEquals(List.of("Dec 02 03:14:29 mail postfix/smtp[1]: next"), seen);
    }

    @Test
    void realLinesCutAtEveryLengthNeverThrowAndNeverInventEvidence() {
        List<String> real = LogFixtures.lines(LOOP).stream().filter(l -> l.contains("postfix/smtp[")).toList();
        for (String line : real) {
            for (int cut = 0; cut < line.length(); cut++) {
                MailLogScanner scanner = LogFixtures.scanner();
                real.stream().filter(l -> !l.equals(line)).forEach(scanner::accept);
                scanner.accept(line.substring(0, cut));
                ScanResult result = scanner.result();
                long deliveries = result.destinations().stream().mapToLong(DestinationEvidence::messages).sum();
                assertTrue(deliveries <= 2, line.substring(0, cut));
            }
        }
        MailLogScanner scanner = LogFixtures.scanner();
        String status = real.stream().filter(l -> l.contains("to=<someone@tls")).findFirst().orElseThrow();
        scanner.accept(status.substring(0, status.indexOf("status=") + 3));
        assertEquals(1, scanner.result().malformedLines(), "a status line cut before its status is malformed");
        assertTrue(scanner.result().destinations().isEmpty());
    }

    @Test
    void chunkBoundariesDoNotChangeTheLines() {
        byte[] real = LogFixtures.text(LOOP).getBytes(StandardCharsets.UTF_8);
        List<String> whole = new ArrayList<>();
        LogLineSplitter one = new LogLineSplitter(64 * 1024, whole::add);
        one.feed(real, 0, real.length);
        one.finish();
        for (int chunk : new int[] {1, 7, 100, 4096}) {
            List<String> pieces = new ArrayList<>();
            LogLineSplitter splitter = new LogLineSplitter(64 * 1024, pieces::add);
            for (int i = 0; i < real.length; i += chunk) {
                splitter.feed(real, i, Math.min(chunk, real.length - i));
            }
            splitter.finish();
            assertEquals(whole, pieces, "chunk " + chunk);
        }
        assertEquals(LogFixtures.lines(LOOP), whole);
    }
}
