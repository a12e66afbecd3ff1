package org.postfixtls.wizard.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.testsupport.Testbed;

/** The test bed is real: Postfix answers SMTP on loopback and the SSH user reaches it with sudo. */
class TestbedSmokeIT {

    private static Testbed testbed;

    @BeforeAll
    static void testbed() {
        testbed = Testbed.require();
    }

    @Test
    void postfixGreetsWithAnEsmtpBannerAndOffersStarttls() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(testbed.host(), testbed.port("smtp.port")), 5000);
            socket.setSoTimeout(5000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII);
            String banner = in.readLine();
            assertTrue(banner.startsWith("220 ") && banner.contains("ESMTP"), banner);

            out.print("EHLO tests.invalid\r\n");
            out.flush();
            StringBuilder ehlo = new StringBuilder();
            String line;
            do {
                line = in.readLine();
                ehlo.append(line).append('\n');
            } while (line != null && line.startsWith("250-"));
            assertTrue(ehlo.toString().contains("STARTTLS"), ehlo.toString());
            out.print("QUIT\r\n");
            out.flush();
        }
    }

    @Test
    void theDeployUserRunsPostconfThroughSudoOverSsh() throws Exception {
        List<String> command = List.of("ssh", "-i", testbed.get("ssh.key"),
                "-o", "UserKnownHostsFile=" + testbed.get("ssh.knownHosts"),
                "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5",
                "-p", testbed.get("ssh.port"), testbed.get("ssh.user") + "@" + testbed.host(),
                "sudo -n postconf -c " + testbed.get("postfix.configDir") + " -h mail_version");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "ssh finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, process.exitValue(), output);
        assertEquals(testbed.get("postfix.version"), output);
        assertTrue(output.matches("3\\.\\d+\\.\\d+"), "a Postfix 3.x version: " + output);
    }
}
