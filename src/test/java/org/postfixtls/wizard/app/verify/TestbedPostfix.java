package org.postfixtls.wizard.app.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.postfixtls.wizard.testsupport.Testbed;

/** Puts a TLS configuration on the test bed's Postfix (postconf -e/-M/-P, reload, wait for the ports) and resets it. */
public final class TestbedPostfix {

    final Testbed testbed;
    public final String configDir;

    public TestbedPostfix(Testbed testbed) {
        this.testbed = testbed;
        this.configDir = testbed.get("postfix.configDir");
    }

    /** The runbook's configuration: cert = fullchain, auth only over TLS, modern protocols, weak ciphers excluded, 587/465 requiring TLS. */
    public void deployRunbook() {
        postconf("-e",
                "smtpd_tls_cert_file = " + testbed.get("tls.fullchain"),
                "smtpd_tls_key_file = " + testbed.get("tls.key"),
                "smtpd_tls_security_level = may",
                "smtpd_tls_auth_only = yes",
                "smtpd_tls_protocols = >=TLSv1.2",
                "smtpd_tls_mandatory_protocols = >=TLSv1.2",
                "smtpd_tls_mandatory_ciphers = high",
                "smtpd_tls_exclude_ciphers = aNULL, MD5, DES, 3DES, RC4, EXPORT, eNULL",
                "tls_preempt_cipherlist = yes",
                "service_throttle_time = 2s",
                "smtp_tls_security_level = may");
        addSubmission("2587", "encrypt", false);
        addSubmission("2465", "encrypt", true);
        reloadAndWait();
        awaitHealthyTls();
    }

    /** The weak one: leaf-only certificate, TLS 1.0 on, submission 2587 without TLS required and AUTH in clear. */
    void deployWeak() {
        postconf("-e",
                "smtpd_tls_cert_file = " + testbed.get("tls.cert"),
                "smtpd_tls_key_file = " + testbed.get("tls.key"),
                "smtpd_tls_security_level = may",
                "smtpd_tls_auth_only = no",
                "smtpd_tls_protocols = >=TLSv1",
                "smtpd_tls_mandatory_protocols = >=TLSv1",
                // Debian's OpenSSL refuses TLS 1.0 at its default security level; this is what admins do to get it back
                "tls_medium_cipherlist = DEFAULT:@SECLEVEL=0",
                "tls_high_cipherlist = DEFAULT:@SECLEVEL=0",
                "service_throttle_time = 2s");
        addSubmission("2587", "may", false);
        addSubmission("2465", "encrypt", true);
        reloadAndWait();
        awaitHealthyTls();
    }

    private void addSubmission(String port, String level, boolean wrapper) {
        postconf("-M", port + "/inet=" + port + " inet n - n - - smtpd");
        List<String> parameters = new ArrayList<>(List.of(
                port + "/inet/syslog_name=postfix/" + (wrapper ? "submissions" : "submission"),
                port + "/inet/smtpd_tls_security_level=" + level,
                port + "/inet/smtpd_sasl_auth_enable=yes",
                port + "/inet/smtpd_relay_restrictions=permit_sasl_authenticated,reject"));
        if (level.equals("encrypt")) {
            parameters.add(port + "/inet/smtpd_tls_auth_only=yes");
        }
        if (wrapper) {
            parameters.add(port + "/inet/smtpd_tls_wrappermode=yes");
        }
        postconf("-P", parameters.toArray(String[]::new));
    }

    public void postconf(String mode, String... settings) {
        List<String> command = new ArrayList<>(List.of("postconf", "-c", configDir, mode));
        command.addAll(List.of(settings));
        Run result = run(command, 30);
        assertEquals(0, result.exitCode, "postconf " + mode + " failed: " + result.output);
    }

    private void reloadAndWait() {
        Run check = run(List.of("postfix", "-c", configDir, "check"), 30);
        assertEquals(0, check.exitCode, "postfix check: " + check.output);
        Run reload = run(List.of("postfix", "-c", configDir, "reload"), 30);
        assertEquals(0, reload.exitCode, "postfix reload: " + reload.output);
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            if (listening(2587) && listening(2465)) {
                return;
            }
            sleep(100);
        }
        fail("2587/2465 did not open after postfix reload");
    }

    /**
     * The shared test bed's reset rewrites the config directory in place; a Postfix daemon spawned in that window
     * (postlogd, tlsmgr) fails and master(8) throttles it for a while, which stalls TLS handshakes. Wait until
     * every port completes a real STARTTLS/TLS dialog before measuring anything.
     */
    void awaitHealthyTls() {
        org.postfixtls.wizard.adapter.net.SmtpProber prober = new org.postfixtls.wizard.adapter.net.SmtpProber();
        ProbeTimeouts quick = new ProbeTimeouts(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(2),
                java.time.Duration.ofSeconds(4));
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String last = "";
        while (System.nanoTime() < end) {
            boolean healthy = true;
            for (var role : org.postfixtls.wizard.domain.verify.PortRole.values()) {
                int port = switch (role) {
                    case SMTP -> testbed.port("smtp.port");
                    case SUBMISSION -> testbed.port("submission.port");
                    case SUBMISSIONS -> testbed.port("submissions.port");
                };
                var session = prober.session(new org.postfixtls.wizard.domain.verify.PortTarget(testbed.host(), port, role), quick);
                if (!session.tls() || session.ehloAfterTls().isEmpty()) {
                    healthy = false;
                    last = port + ": " + session.problem().orElse("no TLS");
                }
            }
            if (healthy) {
                return;
            }
            sleep(500);
        }
        fail("the test bed did not complete TLS dialogs on all ports within 90 s; last problem " + last);
    }

    boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(testbed.host(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public void reset() {
        Run reset = run(List.of("bash", testbed.get("testbed.reset")), 60);
        assertEquals(0, reset.exitCode, "test bed reset failed: " + reset.output);
    }

    /** A command's exit code and its output (standard output and error together). */
    public record Run(int exitCode, String output) {
    }

    /** Runs a command on this machine with the sbin directories on PATH (postconf, postfix, postsuper). */
    public static Run run(List<String> command, int timeoutSeconds) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().merge("PATH", ":/usr/sbin:/sbin", String::concat);
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(command + " did not finish within " + timeoutSeconds + " s");
            }
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
