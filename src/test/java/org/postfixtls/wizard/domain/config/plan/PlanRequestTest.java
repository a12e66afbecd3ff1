package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.stack.OverrideFile;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;

/** The factory starts at the documented defaults; each {@code with...} sets its own part and keeps the others. */
class PlanRequestTest {

    private static final Profile PROFILE = Preset.RECOMMENDED.baseline();
    private static final PostfixVersion V37 = new PostfixVersion(3, 7);
    private static final TlsRuntime RUNTIME = new TlsRuntime(null, "openssl 3.0.2", TlsRuntime.Support.YES, null);
    private static final OverrideFile EXTRA = new OverrideFile("extra.cf", "/opt/conf/extra.cf", "a = b\n");

    @Test
    void theFactoryGivesTheDefaults() {
        PlanRequest request = PlanRequest.of("main", "master", PROFILE, V37);
        assertEquals(new PlanRequest("main", "master", null, PROFILE, V37, "hash",
                PlanRequest.DEFAULT_CONFIG_DIRECTORY, List.of(), List.of(), null, TlsRuntime.UNKNOWN), request);
    }

    @Test
    void everyPartSetWithItsOwnMethodEndsUpInItsOwnComponent() {
        PlanRequest request = PlanRequest.of("main", "master", PROFILE, V37).withPolicyMap("policy")
                .withDefaultDatabaseType("lmdb").withConfigDirectory("/opt/conf").withStackMarkers(List.of("/marker"))
                .withStackFiles(List.of(EXTRA)).withStackDirectory("/srv/conf").withRuntime(RUNTIME);
        assertEquals(new PlanRequest("main", "master", "policy", PROFILE, V37, "lmdb", "/opt/conf",
                List.of("/marker"), List.of(EXTRA), "/srv/conf", RUNTIME), request);
        assertEquals(new PlanRequest("new main", "new master", "policy", PROFILE, V37, "lmdb", "/opt/conf",
                List.of("/marker"), List.of(EXTRA), "/srv/conf", RUNTIME), request.withFiles("new main", "new master"));
    }

    @Test
    void blankOrNullOptionalPartsFallBackToTheDefaults() {
        PlanRequest request = PlanRequest.of("main", "master", PROFILE, V37).withDefaultDatabaseType(" ")
                .withConfigDirectory(null).withStackMarkers(null).withStackFiles(null).withRuntime(null);
        assertEquals("hash", request.defaultDatabaseType());
        assertEquals(PlanRequest.DEFAULT_CONFIG_DIRECTORY, request.configDirectory());
        assertEquals(List.of(), request.stackMarkers());
        assertEquals(List.of(), request.stackFiles());
        assertEquals(TlsRuntime.UNKNOWN, request.runtime());
        assertNull(request.policyMap());
    }

    @Test
    void theRequiredPartsStayRequired() {
        assertThrows(NullPointerException.class, () -> PlanRequest.of(null, "master", PROFILE, V37));
        assertThrows(NullPointerException.class, () -> PlanRequest.of("main", "master", null, V37));
        assertThrows(NullPointerException.class, () -> PlanRequest.of("main", "master", PROFILE, null));
    }
}
