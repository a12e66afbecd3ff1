package org.postfixtls.wizard.adapter.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.domain.kernel.BadInputException;

class ExportFolderTest {

    @TempDir
    Path parent;

    @Test
    void writesEveryFileIntoANewFolder() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.cf", "smtpd_tls_security_level = may\n");
        files.put("changes.diff", "+x\n");
        Path written = ExportFolder.write(parent.resolve("bundle"), files);
        assertEquals("smtpd_tls_security_level = may\n", Files.readString(written.resolve("main.cf")));
        assertEquals("+x\n", Files.readString(written.resolve("changes.diff")));
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(1, left.count(), "no staging folder is left behind");
        }
    }

    @Test
    void anExistingFolderIsNeverOverwritten() throws Exception {
        Path existing = Files.createDirectory(parent.resolve("bundle"));
        Files.writeString(existing.resolve("main.cf"), "mine\n");
        BadInputException error = assertThrows(BadInputException.class,
                () -> ExportFolder.write(existing, Map.of("main.cf", "theirs\n")));
        assertTrue(error.getMessage().contains("already exists"), error.getMessage());
        assertEquals("mine\n", Files.readString(existing.resolve("main.cf")));
    }

    @Test
    void aFailedWriteLeavesNothing() throws Exception {
        // a name that would leave the export folder makes the write fail half-way, after main.cf was written
        Map<String, String> files = new LinkedHashMap<>();
        files.put("main.cf", "a\n");
        files.put("../outside", "b\n");
        assertThrows(BadInputException.class, () -> ExportFolder.write(parent.resolve("bundle"), files));
        try (Stream<Path> left = Files.list(parent)) {
            assertEquals(0, left.count(), "neither the target nor a staging folder remains");
        }
    }
}
