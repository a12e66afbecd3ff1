package org.postfixtls.wizard.app.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileJson;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.Tools;

/** Profiles for the test bed (submission services are named 2587/2465 there) and a private state root. */
public final class DeployFixture {

    static final String STATE_ROOT = "/var/lib/pftw-testbed-deploy-it";

    private DeployFixture() {
    }

    static String profileJson(String preset, String chainFile, String keyFile) {
        return """
                {
                  "schema": 1,
                  "hardening": { "preset": "%s" },
                  "certificate": { "chainFile": "%s", "keyFile": "%s" },
                  "submission": { "starttls": { "enabled": true, "port": 2587 },
                                  "implicitTls": { "enabled": true, "port": 2465 } }
                }
                """.formatted(preset, chainFile, keyFile);
    }

    static Profile profile(Testbed testbed, String preset) {
        return profile(preset, testbed.get("tls.fullchain"), testbed.get("tls.key"));
    }

    static Profile profile(String preset, String chainFile, String keyFile) {
        try {
            return ProfileJson.read(profileJson(preset, chainFile, keyFile));
        } catch (org.postfixtls.wizard.domain.profile.InvalidProfileException e) {
            throw new IllegalStateException(e.errors().toString(), e);
        }
    }

    /** The runbook preset plus one per-destination policy, so the deploy writes tls_policy and runs postmap. */
    static Profile profileWithPolicy(Testbed testbed) {
        String json = profileJson("runbook", testbed.get("tls.fullchain"), testbed.get("tls.key")).strip();
        return profileFromJson(json.substring(0, json.length() - 1)
                + ", \"policies\": [ { \"destination\": \"example.net\", \"level\": \"secure\" } ] }");
    }

    private static Profile profileFromJson(String json) {
        try {
            return ProfileJson.read(json);
        } catch (org.postfixtls.wizard.domain.profile.InvalidProfileException e) {
            throw new IllegalStateException(e.errors().toString(), e);
        }
    }

    static DeployOptions options(Testbed testbed) {
        return new DeployOptions(testbed.get("postfix.configDir"), STATE_ROOT, "it@tests");
    }

    static Path configDir(Testbed testbed) {
        return Path.of(testbed.get("postfix.configDir"));
    }

    /** Baseline configuration, a freshly started instance, no deploy history. */
    public static void clean(Testbed testbed) throws IOException, InterruptedException {
        Tools.run(List.of("rm", "-rf", STATE_ROOT), "", 30);
        Tools.resetTestbed(testbed);
    }
}
