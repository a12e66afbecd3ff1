package org.postfixtls.wizard.ui.wizard;

import org.postfixtls.wizard.ui.pages.WizardSteps;
import org.postfixtls.wizard.testsupport.TestServices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.cert.Finding;
import org.postfixtls.wizard.domain.cert.FindingId;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/**
 * Every veto of {@link WizardSteps#standard}, through the step table itself: what keeps the wizard on a step,
 * with which message (the field and what is allowed), and what lets it move on. No FX toolkit is needed.
 */
class StepValidatorsTest {

    /** Loading the demo or a folder happens on the calling thread, so every check answers at once. */
    private static final WizardServices SERVICES = TestServices.onTheCallingThread();

    private static final ServerFiles DEMO = DemoServer.load();
    private static final CertificateCandidate SNAKEOIL = DEMO.certificates().get(0);

    private final WizardModel model = new WizardModel();

    /** The step's check as the navigator runs it; every check asserted here answers without waiting. */
    private Validation check(String stepId) {
        WizardStep step = WizardSteps.standard(SERVICES).stream().filter(s -> s.id().equals(stepId)).findFirst().orElseThrow();
        CompletableFuture<Validation> answer = step.validator().validate(model).toCompletableFuture();
        assertTrue(answer.isDone(), stepId + " answers at once for this model");
        return answer.join();
    }

    private static void assertVeto(String expected, Validation validation) {
        assertFalse(validation.passed(), "expected a veto: " + expected);
        assertEquals(expected, validation.message());
    }

    private static void assertPasses(Validation validation) {
        assertTrue(validation.passed(), () -> "expected to pass, was vetoed: " + validation.message());
    }

    private void edit(java.util.function.UnaryOperator<Profile> change) {
        model.setProfile(change.apply(model.getProfile()));
    }

    @Test
    void everyStepWithAValidatorIsCoveredHere() {
        assertEquals(List.of("connect", "certificate", "outbound", "inbound", "submission", "hardening", "policies",
                "dns", "preview", "deploy", "export", "verify", "summary"),
                WizardSteps.standard(SERVICES).stream().map(WizardStep::id).toList(),
                "a new step needs its vetoes tested in this class");
    }

    @Nested
    class Connect {

        @Test
        void vetoesUntilAModeIsChosen() {
            assertVeto("Choose how to reach the server: SSH server, Local files or Demo server.", check("connect"));
        }

        @Test
        void sshVetoesWithTheFormsFirstProblemBeforeConnecting() {
            model.setConnectionMode(ConnectionMode.SSH_SERVER);
            model.sshForm().host.set("");
            assertVeto("Host: enter a host name or IP address (letters, digits, dots and dashes).", check("connect"));
            model.sshForm().host.set("mail.example.com");
            model.sshForm().port.set("0");
            assertVeto("Port: enter a number from 1 to 65535 (SSH usually listens on 22).", check("connect"));
        }

        @Test
        void localFilesNeedAFolderAndAVersion() {
            model.setConnectionMode(ConnectionMode.LOCAL_FILES);
            assertVeto("Folder: choose the folder that contains main.cf and master.cf.", check("connect"));
            model.localFolderProperty().set(Path.of("/tmp/postfix-copy"));
            model.localVersionProperty().set(null);
            assertVeto("Postfix: choose the Postfix version of the server the files come from.", check("connect"));
        }

        @Test
        void localFilesTakeAnOptionalOpensslReleaseAndNameTheFieldWhenItIsNotOne(@org.junit.jupiter.api.io.TempDir
                Path folder) throws Exception {
            java.nio.file.Files.writeString(folder.resolve("main.cf"), "myhostname = mail.example.com\n");
            java.nio.file.Files.writeString(folder.resolve("master.cf"),
                    "smtp      inet  n       -       y       -       -       smtpd\n");
            model.setConnectionMode(ConnectionMode.LOCAL_FILES);
            model.localFolderProperty().set(folder);
            model.localVersionProperty().set(new org.postfixtls.wizard.domain.config.plan.PostfixVersion(3, 10));
            model.localOpensslProperty().set("three point five");
            assertVeto("OpenSSL: \"three point five\" is not an OpenSSL version. Enter what openssl version prints on"
                    + " that server (e.g. OpenSSL 3.0.17 or 1.1.1w), or leave it empty if you do not know it.",
                    check("connect"));

            model.localOpensslProperty().set("OpenSSL 3.5.1 1 Jul 2025");
            assertPasses(check("connect"));
            assertEquals("3.5.1", model.getServer().runtime().opensslVersion().orElseThrow().toString());
            assertTrue(org.postfixtls.wizard.domain.config.plan.PostQuantum.availability(model.getServer().version(),
                    model.getServer().runtime()).usable(), "Postfix 3.10 with OpenSSL 3.5 can offer it");

            model.localOpensslProperty().set("");
            assertPasses(check("connect"));
            assertTrue(model.getServer().runtime().opensslVersion().isEmpty(), "empty: not known");
        }

        /** The services' executor runs the load on this thread, so the check's answer is there when it returns. */
        @Test
        void theDemoIsLoadedByTheCheckItself() {
            model.setConnectionMode(ConnectionMode.DEMO);
            assertPasses(check("connect"));
            assertTrue(model.getServer().source().startsWith(DemoServer.SOURCE_PREFIX), model.getServer().source());
        }

        @Test
        void theDemoAlreadyLoadedPassesAndKeepsItsCertificate() {
            model.setConnectionMode(ConnectionMode.DEMO);
            model.serverProperty().set(DEMO);
            assertPasses(check("connect"));
            assertSame(DEMO, model.getServer(), "going Next again must not generate a new snakeoil certificate");
        }
    }

    @Nested
    class Certificate {

        private InspectionReport report(FindingId... ids) {
            List<Finding> findings = java.util.Arrays.stream(ids)
                    .map(id -> new Finding(id, id.id() + " found", "fix " + id.id() + ".")).toList();
            return new InspectionReport(SNAKEOIL.chainPath(), Instant.now(), List.of(), Optional.empty(), List.of(),
                    Optional.empty(), findings);
        }

        private void choose(CertificateCandidate candidate, InspectionReport report) {
            edit(p -> ProfileEdits.withCertificate(p, new Profile.Certificate(candidate.chainPath(),
                    candidate.keyPath(), p.certificate().caFile())));
            model.certificateProperty().set(candidate);
            model.certificateReportProperty().set(report);
        }

        @Test
        void noCertificateKeepsTheServersOwn() {
            assertPasses(check("certificate"));
        }

        @Test
        void chainAndKeyGoTogether() {
            edit(p -> ProfileEdits.withCertificate(p, new Profile.Certificate("/etc/ssl/chain.pem", null, null)));
            assertVeto("Certificate, Private key on the server: chainFile and keyFile go together: set both or neither",
                    check("certificate"));
        }

        @Test
        void aPathWithShellCharactersIsNamedWithWhatIsAllowed() {
            edit(p -> ProfileEdits.withCertificate(p,
                    new Profile.Certificate("/etc/ssl/chain.pem;reboot", "/etc/ssl/key.pem", null)));
            Validation validation = check("certificate");
            assertFalse(validation.passed());
            assertTrue(validation.message().startsWith("Certificate, Certificate chain on the server: '/etc/ssl/chain.pem;reboot' is not allowed;"
                    + " use an absolute path"), validation.message());
        }

        @Test
        void pathsTypedByHandAreLeftToTheDeploysCheck() {
            edit(p -> ProfileEdits.withCertificate(p,
                    new Profile.Certificate("/etc/ssl/chain.pem", "/etc/ssl/key.pem", null)));
            model.certificateProperty().set(SNAKEOIL); // chosen earlier, then the path was overtyped
            assertPasses(check("certificate"));
        }

        @Test
        void waitsForTheInspectionOfTheChosenCertificate() {
            choose(SNAKEOIL, null);
            assertVeto("Certificate: still checking " + SNAKEOIL.chainPath() + "; wait for the result below.",
                    check("certificate"));
        }

        @ParameterizedTest
        @EnumSource(value = FindingId.class, names = {"KEY_MISMATCH", "KEY_ENCRYPTED", "EXPIRED", "NOT_YET_VALID"})
        void aBlockingFindingCannotBeAcknowledgedAway(FindingId blocking) {
            choose(SNAKEOIL, report(FindingId.SELF_SIGNED, blocking));
            model.acknowledgements().put("certificate.acknowledged", true);
            assertVeto("Certificate: " + blocking.id() + " found fix " + blocking.id() + ".", check("certificate"));
        }

        @Test
        void otherErrorsNeedTheUsersAcknowledgement() {
            choose(SNAKEOIL, report(FindingId.UNTRUSTED, FindingId.HOSTNAME_MISMATCH));
            assertVeto("Certificate: fix the problems shown, choose another certificate, or tick \"Use it anyway\".",
                    check("certificate"));
            model.acknowledgements().put("certificate.acknowledged", true);
            assertPasses(check("certificate"));
        }

        @Test
        void warningsAloneDoNotStopTheWizard() {
            choose(SNAKEOIL, report(FindingId.SELF_SIGNED, FindingId.TRUST_NOT_CHECKED, FindingId.EXPIRES_SOON));
            assertPasses(check("certificate"));
        }
    }

    @Nested
    class OutboundAndInbound {

        @Test
        void everyOfferedLevelPasses() {
            for (TlsLevel level : TlsLevel.OUTBOUND_DEFAULTS) {
                edit(p -> ProfileEdits.withOutbound(p, new Profile.Outbound(level, false)));
                assertPasses(check("outbound"));
            }
            for (TlsLevel level : TlsLevel.INBOUND) {
                edit(p -> ProfileEdits.withInbound(p, new Profile.Inbound(level, false)));
                assertPasses(check("inbound"));
            }
        }

        /** A profile opened from a file or built by hand can hold any level; the step's veto is the last guard. */
        @Test
        void aLevelTheSideDoesNotAllowIsVetoedWithWhatIsAllowed() {
            edit(p -> ProfileEdits.withOutbound(p, new Profile.Outbound(TlsLevel.FINGERPRINT, false)));
            assertVeto("Outbound TLS, level: is 'fingerprint'; allowed: may, dane, encrypt, dane-only,"
                    + " verify, secure, none (fingerprint pins one server's certificate: use it in a domain policy)",
                    check("outbound"));
            for (TlsLevel level : TlsLevel.values()) {
                if (!TlsLevel.INBOUND.contains(level)) {
                    edit(p -> ProfileEdits.withInbound(p, new Profile.Inbound(level, false)));
                    assertFalse(check("inbound").passed(), level + " is not a level smtpd_tls_security_level takes");
                }
            }
        }

        @Test
        void aProblemOfAnotherStepIsLeftToThatStep() {
            edit(p -> ProfileEdits.withSubmission(p, new Profile.Submission(new Profile.Listener(true, 0),
                    p.submission().implicitTls())));
            assertPasses(check("outbound"));
            assertPasses(check("inbound"));
            assertFalse(check("submission").passed());
        }
    }

    @Nested
    class Submission {

        private void ports(boolean starttls, int starttlsPort, boolean implicit, int implicitPort) {
            edit(p -> ProfileEdits.withSubmission(p, new Profile.Submission(new Profile.Listener(starttls, starttlsPort),
                    new Profile.Listener(implicit, implicitPort))));
        }

        @Test
        void theStandardPortsPass() {
            assertPasses(check("submission"));
        }

        @Test
        void anEmptyPortFieldIsPortZeroAndNamedWithTheRange() {
            ports(true, 0, true, 465);
            assertVeto("Submission ports, port of submission with STARTTLS: is 0; allowed: 1-65535", check("submission"));
            ports(true, 587, true, 99999);
            assertVeto("Submission ports, port of submissions with implicit TLS: is 99999; allowed: 1-65535", check("submission"));
        }

        @Test
        void portTwentyFiveBelongsToTheMx() {
            ports(true, 25, true, 465);
            assertVeto("Submission ports, port of submission with STARTTLS: is 25, the public MX port; submission needs its own port"
                    + " (587 STARTTLS, 465 implicit TLS)", check("submission"));
        }

        @Test
        void twoEnabledServicesCannotShareAPort() {
            ports(true, 587, true, 587);
            assertVeto("Submission ports, port of submissions with implicit TLS: is the same port as \u201cSubmission ports, port of submission with STARTTLS\u201d; one port carries"
                    + " one service", check("submission"));
            ports(true, 587, false, 587);
            assertPasses(check("submission"));
        }

        @Test
        void aDisabledServiceStillNeedsAValidPort() {
            ports(false, 0, true, 465);
            assertVeto("Submission ports, port of submission with STARTTLS: is 0; allowed: 1-65535", check("submission"));
        }
    }

    @Nested
    class Hardening {

        private void hardening(java.util.function.UnaryOperator<Profile.Hardening> change) {
            edit(p -> ProfileEdits.withHardening(p, change.apply(p.hardening())));
        }

        @Test
        void everyPresetPasses() {
            for (Preset preset : Preset.values()) {
                model.setProfile(preset.baseline());
                assertPasses(check("hardening"));
            }
        }

        @Test
        void aFloorBelowTls12IsNamedWithTheAllowedFloors() {
            hardening(h -> new Profile.Hardening("TLSv1.1", false, h.mandatoryCiphers(), h.opportunisticCiphers(),
                    h.excludeCiphers(), h.clientSide(), h.eecdhGrade(), h.preferServerCiphers()));
            assertVeto("Hardening, Oldest TLS version: is 'TLSv1.1'; allowed: TLSv1.2, TLSv1.3 or null (Postfix's default)",
                    check("hardening"));
        }

        @Test
        void anExclusionMustBeACipherName() {
            hardening(h -> new Profile.Hardening(h.protocolFloor(), false, h.mandatoryCiphers(),
                    h.opportunisticCiphers(), List.of("RC4", "3DES;reboot"), h.clientSide(), h.eecdhGrade(),
                    h.preferServerCiphers()));
            assertVeto("Hardening, Exclude ciphers, entry 2: '3DES;reboot' is not an OpenSSL cipher name (letters, digits,"
                    + " ! + . : - only)", check("hardening"));
        }

        @Test
        void gradesAreNamedWithTheAllowedGrades() {
            hardening(h -> new Profile.Hardening(h.protocolFloor(), false, "strongest", h.opportunisticCiphers(),
                    h.excludeCiphers(), h.clientSide(), h.eecdhGrade(), h.preferServerCiphers()));
            assertVeto("Hardening, Mandatory TLS ciphers: is 'strongest'; allowed: high, medium, low, export, null (the JSON"
                    + " null keeps Postfix's default)", check("hardening"));
            model.setProfile(Preset.RECOMMENDED.baseline());
            hardening(h -> new Profile.Hardening(h.protocolFloor(), false, h.mandatoryCiphers(),
                    h.opportunisticCiphers(), h.excludeCiphers(), h.clientSide(), "secp521r1", h.preferServerCiphers()));
            assertVeto("Hardening, EECDH grade: is 'secp521r1'; allowed: strong, ultra, auto or null", check("hardening"));
        }

        @Test
        void theSessionCacheAndLoggingAreCheckedOnThisStepToo() {
            edit(p -> ProfileEdits.withSessionCache(p, new Profile.SessionCache(true, 0)));
            assertVeto("Hardening, TLS session cache time: is 0; allowed: 1-8640000 seconds (Postfix's limit is 100 days)",
                    check("hardening"));
            model.setProfile(Preset.RECOMMENDED.baseline());
            Profile p = model.getProfile();
            model.setProfile(new Profile(p.schema(), p.preset(), p.certificate(), p.outbound(), p.inbound(),
                    p.submission(), p.hardening(), p.sessionCache(), new Profile.Logging(7, null, null), p.policies(),
                    p.mtaSts()));
            assertVeto("Hardening, outgoing TLS log level: is 7; allowed: 0-4 or null", check("hardening"));
        }
    }

    @Nested
    class Policies {

        private void policies(Profile.Policy... policies) {
            edit(p -> ProfileEdits.withPolicies(p, List.of(policies)));
        }

        private Profile.Policy policy(String destination, TlsLevel level, String... match) {
            return new Profile.Policy(destination, level, List.of(match), null, null, null);
        }

        @Test
        void anEmptyTableAndValidEntriesPass() {
            assertPasses(check("policies"));
            policies(policy("partner-bank.example", TlsLevel.VERIFY, "hostname"),
                    policy(".example.org", TlsLevel.ENCRYPT), policy("[mx.example.net]:25", TlsLevel.DANE));
            assertPasses(check("policies"));
        }

        @Test
        void theStarLineIsExplained() {
            policies(policy("*", TlsLevel.ENCRYPT));
            assertVeto("Domain policies, row 1, Destination: '*' is never looked up in a TLS policy table (only transport tables"
                    + " have that wildcard); set the global default with \u201cOutbound TLS, level\u201d instead", check("policies"));
        }

        @Test
        void anEmptyOrMalformedDestinationIsNamedWithTheAllowedKeys() {
            policies(policy("", TlsLevel.VERIFY));
            assertVeto("Domain policies, row 1, Destination: is empty; allowed: domain, .domain, [host] or [host]:port",
                    check("policies"));
            policies(policy("example.com", TlsLevel.VERIFY), policy("mx example.com", TlsLevel.VERIFY));
            assertVeto("Domain policies, row 2, Destination: 'mx example.com' is not a policy key; allowed: example.com,"
                    + " .example.com (subdomains), [mx.example.com] or [mx.example.com]:587", check("policies"));
        }

        @Test
        void aDestinationTwiceIsVetoed() {
            policies(policy("example.com", TlsLevel.VERIFY), policy("Example.com", TlsLevel.ENCRYPT));
            assertVeto("Domain policies, row 2, Destination: 'Example.com' appears twice; Postfix would use only the first entry",
                    check("policies"));
        }

        @Test
        void matchMustFitTheLevel() {
            policies(policy("example.com", TlsLevel.ENCRYPT, "hostname"));
            assertVeto("Domain policies, row 1, Match: has no effect at level encrypt; match is for verify, secure and fingerprint",
                    check("policies"));
            policies(policy("example.com", TlsLevel.FINGERPRINT));
            assertVeto("Domain policies, row 1, Match: is required at level fingerprint (the certificate or public-key"
                    + " fingerprints)", check("policies"));
        }
    }

    @Nested
    class DnsRecords {

        private void sts(String domain, List<String> mx, String mode, long maxAge, String report) {
            edit(p -> ProfileEdits.withMtaSts(p, new Profile.MtaSts(domain, mx, mode, maxAge, report)));
        }

        @Test
        void nothingEnteredAndACompleteFormPass() {
            assertPasses(check("dns"));
            sts("example.com", List.of("mail.example.com", "*.mx.example.com"), "enforce", 604800,
                    "tlsrpt@example.com");
            assertPasses(check("dns"));
        }

        @Test
        void eachFieldIsNamedWithWhatIsAllowed() {
            sts("example", List.of("mail.example.com"), "testing", 604800, null);
            assertVeto("DNS records, Mail domain: 'example' is not a domain name", check("dns"));
            sts("example.com", List.of(), "testing", 604800, null);
            assertVeto("DNS records, MX host names: needs at least one MX name (RFC 8461 section 3.2)", check("dns"));
            sts("example.com", List.of("mail_1.example.com"), "testing", 604800, null);
            assertVeto("DNS records, MX host names, entry 1: 'mail_1.example.com' is not an MX host name (a leading *. wildcard is allowed)",
                    check("dns"));
            sts("example.com", List.of("mail.example.com"), "strict", 604800, null);
            assertVeto("DNS records, MTA-STS mode: is 'strict'; allowed: enforce, testing, none", check("dns"));
            sts("example.com", List.of("mail.example.com"), "testing", -1, null);
            assertVeto("DNS records, max_age (seconds): is -1; allowed: 0-31557600 seconds", check("dns"));
            sts("example.com", List.of("mail.example.com"), "testing", 604800, "postmaster");
            assertVeto("DNS records, TLS-RPT reports to: 'postmaster' is not a mail address (TLS-RPT sends reports to"
                    + " mailto:address)", check("dns"));
        }
    }

    @Nested
    class Preview {

        @Test
        void waitsForThePlanOfTheCurrentChoices() {
            assertVeto("Preview: the plan is still being made (or failed); wait for the diff to appear.",
                    check("preview"));
            model.changeSetProperty().set(Planner.plan(DEMO.planRequest(model.getProfile())));
            assertPasses(check("preview"));
        }

        @Test
        void passingApprovesExactlyTheChangeSetOnScreen() {
            var shown = Planner.plan(DEMO.planRequest(model.getProfile()));
            assertVeto("Preview: the plan is still being made (or failed); wait for the diff to appear.",
                    check("preview"));
            assertEquals(null, model.approvedChangeSetProperty().get(), "a veto approves nothing");
            model.changeSetProperty().set(shown);
            assertPasses(check("preview"));
            assertSame(shown, model.approvedChangeSetProperty().get());
        }
    }

    @Nested
    class Deploy {

        private DeployReport report(DeployOutcome outcome) {
            return new DeployReport("job-1", outcome, null, "message", null, "", List.of(), List.of(), List.of(), null);
        }

        @Test
        void withoutAnSshServerThereIsNothingToWaitFor() {
            model.setConnectionMode(ConnectionMode.DEMO);
            assertPasses(check("deploy"));
        }

        @Test
        void anSshServerNeedsADeployFirst() {
            model.setConnectionMode(ConnectionMode.SSH_SERVER);
            assertVeto("Deploy: run the deploy first (or go Back and change your choices); Verify proves what is live.",
                    check("deploy"));
        }

        @ParameterizedTest
        @EnumSource(value = DeployOutcome.class, names = {"DEPLOYED", "NO_CHANGES", "DRY_RUN", "ROLLED_BACK"})
        void outcomesThatLetVerifyRun(DeployOutcome outcome) {
            model.setConnectionMode(ConnectionMode.SSH_SERVER);
            model.lastDeployProperty().set(report(outcome));
            assertPasses(check("deploy"));
        }

        @ParameterizedTest
        @EnumSource(value = DeployOutcome.class, names = {"REFUSED", "CANCELLED", "ROLLBACK_FAILED", "CONNECTION_LOST"})
        void outcomesThatKeepTheWizardOnDeploy(DeployOutcome outcome) {
            model.setConnectionMode(ConnectionMode.SSH_SERVER);
            model.lastDeployProperty().set(report(outcome));
            assertVeto("Deploy: run the deploy first (or go Back and change your choices); Verify proves what is live.",
                    check("deploy"));
        }
    }

    @Test
    void exportAndVerifyAreLastAndVetoNothing() {
        assertPasses(check("export"));
        assertPasses(check("verify"));
    }
}
