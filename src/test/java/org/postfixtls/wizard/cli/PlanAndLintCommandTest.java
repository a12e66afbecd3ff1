package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.testsupport.Corpus;

class PlanAndLintCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return WizardCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    private Path config(String entry) throws Exception {
        Path config = Files.createDirectories(dir.resolve(entry));
        for (String file : new String[] {"main.cf", "master.cf", "tls_policy"}) {
            String text = Corpus.read(entry, file);
            if (text != null) {
                Files.write(config.resolve(file), text.getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return config;
    }

    @Test
    void planPrintsDiffAndReasonsAndWritesCompleteSet() throws Exception {
        Path profile = Files.writeString(dir.resolve("p.json"), "{\"schema\":1,\"policies\":[{\"destination\":"
                + "\"partner-bank.com\",\"level\":\"verify\",\"match\":[\"hostname\"]}]}");
        Path outDir = dir.resolve("out");
        assertEquals(0, run("plan", "--profile", profile.toString(), "--config-dir", config("handedited").toString(),
                "--out", outDir.toString()), err::toString);
        assertTrue(out.toString().contains("--- a/main.cf"));
        assertTrue(out.toString().contains("+++ b/tls_policy"));
        assertTrue(out.toString().contains("why:"));
        assertTrue(Files.readString(outDir.resolve("tls_policy")).contains("partner-bank.com"));
        assertTrue(Files.readString(outDir.resolve("main.cf"), StandardCharsets.ISO_8859_1).contains("\r\n"));

        out.getBuffer().setLength(0);
        assertEquals(0, run("plan", "--profile", profile.toString(), "--config-dir", outDir.toString()));
        assertTrue(out.toString().startsWith("No changes"), out::toString);
    }

    @Test
    void planAndBundleNameTheOptionThatIsWrongAndWriteNothing() throws Exception {
        Path profile = Files.writeString(dir.resolve("p.json"), "{\"schema\":1}");
        String config = config("handedited").toString();
        assertEquals(2, run("plan", "--profile", profile.toString(), "--config-dir", config, "--database-type", "sql"));
        assertTrue(err.toString().contains("plan: --database-type: 'sql' is not allowed"), err::toString);
        // texthash maps are not postmap'ed, which the bundle's install.sh does
        Path out = dir.resolve("bundle");
        assertEquals(2, run("bundle", "--profile", profile.toString(), "--config-dir", config, "--database-type",
                "texthash", "--out", out.toString()));
        assertTrue(err.toString().contains("bundle: --database-type: 'texthash' is not allowed"), err::toString);
        assertEquals(2, run("bundle", "--profile", profile.toString(), "--config-dir", profile.toString(),
                "--out", out.toString()));
        assertTrue(err.toString().contains("bundle: --config-dir: " + profile + " is not a directory"), err::toString);
        assertFalse(Files.exists(out), "nothing written");
    }

    /** Issue 14 finding 12: a newline in --server-config-dir put a relayhost line of its own into main.cf. */
    @Test
    void everyOptionNamingAServerPathIsCheckedTheSameWay() throws Exception {
        Path profile = Files.writeString(dir.resolve("p.json"), "{\"schema\":1,\"policies\":[{\"destination\":"
                + "\"partner-bank.com\",\"level\":\"verify\",\"match\":[\"hostname\"]}]}");
        String config = config("handedited").toString();
        String injected = "/etc/postfix\nrelayhost = [evil.example]";
        String named = "'/etc/postfix\\x0arelayhost = [evil.example]' is not allowed; use an absolute path";
        Path outDir = dir.resolve("out");

        assertEquals(2, run("plan", "--profile", profile.toString(), "--config-dir", config, "--server-config-dir", injected,
                "--out", outDir.toString()));
        assertTrue(err.toString().contains("plan: --server-config-dir: " + named), err::toString);
        assertFalse(out.toString().contains("relayhost"), out::toString);
        assertFalse(Files.exists(outDir), "nothing written");

        assertEquals(2, run("bundle", "--profile", profile.toString(), "--config-dir", config, "--server-config-dir",
                "relative/dir", "--out", outDir.toString()));
        assertTrue(err.toString().contains("bundle: --server-config-dir: 'relative/dir' is not allowed"), err::toString);
        assertFalse(Files.exists(outDir), "nothing written");

        assertEquals(2, run("verify", "--host", "127.0.0.1", "--local-server", "--config-dir", injected));
        assertTrue(err.toString().contains("--config-dir: " + named), err::toString);

        for (String command : new String[] {"discover", "deploy"}) {
            err.getBuffer().setLength(0);
            assertEquals(2, "deploy".equals(command)
                    ? run(command, "--host", "mx.example.test", "--user", "root", "--ask-password", "--config-dir", injected,
                            "--profile", profile.toString())
                    : run(command, "--host", "mx.example.test", "--user", "root", "--ask-password", "--config-dir", injected));
            assertTrue(err.toString().contains("--config-dir: " + named), command + ": " + err);
            assertFalse(err.toString().contains("\nrelayhost"), "no raw newline echoed: " + err);
        }
        assertEquals(2, run("discover", "--host", "mx.example.test", "--user", "root", "--ask-password", "--state-root",
                "/var/lib/x;reboot"));
        assertTrue(err.toString().contains("--state-root: '/var/lib/x;reboot' is not allowed"), err::toString);
    }

    private static Path sparse(Path file, long size) throws Exception {
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size); // no blocks on disk: the size is what a reader sees
        }
        return file;
    }

    /** Issue 14 finding 11: a 3 GB main.cf or profile gave an OutOfMemoryError stack trace and exit 1. */
    @Test
    void aHugeMainCfOrProfileIsRefusedNamingTheFileAndTheLimit() throws Exception {
        long threeGb = 3L * 1024 * 1024 * 1024;
        Path small = Files.writeString(dir.resolve("p.json"), "{\"schema\":1}");
        Path config = config("handedited");
        Path hugeMain = sparse(config.resolve("main.cf"), threeGb);

        assertEquals(2, run("plan", "--profile", small.toString(), "--config-dir", config.toString()));
        assertTrue(err.toString().contains("--config-dir: " + hugeMain + " is 3.0 GB; the limit is 4 MB for a Postfix"
                + " configuration file"), err::toString);
        assertEquals(2, run("lint", "--config-dir", config.toString()));
        assertFalse(err.toString().contains("OutOfMemoryError"), err::toString);

        Path hugeProfile = sparse(dir.resolve("huge.json"), threeGb);
        Path fine = config("debian12");
        err.getBuffer().setLength(0);
        assertEquals(2, run("plan", "--profile", hugeProfile.toString(), "--config-dir", fine.toString()));
        assertTrue(err.toString().contains("--profile: " + hugeProfile + " is 3.0 GB; the limit is 1 MB for a profile"),
                err::toString);
        sparse(fine.resolve("tls_policy"), threeGb);
        assertEquals(2, run("plan", "--profile", small.toString(), "--config-dir", fine.toString()));
        assertTrue(err.toString().contains("tls_policy is 3.0 GB; the limit is 4 MB"), err::toString);
    }

    @Test
    void outNamingAnExistingFileIsBadUsage() throws Exception {
        Path profile = Files.writeString(dir.resolve("p.json"), "{\"schema\":1}");
        Path file = Files.writeString(dir.resolve("plan.txt"), "keep me");
        assertEquals(2, run("plan", "--profile", profile.toString(), "--config-dir", config("debian12").toString(),
                "--out", file.toString()));
        assertTrue(err.toString().contains("plan: --out: " + file + " is an existing file; --out names a directory"),
                err::toString);
        assertEquals("keep me", Files.readString(file));
    }

    @Test
    void noCertificateAnywhereIsRefusedWithTheReasonAndNothingWritten() throws Exception {
        Path config = Files.createDirectories(dir.resolve("upstream"));
        for (String file : new String[] {"main.cf", "master.cf"}) {
            Files.write(config.resolve(file), Corpus.readReal("postfix-upstream", file)
                    .getBytes(StandardCharsets.ISO_8859_1));
        }
        Path profile = Files.writeString(dir.resolve("m.json"), "{\"schema\":1,\"hardening\":{\"preset\":\"mandatory\"}}");
        Path outDir = dir.resolve("never");
        assertEquals(1, run("plan", "--profile", profile.toString(), "--config-dir", config.toString(), "--out",
                outDir.toString()));
        assertTrue(err.toString().contains("plan: refused: No server certificate is configured anywhere"),
                err::toString);
        assertTrue(err.toString().contains("certificate.chainFile"), err::toString);
        assertFalse(Files.exists(outDir));
    }

    @Test
    void invalidProfileExitsTwoNamesThePathAndWritesNothing() throws Exception {
        Path profile = Files.writeString(dir.resolve("bad.json"), "{\"schema\":1,\"policies\":[{\"destination\":"
                + "\"a.com\",\"level\":\"may\"},{\"destination\":\"b.com\",\"level\":\"may\"},{\"destination\":"
                + "\"bad domain\",\"level\":\"may\"}]}");
        Path outDir = dir.resolve("never");
        assertEquals(2, run("plan", "--profile", profile.toString(), "--config-dir", config("debian12").toString(),
                "--out", outDir.toString()));
        assertTrue(err.toString().contains("policies[2].destination"), err::toString);
        assertFalse(err.toString().contains("Exception"));
        assertFalse(Files.exists(outDir));
    }

    @Test
    void lintExitsOneOnFindingsAndSpeaksJson() throws Exception {
        assertEquals(1, run("lint", "--config-dir", config("handedited").toString(), "--format", "json"));
        assertTrue(out.toString().contains("\"id\" : \"star-policy-key\""), out::toString);
        assertEquals(2, run("lint", "--config-dir", dir.resolve("missing").toString()));
        assertEquals(2, run("lint", "--config-dir", config("debian12").toString(), "--format", "xml"));
    }

    /** The server's OpenSSL decides the 3.11 curve default (RELEASE_NOTES-3.11 [Feature 20251102]); bad input exits 2. */
    @Test
    void opensslVersionOptionReachesLintAndIsChecked() throws Exception {
        Path config = config("debian12");
        Files.writeString(config.resolve("main.cf"), Corpus.read("debian12", "main.cf")
                + "tls_eecdh_auto_curves = X25519 prime256v1\n", StandardCharsets.ISO_8859_1);
        run("lint", "--config-dir", config.toString(), "--postfix-version", "3.11");
        assertFalse(out.toString().contains("curves-override-pq-default"), "unknown OpenSSL: no claim");
        run("lint", "--config-dir", config.toString(), "--postfix-version", "3.11", "--openssl-version", "3.5.1");
        assertTrue(out.toString().contains("curves-override-pq-default"), out::toString);
        assertEquals(2, run("lint", "--config-dir", config.toString(), "--openssl-version", "three"));
        assertTrue(err.toString().contains("--openssl-version"), err::toString);
    }
}
