package org.postfixtls.wizard.adapter.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.testsupport.Corpus;
import org.postfixtls.wizard.testsupport.TestPki;

class LocalConfigFolderTest {

    private static final PostfixVersion V37 = new PostfixVersion(3, 7);

    @TempDir
    Path folder;

    @Test
    void readsMainMasterAndPolicyByteForByte() throws Exception {
        byte[] main = "myhostname = mail.example.org\nsmtpd_banner = caf\u00e9\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(folder.resolve("main.cf"), main);
        Files.writeString(folder.resolve("master.cf"), Corpus.read("debian12", "master.cf"));
        Files.writeString(folder.resolve("tls_policy"), "example.net encrypt\n");

        ServerFiles files = LocalConfigFolder.read(folder, V37);

        assertEquals(new String(main, StandardCharsets.ISO_8859_1), files.mainCf());
        assertEquals("example.net encrypt\n", files.policyMap());
        assertEquals(V37, files.version());
        assertEquals("mail.example.org", files.myhostname().orElseThrow());
        assertEquals("example.org", files.mydomain().orElseThrow());
    }

    @Test
    void aMissingMasterCfIsNamedAndNothingIsLoaded() throws Exception {
        Files.writeString(folder.resolve("main.cf"), "myhostname = a.example\n");
        BadInputException error = assertThrows(BadInputException.class, () -> LocalConfigFolder.read(folder, V37));
        assertTrue(error.getMessage().startsWith("master.cf is missing in " + folder), error.getMessage());
    }

    @Test
    void aFileInsteadOfAFolderIsRefused() throws Exception {
        Path file = Files.writeString(folder.resolve("main.cf"), "x = y\n");
        BadInputException error = assertThrows(BadInputException.class, () -> LocalConfigFolder.read(file, V37));
        assertTrue(error.getMessage().contains("is not a folder"), error.getMessage());
    }

    @Test
    void noPolicyTableMeansNull() throws Exception {
        Files.writeString(folder.resolve("main.cf"), "myhostname = a.example\n");
        Files.writeString(folder.resolve("master.cf"), "smtp inet n - y - - smtpd\n");
        assertNull(LocalConfigFolder.read(folder, V37).policyMap());
    }

    @Test
    void theCertificateMainCfNamesIsACandidateWhenItsCopyIsInTheFolder() throws Exception {
        TestPki.Issued leaf = TestPki.selfSigned("mail.example.org", TestPki.Algorithm.EC);
        Files.write(folder.resolve("fullchain.pem"), TestPki.pem(leaf.certificate()));
        Files.write(folder.resolve("privkey.pem"), TestPki.privateKeyPem(leaf.keys()));
        Files.writeString(folder.resolve("main.cf"), "myhostname = mail.example.org\n"
                + "smtpd_tls_cert_file = /etc/letsencrypt/live/mail.example.org/fullchain.pem\n"
                + "smtpd_tls_key_file = /etc/letsencrypt/live/mail.example.org/privkey.pem\n");
        Files.writeString(folder.resolve("master.cf"), "smtp inet n - y - - smtpd\n");

        ServerFiles files = LocalConfigFolder.read(folder, V37);

        assertEquals(1, files.certificates().size());
        var candidate = files.certificates().get(0);
        assertEquals("/etc/letsencrypt/live/mail.example.org/fullchain.pem", candidate.chainPath());
        assertTrue(candidate.isLetsEncrypt());
        assertTrue(candidate.key().isPresent(), "the key copy next to it is read for the match check");
    }
}
