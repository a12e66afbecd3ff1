package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedCli;
import org.postfixtls.wizard.testsupport.TestbedCli.Run;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * Issue 16 section 4 on every bed (Postfix 3.5, 3.7, 3.10): a profile with the bed's RSA and ECDSA leaves (both from
 * the bed's CA) deploys as smtpd_tls_chain_files, {@code verify --expect-cert RSA --expect-cert ECDSA} proves on every
 * port that each algorithm's certificate is served and is the chosen one, a real {@code openssl s_client} offering
 * only ECDSA or only RSA signature algorithms agrees, the bed's own {@code postfix check} is silent, and the rollback
 * restores every file byte for byte.
 */
class DualCertificateDeployIT {

    private static final String STATE_ROOT = "/var/lib/pftw-testbed-dual-it";
    private static final String HOSTNAME = "mail.testbed.example";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", Pattern.DOTALL);

    @TempDir
    Path dir;

    static List<String> beds() {
        return Testbed.selectedBeds();
    }

    @ParameterizedTest(name = "Postfix {0}")
    @MethodSource("beds")
    void bothCertificatesDeployAndEachIsServedToClientsOfItsAlgorithmThenRollBackByteForByte(String bed)
            throws Exception {
        Testbed testbed = Testbed.require(bed);
        String ecdsaChain = tls(testbed, "ecdsaFullchain", "ecdsa-fullchain.pem");
        String ecdsaKey = tls(testbed, "ecdsaKey", "ecdsa-privkey.pem");
        String ecdsaLeaf = tls(testbed, "ecdsaCert", "ecdsa-cert.pem");
        TestbedCli cli = new TestbedCli(testbed, STATE_ROOT, dir.resolve("journal.jsonl"));
        cli.clean();
        boolean rolledBack = false;
        try {
            String conf = testbed.get("postfix.configDir");
            Path hostConf = testbed.hostPath(conf);
            LiveFiles baseline = LiveFiles.of(hostConf);

            // before: the bed serves an RSA certificate only (on port 25; the submission ports are closed), and the
            // ECDSA-only probe must say so
            Run before = verifyBoth(testbed, ecdsaLeaf);
            assertEquals(List.of("fail"), statuses(JSON.readTree(before.out()),
                    "certificate-ecdsa-served"), before.out());

            Run deploy = cli.remote("deploy", "--profile", profile(testbed, ecdsaChain, ecdsaKey).toString(),
                    "--format", "json");
            assertEquals(0, deploy.exit(), deploy.all());
            assertEquals("deployed", JSON.readTree(deploy.out()).get("outcome").asText(), deploy.out());
            Tools.Output chainFiles = Tools.run(testbed.onServer("postconf", "-c", conf, "-h",
                    "smtpd_tls_chain_files"), "", 60);
            assertEquals(ecdsaKey + ", " + ecdsaChain + ", " + testbed.get("tls.key") + ", "
                    + testbed.get("tls.fullchain"), chainFiles.text().strip(), "each key right before its chain");
            Tools.Output check = Tools.run(testbed.onServer("postfix", "-c", conf, "check"), "", 60);
            assertEquals(0, check.exitCode(), check.text());
            assertEquals("", check.text(), "postfix check of Postfix " + testbed.get("postfix.version"));

            Run verify = verifyBoth(testbed, ecdsaLeaf);
            assertEquals(0, verify.exit(), "verify is not green on Postfix " + testbed.get("postfix.version") + ": "
                    + verify.all());
            JsonNode report = JSON.readTree(verify.out());
            for (String id : List.of("certificate-ecdsa-served", "certificate-rsa-served")) {
                assertEquals(List.of("pass", "pass", "pass"), statuses(report, id), id + " on each of the three"
                        + " ports: " + verify.out());
            }

            String ecdsaSha = sha256(Files.readString(testbed.hostPath(ecdsaLeaf)));
            String rsaSha = sha256(Files.readString(Path.of(hostFile(testbed, "tls.cert"))));
            assertEquals(ecdsaSha, servedTo(testbed, "ECDSA+SHA256"), "openssl s_client offering only ECDSA");
            assertEquals(rsaSha, servedTo(testbed, "RSA-PSS+SHA256:RSA+SHA256"), "openssl s_client offering only RSA");

            Run rollback = cli.remote("rollback");
            assertEquals(0, rollback.exit(), rollback.all());
            assertEquals(baseline, LiveFiles.of(hostConf), "rolled back byte for byte on Postfix "
                    + testbed.get("postfix.version"));
            rolledBack = true;
        } finally {
            cli.finish(rolledBack);
        }
    }

    private static Run verifyBoth(Testbed testbed, String ecdsaLeaf) {
        return TestbedCli.run("verify", "--host", testbed.host(), "--smtp-port", testbed.get("smtp.port"),
                "--submission-port", testbed.get("submission.port"), "--submissions-port",
                testbed.get("submissions.port"), "--ca-file", hostFile(testbed, "tls.ca"), "--hostname", HOSTNAME,
                "--expect-cert", hostFile(testbed, "tls.cert"), "--expect-cert",
                testbed.hostPath(ecdsaLeaf).toString(), "--format", "json");
    }

    private static List<String> statuses(JsonNode report, String id) {
        List<String> found = new ArrayList<>();
        report.get("checks").forEach(c -> {
            if (c.get("id").asText().equals(id)) {
                found.add(c.get("status").asText());
            }
        });
        return found;
    }

    /** The leaf the bed serves on the submission port to this machine's openssl offering only these sigalgs. */
    private static String servedTo(Testbed testbed, String sigalgs) throws Exception {
        Tools.Output out = Tools.run(List.of("openssl", "s_client", "-connect", testbed.host() + ":"
                + testbed.get("submission.port"), "-starttls", "smtp", "-CAfile", hostFile(testbed, "tls.ca"),
                "-verify_hostname", HOSTNAME, "-verify_return_error", "-sigalgs", sigalgs), "QUIT\r\n", 30);
        assertEquals(0, out.exitCode(), out.text());
        return sha256(out.text());
    }

    private static String sha256(String pemText) throws Exception {
        Matcher m = PEM.matcher(pemText);
        assertTrue(m.find(), "no certificate in: " + pemText);
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

    /** The ECDSA files of the bed: from its properties, or beside the RSA ones where tb_ecdsa_leaf puts them. */
    private static String tls(Testbed testbed, String key, String file) {
        String path = testbed.getOrNull("tls." + key);
        return path != null ? path : testbed.get("tls.dir") + "/" + file;
    }

    private static String hostFile(Testbed testbed, String key) {
        return testbed.hostPath(testbed.get(key)).toString();
    }

    private Path profile(Testbed testbed, String ecdsaChain, String ecdsaKey) throws Exception {
        return Files.writeString(dir.resolve("dual.json"), """
                { "schema": 1, "hardening": { "preset": "recommended" },
                  "certificate": { "chainFile": "%s", "keyFile": "%s", "ecdsaChainFile": "%s", "ecdsaKeyFile": "%s" },
                  "submission": { "starttls": { "enabled": true, "port": %s },
                                  "implicitTls": { "enabled": true, "port": %s } } }
                """.formatted(testbed.get("tls.fullchain"), testbed.get("tls.key"), ecdsaChain, ecdsaKey,
                testbed.get("submission.port"), testbed.get("submissions.port")));
    }
}
