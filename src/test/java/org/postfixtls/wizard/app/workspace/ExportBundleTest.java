package org.postfixtls.wizard.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postfixtls.wizard.adapter.local.ExportFolder;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;

/** The local files export is the same offline bundle as the CLI's: install.sh runs the server-side transaction. */
class ExportBundleTest {

    @TempDir
    Path temp;

    @Test
    void theExportCarriesInstallShTheJobTheDiffTheReasonsAndTheProfile() throws Exception {
        ServerFiles demo = DemoServer.load();
        Profile profile = Preset.RUNBOOK.baseline();

        Map<String, byte[]> files = ExportBundle.offlineBundle(demo, profile);

        assertTrue(files.containsKey("install.sh"), files.keySet().toString());
        assertTrue(files.containsKey("changes.diff"));
        assertTrue(files.containsKey("CHANGES.md"));
        assertTrue(files.containsKey("profile.json"));
        assertTrue(files.keySet().stream().anyMatch(name -> name.startsWith("job/")), files.keySet().toString());
        String newMain = files.entrySet().stream().filter(e -> e.getKey().startsWith("job/") && e.getKey().endsWith("/main.cf"))
                .map(e -> new String(e.getValue(), StandardCharsets.ISO_8859_1)).findFirst().orElseThrow();
        String planned = Planner.plan(demo.planRequest(profile)).files().stream()
                .filter(f -> f.name().equals(Planner.MAIN_CF)).findFirst().orElseThrow().after();
        assertEquals(planned, newMain, "the bundle installs exactly the previewed main.cf");

        Path written = ExportFolder.writeAll(temp.resolve("export"), files);
        assertTrue(Files.isRegularFile(written.resolve("install.sh")));
        assertTrue(Files.size(written.resolve("changes.diff")) > 0);
    }

    @Test
    void filesThatAlreadyMatchGiveAnEmptyBundle() {
        ServerFiles demo = DemoServer.load();
        Profile profile = Preset.RUNBOOK.baseline();
        var planned = Planner.plan(demo.planRequest(profile));
        ServerFiles after = new ServerFiles(demo.source(), planned.files().get(0).after(), planned.files().get(1).after(),
                planned.files().size() > 2 ? planned.files().get(2).after() : demo.policyMap(), demo.version(),
                demo.defaultDatabaseType(), demo.configDirectory(), demo.certificates());

        assertTrue(ExportBundle.offlineBundle(after, profile).isEmpty());
    }
}
