package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.testsupport.TestPki;
import org.postfixtls.wizard.testsupport.TestPki.Algorithm;

class CertCommandsTest {

    @TempDir
    Path dir;

    private String out;
    private String err;

    private int run(String... args) {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = WizardCli.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        out = o.toString();
        err = e.toString();
        return code;
    }

    @Test
    void inspectExitsZeroForAGoodChainAndOneWithFindingIdsInJson() throws Exception {
        var root = TestPki.rootCa("Root", Algorithm.RSA);
        var intermediate = TestPki.intermediate("Intermediate", Algorithm.RSA, root);
        var leaf = TestPki.leaf("mail.example.com", Algorithm.EC, intermediate);
        Path ca = Files.write(dir.resolve("ca.pem"), TestPki.pem(root.certificate()));
        Path full = Files.write(dir.resolve("fullchain.pem"), TestPki.pem(leaf.certificate(), intermediate.certificate()));
        Path lone = Files.write(dir.resolve("cert.pem"), TestPki.pem(leaf.certificate()));
        Path key = dir.resolve("privkey.pem");
        Files.write(key, TestPki.privateKeyPem(leaf.keys()));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertEquals(0, run("cert", "inspect", "--chain", full.toString(), "--key", key.toString(),
                "--hostname", "mail.example.com", "--ca-file", ca.toString()), err + out);
        assertTrue(out.contains("No findings"), out);

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(1, run("cert", "inspect", "--chain", lone.toString(), "--key", key.toString(),
                "--hostname", "other.example.com", "--ca-file", ca.toString(), "--format", "json"), err);
        JsonNode json = new ObjectMapper().readTree(out);
        Set<String> ids = new HashSet<>();
        json.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        assertEquals(Set.of("chain-incomplete", "untrusted", "hostname-mismatch", "key-permissions"), ids);
        assertFalse(json.get("ok").asBoolean());
        assertEquals("0644", json.get("key").get("mode").asText());
        assertEquals("EC", json.get("certificates").get(0).get("keyType").asText());
    }

    @Test
    void badInputExitsTwoWithAMessageAndNoStackTrace() throws Exception {
        var self = TestPki.selfSigned("mail.example.com", Algorithm.EC);
        Path der = Files.write(dir.resolve("cert.der"), self.certificate().getEncoded());
        Path key = Files.write(dir.resolve("key.pem"), TestPki.privateKeyPem(self.keys()));
        Path empty = Files.write(dir.resolve("empty.pem"), new byte[0]);
        Path big = dir.resolve("big.pem");
        try (var stream = Files.newOutputStream(big)) {
            byte[] chunk = new byte[1024 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'A');
            for (int i = 0; i < 50; i++) {
                stream.write(chunk);
            }
        }
        String[][] cases = {
            {der.toString(), "binary DER, not PEM"},
            {key.toString(), "contains a private key"},
            {empty.toString(), "is empty"},
            {big.toString(), "is larger than"},
            {dir.resolve("missing.pem").toString(), "does not exist"},
            {dir.toString(), "is a directory"},
        };
        for (String[] c : cases) {
            assertEquals(2, run("cert", "inspect", "--chain", c[0]), c[0]);
            assertTrue(err.contains(c[1]) && err.contains("expected"), err);
            assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        }
    }

    @Test
    void selfSignedWritesTheKeyWith0600AndTheHookWith0755() throws Exception {
        Path target = dir.resolve("tls");
        assertEquals(0, run("cert", "self-signed", "--hostname", "mail.example.com", "--key-type", "rsa2048",
                "--out", target.toString()), err);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("postfix.key"))));
        assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(target.resolve("postfix-reload.sh"))));
        assertTrue(err.contains("TEST ONLY"));
        assertFalse(out.contains("PRIVATE KEY") || err.contains("PRIVATE KEY"));

        assertEquals(2, run("cert", "self-signed", "--hostname", "mail.example.com", "--out", target.toString()));
        assertTrue(err.contains("already exists"), err);
        assertEquals(2, run("cert", "self-signed", "--hostname", "mail.example.com", "--key-type", "dsa", "--out",
                dir.resolve("x").toString()));
    }

    @Test
    void recordsPrintsTlsaMtaStsAndTlsRpt() throws Exception {
        var self = TestPki.selfSigned("mx.example.com", Algorithm.EC);
        Path cert = Files.write(dir.resolve("cert.pem"), TestPki.pem(self.certificate()));
        Path next = Files.write(dir.resolve("next.pem"), TestPki.pem(TestPki.keys(Algorithm.EC).getPublic()));
        assertEquals(0, run("records", "--cert", cert.toString(), "--domain", "example.com", "--mx", "mx.example.com",
                "--next-key", next.toString(), "--mode", "enforce", "--format", "json"), err);
        JsonNode json = new ObjectMapper().readTree(out);
        assertEquals(2, json.get("tlsa").size());
        assertEquals("enforce", json.get("mtaSts").get("mode").asText());
        assertTrue(json.get("tlsRpt").get("txtValue").asText().contains("mailto:postmaster@example.com"));

        assertEquals(2, run("records", "--cert", cert.toString(), "--domain", "example.com", "--mx", "mx.example.com",
                "--mode", "strict"));
        assertTrue(err.contains("expected testing, enforce or none"), err);
    }
}
