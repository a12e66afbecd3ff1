package org.postfixtls.wizard.adapter.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.app.deploy.DeployOutcome;
import org.postfixtls.wizard.app.deploy.DeployReport;

/** Issue 14 finding 13: the journal (server names, deploy history) was created 0644 in a directory anyone could list. */
class JsonLinesJournalTest {

    @TempDir
    Path home;

    private static DeployReport report() {
        return new DeployReport("20260301-101530-ab12", DeployOutcome.DEPLOYED, null, "deployed", null, "", List.of(),
                List.of(), List.of(), null);
    }

    @Test
    void aNewJournalIsPrivateToItsUserAndSoIsItsDirectory() throws Exception {
        Path file = home.resolve("state/postfix-tls-wizard/journal.jsonl");
        new JsonLinesJournal(file).record("deploy@mx.example.com:22", "deploy", report());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent().getParent())));
        assertTrue(Files.readString(file).contains("\"target\":\"deploy@mx.example.com:22\""));
    }

    @Test
    void aJournalLeftReadableByAnOlderVersionIsNarrowedAndKeepsItsLines() throws Exception {
        Path file = home.resolve("journal.jsonl");
        Files.writeString(file, "{\"old\":true}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new JsonLinesJournal(file).record("mx.example.com", "rollback", report());

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("{\"old\":true}", lines.get(0));
    }

    @Test
    void theRecentHostsDirectoryIsCreatedPrivate() throws Exception {
        Path file = home.resolve("config/postfix-tls-wizard/recent-hosts.json");
        new RecentHostsFile(file).remember(new org.postfixtls.wizard.app.workspace.RecentHost("mx.example.com", 22,
                "deploy", "agent", null, true, null));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
}
