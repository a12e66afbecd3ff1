package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.Privilege;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/** Deploys the presets to the real test bed and proves the result with real clients (openssl, swaks). */
class DeployIT {

    private Testbed testbed;
    private final DeployEngine engine = new DeployEngine();

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            DeployFixture.clean(testbed);
        }
    }

    private DeployReport deploy(String preset, List<StepEvent> events) {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            return engine.deploy(session, DeployFixture.profile(testbed, preset), DeployFixture.options(testbed),
                    events::add, new Cancellation());
        }
    }

    private Tools.Output openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client"));
        command.addAll(List.of(args));
        command.addAll(List.of("-CAfile", testbed.get("tls.ca"), "-verify_hostname", "mail.testbed.example",
                "-brief"));
        return Tools.run(command, "QUIT\r\n", 30);
    }

    private Tools.Output swaks(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("swaks", "--to", testbed.get("sasl.user"), "--from",
                "probe@example.org", "--timeout", "20"));
        command.addAll(List.of(args));
        return Tools.run(command, "", 60);
    }

    @Test
    void runbookIsDeployedAndProvenThenASecondDeployChangesNothing() throws Exception {
        List<StepEvent> events = new ArrayList<>();
        DeployReport report = deploy("runbook", events);
        assertEquals(DeployOutcome.DEPLOYED, report.outcome(), report.message() + "\n" + report.steps());
        assertEquals(1, report.stats().connections());
        List<String> okSteps = events.stream().filter(e -> e.status() == StepEvent.Status.OK).map(StepEvent::step).toList();
        assertTrue(okSteps.containsAll(List.of("discover", "plan", "upload", "validate", "lock", "backup", "swap",
                "check", "reload", "health")), okSteps.toString());

        String host = testbed.host();
        Tools.Output starttls = openssl("-connect", host + ":2587", "-starttls", "smtp");
        assertEquals(0, starttls.exitCode(), starttls.text());
        assertTrue(starttls.text().contains("Verification: OK"), starttls.text());
        Tools.Output implicit = openssl("-connect", host + ":2465");
        assertEquals(0, implicit.exitCode(), implicit.text());
        assertTrue(implicit.text().contains("Verification: OK"), implicit.text());

        // AUTH only after STARTTLS: without TLS the submission port offers no AUTH and refuses mail
        Tools.Output plain = swaks("--server", host + ":2587", "--quit-after", "EHLO");
        assertFalse(plain.text().contains("250-AUTH") || plain.text().contains("250 AUTH"), plain.text());
        Tools.Output noTlsAuth = swaks("--server", host + ":2587", "--auth", "PLAIN", "--auth-user",
                testbed.get("sasl.user"), "--auth-password", testbed.get("sasl.password"));
        assertNotEquals(0, noTlsAuth.exitCode(), noTlsAuth.text());
        Tools.Output authed = swaks("--server", host + ":2587", "--tls", "--tls-ca-path", testbed.get("tls.ca"),
                "--tls-verify", "--auth", "PLAIN", "--auth-user", testbed.get("sasl.user"), "--auth-password",
                testbed.get("sasl.password"));
        assertEquals(0, authed.exitCode(), authed.text());
        assertTrue(authed.text().contains("235 ") && authed.text().contains("250 2.0.0 Ok: queued"), authed.text());

        LiveFiles after = LiveFiles.of(DeployFixture.configDir(testbed));
        long mtime = Files.getLastModifiedTime(DeployFixture.configDir(testbed).resolve("main.cf")).toMillis();
        List<StepEvent> second = new ArrayList<>();
        DeployReport again = deploy("runbook", second);
        assertEquals(DeployOutcome.NO_CHANGES, again.outcome(), again.message());
        assertNull(again.deployId());
        assertTrue(second.stream().noneMatch(e -> e.step().equals("reload") || e.step().equals("upload")), second.toString());
        assertEquals(after, LiveFiles.of(DeployFixture.configDir(testbed)));
        assertEquals(mtime, Files.getLastModifiedTime(DeployFixture.configDir(testbed).resolve("main.cf")).toMillis());
    }

    @Test
    void mandatoryIsDeployedAndRefusesTls11OnSubmissionButAcceptsTls12() throws Exception {
        DeployReport report = deploy("mandatory", new ArrayList<>());
        assertEquals(DeployOutcome.DEPLOYED, report.outcome(), report.message() + "\n" + report.steps());
        String host = testbed.host();
        Tools.Output tls12 = openssl("-connect", host + ":2587", "-starttls", "smtp", "-tls1_2");
        assertEquals(0, tls12.exitCode(), tls12.text());
        assertTrue(tls12.text().contains("Protocol version: TLSv1.2"), tls12.text());
        for (String old : new String[] {"-tls1_1", "-tls1"}) {
            Tools.Output refused = Tools.run(List.of("openssl", "s_client", "-connect", host + ":2587", "-starttls",
                    "smtp", old, "-cipher", "DEFAULT@SECLEVEL=0", "-brief"), "QUIT\r\n", 30);
            assertNotEquals(0, refused.exitCode(), old + " must be refused: " + refused.text());
            Tools.Output implicitRefused = Tools.run(List.of("openssl", "s_client", "-connect", host + ":2465", old,
                    "-cipher", "DEFAULT@SECLEVEL=0", "-brief"), "", 30);
            assertNotEquals(0, implicitRefused.exitCode(), old + " must be refused on 2465: " + implicitRefused.text());
        }
        // port 25 now requires TLS (encrypt): plain mail is refused, mail over STARTTLS is delivered
        assertNotEquals(0, Tools.sendTestMail(testbed).exitCode());
        Tools.Output tlsMail = swaks("--server", host + ":" + testbed.get("smtp.port"), "--tls");
        assertEquals(0, tlsMail.exitCode(), tlsMail.text());
    }

    @Test
    void aUserWhoseSudoNeedsAPasswordDeploysWithThePasswordOnStdin() throws Exception {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.sudoPasswordUser(testbed,
                new Privilege.SudoWithPassword(testbed.get("ssh.sudoPassword").toCharArray())))) {
            DeployReport report = engine.deploy(session, DeployFixture.profile(testbed, "runbook"),
                    DeployFixture.options(testbed), DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, report.outcome(), report.message() + "\n" + report.steps());
        }
        Tools.Output starttls = openssl("-connect", testbed.host() + ":2587", "-starttls", "smtp");
        assertEquals(0, starttls.exitCode(), starttls.text());
    }
}
