package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.adapter.local.SystemTrust;
import org.postfixtls.wizard.adapter.net.SmtpProber;
import org.postfixtls.wizard.app.deploy.Cancellation;
import org.postfixtls.wizard.app.deploy.DeployEngine;
import org.postfixtls.wizard.app.deploy.DeployFixture;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.app.verify.CommandMailLog;
import org.postfixtls.wizard.app.verify.ProbeTimeouts;
import org.postfixtls.wizard.app.verify.RemoteServerCommands;
import org.postfixtls.wizard.app.verify.ReportDocument;
import org.postfixtls.wizard.app.verify.ServerInspector;
import org.postfixtls.wizard.app.verify.ServerSideRequest;
import org.postfixtls.wizard.app.verify.VerificationEngine;
import org.postfixtls.wizard.app.verify.VerificationRequest;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.verify.PortExpectations;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * Records the demo's Verify data from the real test bed: the bed made to look like the demo server (Debian's snakeoil
 * certificate), verified; then the demo's default choices (the recommended preset, with the bed's CA-issued
 * certificate) deployed over SSH by the real engine, verified again. Writes {@code verify-before.json} and
 * {@code verify-after.json} (the {@code verify --format json} document plus date and server) into the folder named by
 * {@code PFTW_RECORD_DEMO}; skipped without it. Run by {@code .ci/record-demo-verification} under the test-bed lock;
 * leaves the bed at its baseline.
 */
class DemoVerificationRecordingIT {

    private static final String STATE_ROOT = "/var/lib/pftw-demo-recording";

    @Test
    void recordTheDemoVerificationBeforeAndAfter() throws Exception {
        String out = System.getenv("PFTW_RECORD_DEMO");
        Assumptions.assumeTrue(out != null && !out.isBlank(), "PFTW_RECORD_DEMO names the folder to record into");
        Testbed bed = Testbed.require();
        Path folder = Path.of(out);
        Files.createDirectories(folder);
        try {
            DeployFixture.clean(bed);
            useTheSnakeoilCertificate(bed);
            write(folder.resolve("verify-before.json"), bed, verify(bed, "may"), "Before: the test server set up like "
                    + "the demo server (Debian's self-signed snakeoil certificate, opportunistic TLS, submission ports "
                    + "off).");
            Profile profile = demoChoices(bed);
            deploy(bed, profile);
            write(folder.resolve("verify-after.json"), bed, verify(bed, profile.outbound().level().postfixName()),
                    "After: the demo's default choices (the recommended preset, submission on its ports) deployed by "
                            + "the wizard, with a certificate from the test server's own CA, which the check trusts.");
        } finally {
            Tools.run(List.of("rm", "-rf", STATE_ROOT), "", 30);
            DeployFixture.clean(bed);
        }
    }

    /** The demo server's certificate is Debian's snakeoil pair; the bed has one of its own. */
    private static void useTheSnakeoilCertificate(Testbed bed) throws Exception {
        String dir = bed.get("postfix.configDir");
        Tools.run(List.of("postconf", "-c", dir, "-e", "smtpd_tls_cert_file=" + bed.get("tls.snakeoilCert"),
                "smtpd_tls_key_file=" + bed.get("tls.snakeoilKey")), "", 30);
        Tools.run(List.of("postfix", "-c", dir, "reload"), "", 60);
        Thread.sleep(2000); // the reload is asynchronous: let master restart smtpd with the new certificate
    }

    private static Profile demoChoices(Testbed bed) {
        Profile profile = Preset.RECOMMENDED.baseline();
        profile = ProfileEdits.withCertificate(profile, new Profile.Certificate(bed.get("tls.fullchain"),
                bed.get("tls.key"), null));
        return ProfileEdits.withSubmission(profile, new Profile.Submission(
                new Profile.Listener(true, bed.port("submission.port")),
                new Profile.Listener(true, bed.port("submissions.port"))));
    }

    private static void deploy(Testbed bed, Profile profile) {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(bed))) {
            DeployReport report = new DeployEngine().deploy(session, profile,
                    new DeployOptions(bed.get("postfix.configDir"), STATE_ROOT, "demo-recording"), event -> { },
                    new Cancellation());
            assertTrue(report.outcome().succeeded(), report.outcome() + ": " + report.message());
        }
    }

    private static VerificationReport verify(Testbed bed, String outboundLevel) throws Exception {
        String host = bed.host();
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(bed))) {
            RemoteServerCommands commands = new RemoteServerCommands(session);
            String log = RemoteServerCommands.mailLog(session, bed.get("postfix.maillog"));
            ServerInspector inspector = new ServerInspector(commands, Optional.of(new CommandMailLog(commands, log)));
            VerificationRequest request = new VerificationRequest(host, List.of(
                    new PortTarget(host, bed.port("smtp.port"), PortRole.SMTP),
                    new PortTarget(host, bed.port("submission.port"), PortRole.SUBMISSION),
                    new PortTarget(host, bed.port("submissions.port"), PortRole.SUBMISSIONS)),
                    new PortExpectations(Optional.of(SystemTrust.bundle(Path.of(bed.get("tls.ca")))), Optional.empty(),
                            List.of(), Duration.ofDays(21)),
                    Optional.empty(), Optional.of(new ServerSideRequest(Optional.of(bed.get("postfix.configDir")),
                            outboundLevel, Optional.empty(), Optional.empty())),
                    ProbeTimeouts.DEFAULT);
            return new VerificationEngine(new SmtpProber(), Optional.empty(), Optional.empty(),
                    Optional.of(inspector), Clock.systemUTC()).verify(request);
        }
    }

    private static void write(Path file, Testbed bed, VerificationReport report, String moment) throws Exception {
        String version = bed.get("postfix.version");
        Map<String, Object> recording = new LinkedHashMap<>();
        recording.put("recordedOn", LocalDate.now(ZoneOffset.UTC).toString());
        recording.put("server", "Postfix " + version.substring(0, version.lastIndexOf('.')) + " test server");
        recording.put("moment", moment);
        recording.put("report", ReportDocument.of(report));
        Files.writeString(file, new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(recording) + "\n",
                StandardCharsets.UTF_8);
        System.out.println("recorded " + file + ": " + report.status());
    }
}
