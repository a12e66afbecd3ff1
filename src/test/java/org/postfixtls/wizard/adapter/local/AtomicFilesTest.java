package org.postfixtls.wizard.adapter.local;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path folder;

    @Test
    void replacesTheContentAndLeavesNoTemporaryFileBehind() throws IOException {
        Path target = folder.resolve("report.html");
        Files.writeString(target, "old");

        AtomicFiles.replace(target, "new".getBytes(StandardCharsets.UTF_8));

        assertEquals("new", Files.readString(target));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void aFailedMoveKeepsTheOldFileAndRemovesTheTemporaryOne() throws IOException {
        Path target = folder.resolve("taken");
        Files.createDirectory(target);
        Files.writeString(target.resolve("inside"), "x"); // a non-empty folder cannot be replaced by a file

        assertThrows(IOException.class, () -> AtomicFiles.replace(target, new byte[] {1, 2, 3}));

        assertArrayEquals("x".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(target.resolve("inside")));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
