package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.tasks.TaskExecutor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileJson;

class ProfileFilesTest {

    @TempDir
    Path dir;

    private String failure(Path file) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> ProfileFiles.read(TaskExecutor.currentThread(), file).get(10, TimeUnit.SECONDS));
        return e.getCause().getMessage();
    }

    @Test
    void aSavedProfileLoadsBackEqual() throws Exception {
        Profile runbook = Preset.RUNBOOK.baseline();
        Path file = Files.writeString(dir.resolve("p.json"), ProfileJson.write(runbook));
        assertEquals(runbook, ProfileFiles.read(TaskExecutor.currentThread(), file).get(10, TimeUnit.SECONDS));
    }

    @Test
    void aWrongFieldIsNamedWithWhatIsAllowed() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.json"), "{\"schema\": 1, \"outbound\": {\"level\": \"always\"}}");
        String message = failure(file);
        assertTrue(message.contains("outbound.level") && message.contains("may"), message);
    }

    @Test
    void notJsonAndTooLargeAndMissingAreSaidPlainly() throws Exception {
        assertTrue(failure(Files.writeString(dir.resolve("x.json"), "certificate: yes")).contains("not a valid profile"));
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[(int) ProfileFiles.MAX_BYTES + 1]);
        assertTrue(failure(big).contains("larger than 1 MB"));
        assertTrue(failure(dir.resolve("missing.json")).contains("cannot be read"));
    }
}
