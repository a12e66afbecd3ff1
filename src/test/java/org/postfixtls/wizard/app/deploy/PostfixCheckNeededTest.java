package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.testsupport.Tools;

/**
 * apply.sh's check_needed (decision 0070): "postfix check" runs when main.cf changes a directory, owner or group
 * parameter it checks (also through a $reference or a continuation line), or for a mail stack; a TLS change or a
 * master.cf-only change skips it and says why. Runs the script's own functions with bash on a job directory.
 */
class PostfixCheckNeededTest {

    private static final String BEFORE = "myhostname = mx.example.org\nqueue_directory = /var/spool/postfix\n"
            + "smtpd_tls_security_level = may\n";

    @TempDir
    Path job;

    @Test
    void aTlsChangeToMainCfNeedsNoCheck() throws Exception {
        Tools.Output out = checkNeeded("main.cf", BEFORE, BEFORE.replace("may", "encrypt")
                + "smtpd_tls_mandatory_protocols = >=TLSv1.2\n", "");
        assertEquals(1, out.exitCode(), out.text());
        assertTrue(out.text().contains("changes none of the directory, owner and group parameters"), out.text());
    }

    @Test
    void aMasterCfOnlyChangeNeedsNoCheck() throws Exception {
        Tools.Output out = checkNeeded("master.cf", BEFORE, BEFORE, "");
        assertEquals(1, out.exitCode(), out.text());
        assertTrue(out.text().contains("main.cf is unchanged"), out.text());
    }

    @Test
    void aDirectoryOwnerOrGroupChangeNeedsTheCheckAlsoOnAContinuationLine() throws Exception {
        assertEquals(0, checkNeeded("main.cf", BEFORE, BEFORE.replace("/var/spool/postfix", "/srv/spool"), "")
                .exitCode());
        assertEquals(0, checkNeeded("main.cf", BEFORE, BEFORE + "setgid_group = maildrop\n", "").exitCode());
        assertEquals(0, checkNeeded("main.cf", BEFORE, BEFORE.replace("= /var/spool/postfix",
                "=\n    /srv/spool"), "").exitCode());
    }

    @Test
    void aReferenceOrAMailStackAlwaysGetsTheCheck() throws Exception {
        String referenced = BEFORE.replace("/var/spool/postfix", "$spool_base/postfix");
        assertEquals(0, checkNeeded("main.cf", referenced, referenced + "smtp_tls_security_level = dane\n", "")
                .exitCode());
        assertEquals(0, checkNeeded("extra.cf", BEFORE, BEFORE, "mailcow").exitCode());
    }

    private Tools.Output checkNeeded(String planned, String before, String after, String stack) throws Exception {
        Files.createDirectories(job.resolve("backup"));
        Files.createDirectories(job.resolve("new"));
        Files.writeString(job.resolve("plan"), planned + "\twrite\t" + "0".repeat(64) + "\n");
        Files.writeString(job.resolve("backup/main.cf"), before);
        Files.writeString(job.resolve("new/main.cf"), after);
        String script = new String(ServerJob.APPLY_SCRIPT, StandardCharsets.ISO_8859_1);
        return Tools.run(List.of("bash", "-c", function(script, "check_needed") + function(script, "check_parameters")
                + "JOB=$1; STACK=$2; check_needed", "bash", job.toString(), stack), "", 30);
    }

    private static String function(String script, String name) {
        int start = script.indexOf(name + "() {");
        int end = script.indexOf("\n}\n", start);
        assertTrue(start >= 0 && end > start, name + "() in apply.sh");
        return script.substring(start, end + 3);
    }
}
