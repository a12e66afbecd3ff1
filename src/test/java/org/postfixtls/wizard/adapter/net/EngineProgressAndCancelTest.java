package org.postfixtls.wizard.adapter.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.app.verify.VerificationEngine;
import org.postfixtls.wizard.app.verify.VerificationHandle;
import org.postfixtls.wizard.app.verify.VerificationListener;
import org.postfixtls.wizard.app.verify.VerificationRequest;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortResult;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.VerificationReport;

/** What the GUI relies on: progress and per-port partial results while running, and a cancel that really stops. */
class EngineProgressAndCancelTest {

    private static VerificationEngine engine() {
        return new VerificationEngine(new SmtpProber(), Optional.empty(), Optional.empty(), Clock.systemUTC());
    }

    @Test
    void reportsProgressAndEachPortAsItFinishes() throws Exception {
        try (HostileSmtpServer a = new HostileSmtpServer(HostileSmtpServer.Behaviour.STARTTLS_REFUSED);
             HostileSmtpServer b = new HostileSmtpServer(HostileSmtpServer.Behaviour.GARBAGE_BANNER)) {
            List<PortResult> ports = new CopyOnWriteArrayList<>();
            List<Integer> finished = new CopyOnWriteArrayList<>();
            List<Integer> totals = new CopyOnWriteArrayList<>();
            VerificationListener listener = new VerificationListener() {
                @Override
                public void progress(int done, int total, String step) {
                    finished.add(done);
                    totals.add(total);
                }

                @Override
                public void portFinished(PortResult result) {
                    ports.add(result);
                }
            };
            VerificationRequest request = new VerificationRequest("127.0.0.1", List.of(
                    new PortTarget("127.0.0.1", a.port(), PortRole.SMTP), new PortTarget("127.0.0.1", b.port(), PortRole.SUBMISSIONS)),
                    PortExpectations.NONE, Optional.empty(), Optional.empty(), ProbeTimeouts.DEFAULT);
            VerificationReport report = engine().start(request, listener).report().get(20, TimeUnit.SECONDS);
            // smtp: dialog + 4 versions + 5 cipher classes + injection + 2 post-quantum offers; submissions
            // (implicit): no injection test
            assertEquals(13 + 12, totals.get(0));
            assertEquals(25, finished.size());
            assertEquals(25, finished.stream().mapToInt(Integer::intValue).max().orElseThrow());
            assertEquals(2, ports.size());
            assertEquals(report.ports().stream().map(p -> p.target().port()).sorted().toList(),
                    ports.stream().map(p -> p.target().port()).sorted().toList());
        }
    }

    @Test
    void cancelStopsProbesBlockedOnASilentServer() throws Exception {
        try (HostileSmtpServer silent = new HostileSmtpServer(HostileSmtpServer.Behaviour.SILENT)) {
            ProbeTimeouts patient = new ProbeTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(120));
            VerificationRequest request = new VerificationRequest("127.0.0.1",
                    List.of(new PortTarget("127.0.0.1", silent.port(), PortRole.SMTP)), PortExpectations.NONE,
                    Optional.empty(), Optional.empty(), patient);
            VerificationHandle handle = engine().start(request, VerificationListener.NONE);
            // the 5 first connections (dialog, TLS 1.2, TLS 1.0/1.1 together, the weak cipher classes together,
            // injection; TLS 1.3 waits for the dialog) connected and blocked on a banner that never comes
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                while (silent.openConnections() < 5) {
                    Thread.sleep(20);
                }
            });
            handle.cancel();
            assertThrows(CancellationException.class, () -> handle.report().get(5, TimeUnit.SECONDS));
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                while (silentConnectionsOpen(silent)) {
                    Thread.sleep(50);
                }
            });
            assertTrue(handle.report().isCancelled());
        }
    }

    /** The double sees its accepted sockets closed by the client once the cancelled probes have let go. */
    private static boolean silentConnectionsOpen(HostileSmtpServer server) {
        return server.openConnections() > 0;
    }
}
