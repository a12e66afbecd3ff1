package org.postfixtls.wizard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.Tools;

/** The offline bundle, made from copies of the server's files and run on the (local) test bed as root. */
class BundleIT {

    private static final String STATE_ROOT = "/var/lib/pftw-testbed-bundle-it";
    private Testbed testbed;
    @TempDir
    Path dir;

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        Tools.run(List.of("rm", "-rf", STATE_ROOT), "", 30);
        Tools.resetTestbed(testbed);
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            Tools.run(List.of("rm", "-rf", STATE_ROOT), "", 30);
            Tools.resetTestbed(testbed);
        }
    }

    @Test
    void aBundleAppliesTheSameTransactionOnTheServerAndRefusesFilesItWasNotMadeFrom() throws Exception {
        Path conf = Path.of(testbed.get("postfix.configDir"));
        Path copies = Files.createDirectories(dir.resolve("copies"));
        Files.copy(conf.resolve("main.cf"), copies.resolve("main.cf"));
        Files.copy(conf.resolve("master.cf"), copies.resolve("master.cf"));
        Path profile = dir.resolve("p.json");
        Files.writeString(profile, """
                { "schema": 1, "hardening": { "preset": "runbook" },
                  "certificate": { "chainFile": "%s", "keyFile": "%s" },
                  "submission": { "starttls": { "port": 2587 }, "implicitTls": { "port": 2465 } } }
                """.formatted(testbed.get("tls.fullchain"), testbed.get("tls.key")));
        Path out = dir.resolve("bundle");
        StringWriter text = new StringWriter();
        int exit = WizardCli.run(new PrintWriter(text, true), new PrintWriter(text, true), "bundle", "--profile",
                profile.toString(), "--config-dir", copies.toString(), "--server-config-dir", conf.toString(),
                "--postfix-version", testbed.get("postfix.version"), "--out", out.toString());
        assertEquals(0, exit, text.toString());
        assertTrue(Files.readString(out.resolve("changes.diff")).contains("smtpd_tls_auth_only"));

        LiveFiles before = LiveFiles.of(conf);
        Tools.Output install = Tools.run(List.of("bash", out.resolve("install.sh").toString(), STATE_ROOT), "", 120);
        assertEquals(0, install.exitCode(), install.text());
        assertTrue(install.text().contains("deployed"), install.text());
        Tools.Output starttls = Tools.run(List.of("openssl", "s_client", "-connect", testbed.host() + ":2587",
                "-starttls", "smtp", "-CAfile", testbed.get("tls.ca"), "-brief"), "QUIT\r\n", 30);
        assertEquals(0, starttls.exitCode(), starttls.text());

        // the live files now differ from the copies the bundle was planned from: refused, nothing changed
        Tools.resetTestbed(testbed);
        Files.writeString(conf.resolve("main.cf"), Files.readString(conf.resolve("main.cf")) + "# edited\n");
        LiveFiles edited = LiveFiles.of(conf);
        Tools.run(List.of("rm", "-rf", STATE_ROOT), "", 30);
        Tools.Output refused = Tools.run(List.of("bash", out.resolve("install.sh").toString(), STATE_ROOT), "", 120);
        assertNotEquals(0, refused.exitCode(), refused.text());
        assertTrue(refused.text().contains("changed since the plan was made"), refused.text());
        assertEquals(edited, LiveFiles.of(conf));
        assertNotEquals(before, edited);
    }
}
