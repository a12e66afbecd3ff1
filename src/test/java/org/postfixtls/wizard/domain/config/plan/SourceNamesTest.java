package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;

/** Reasons cite their sources by the names admins know, never by our internal file or decision numbers. */
class SourceNamesTest {

    @Test
    void everyChangeCitesARealSourceName() {
        ServerFiles demo = DemoServer.load();
        for (Preset preset : Preset.values()) {
            Profile profile = ProfileEdits.withCertificate(preset.baseline(), new Profile.Certificate(
                    "/etc/letsencrypt/live/mx/fullchain.pem", "/etc/letsencrypt/live/mx/privkey.pem",
                    preset.baseline().certificate().caFile()));
            for (Change change : Planner.plan(demo.planRequest(profile)).changes()) {
                String source = change.source();
                assertFalse(source.matches("(?s).*\\b(seed \\d+|decision \\d+)\\b.*"), preset + ": " + source);
                assertTrue(source.matches("(?s).*(hardening runbook|mandatory-TLS guide|TLS_README|postconf\\(5\\)"
                        + "|master\\(5\\)|RFC \\d+).*"), preset + ": " + source);
            }
        }
    }
}
