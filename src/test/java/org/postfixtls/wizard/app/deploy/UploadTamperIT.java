package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postfixtls.wizard.app.remote.RemoteException;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;

/**
 * The upload directory belongs to the login user, so a process running as that user can swap a file between the
 * upload and root's use of it. Root must copy the job into its own directory, check every file against the
 * SHA-256 the client computed, and refuse (running nothing) on a mismatch; a failed prepare leaves neither the
 * upload nor a partial job directory behind.
 */
class UploadTamperIT {

    private Testbed testbed;
    private LiveFiles before;
    private Path marker;
    private List<Path> earlierLeftovers;

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
        before = LiveFiles.of(DeployFixture.configDir(testbed));
        marker = Path.of("/tmp/pftw-tamper-" + UUID.randomUUID());
        earlierLeftovers = uploads();
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            Files.deleteIfExists(marker);
            DeployFixture.clean(testbed);
        }
    }

    private String instance() {
        return DeployFixture.options(testbed).instanceDirectory(testbed.get("postfix.configDir"));
    }

    private Path home() {
        return Path.of("/home", testbed.get("ssh.user"));
    }

    /** A real job: main.cf gains a comment line. */
    private Map<String, byte[]> jobFiles(ServerJob job) throws IOException {
        byte[] live = Files.readAllBytes(DeployFixture.configDir(testbed).resolve("main.cf"));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("job", ("id=" + job.id + "\nkind=deploy\nconfig_dir=" + testbed.get("postfix.configDir")
                + "\ndb_type=hash\ncreated=" + ServerJob.created() + "\nclient=it@tests\nprofile=runbook\n")
                .getBytes(StandardCharsets.UTF_8));
        files.put("plan", ("main.cf\twrite\t" + ServerJob.sha256(live) + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("new/main.cf", (new String(live, StandardCharsets.ISO_8859_1) + "# uploaded by UploadTamperIT\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        files.put("apply.sh", ServerJob.APPLY_SCRIPT);
        return files;
    }

    private List<Path> uploads() throws IOException {
        try (Stream<Path> entries = Files.list(home())) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".pftw-")).toList();
        }
    }

    /** What this test left in the login user's home (other runs may have left older uploads). */
    private List<Path> leftovers() throws IOException {
        return uploads().stream().filter(p -> !earlierLeftovers.contains(p)).toList();
    }

    @Test
    void anUntouchedUploadIsPreparedAndTheUploadIsRemoved() throws Exception {
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            ServerJob job = new ServerJob(session, instance());
            ServerJob.Upload upload = job.upload(jobFiles(job));
            assertEquals("yes", job.prepare(upload).text("valid").orElseThrow());
            assertTrue(Files.isRegularFile(Path.of(job.directory, "new/main.cf")));
            job.discard();
        }
        assertEquals(List.of(), leftovers());
    }

    @ParameterizedTest
    @ValueSource(strings = {"apply.sh", "job", "plan", "new/main.cf"})
    void aFileSwappedAfterTheUploadIsRefusedAndRootRunsNothing(String swapped) throws Exception {
        byte[] hostile = ("#!/bin/bash\ntouch " + marker + "\n").getBytes(StandardCharsets.UTF_8);
        String jobDirectory;
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            ServerJob job = new ServerJob(session, instance());
            jobDirectory = job.directory;
            Map<String, byte[]> files = jobFiles(job);
            ServerJob.Upload upload = job.upload(files);
            // the login user (here: its own SFTP channel) replaces the file after the upload
            byte[] replacement = swapped.equals("apply.sh") ? hostile
                    : (new String(files.get(swapped), StandardCharsets.ISO_8859_1) + "# swapped\n")
                            .getBytes(StandardCharsets.ISO_8859_1);
            session.files().write(upload.directory() + "/" + swapped, replacement);
            RemoteException refused = assertThrows(RemoteException.class, () -> job.prepare(upload));
            assertTrue(refused.getMessage().contains(swapped) && refused.getMessage().contains("changed"),
                    refused.getMessage());
        }
        assertFalse(Files.exists(marker), "root ran the swapped script");
        assertFalse(Files.exists(Path.of(jobDirectory)), "no partial job directory");
        assertEquals(List.of(), leftovers(), "no upload left in the login user's home");
        assertEquals(before, LiveFiles.of(DeployFixture.configDir(testbed)));
    }

    @Test
    void aPrepareThatFailsLeavesNoUploadAndNoJobDirectoryBehind() throws Exception {
        // a regular file where the state root should be: the job directory cannot be created
        Path blocker = Path.of(DeployFixture.STATE_ROOT);
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "not a directory\n");
        DeployOptions options = DeployFixture.options(testbed);
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            RemoteException failed = assertThrows(RemoteException.class, () -> new DeployEngine().deploy(session,
                    DeployFixture.profile(testbed, "runbook"), options, DeployListener.ignore(), new Cancellation()));
            assertTrue(failed.getMessage().contains("prepar"), failed.getMessage());
        } finally {
            Files.delete(blocker);
        }
        assertEquals(List.of(), leftovers(), "no upload left in the login user's home");
        assertEquals(before, LiveFiles.of(DeployFixture.configDir(testbed)));
    }

    @Test
    void aScriptSwappedBeforeARollbackIsPreparedIsRefusedAndRootRunsNothing() throws Exception {
        byte[] hostile = ("#!/bin/bash\ntouch " + marker + "\n").getBytes(StandardCharsets.UTF_8);
        String jobDirectory;
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            ServerJob job = new ServerJob(session, instance());
            jobDirectory = job.directory;
            ServerJob.Upload upload = job.upload(Map.of("apply.sh", ServerJob.APPLY_SCRIPT));
            session.files().write(upload.directory() + "/apply.sh", hostile);
            RemoteException refused = assertThrows(RemoteException.class,
                    () -> job.prepareRollback(upload, "20260101T000000Z-0000", "it@tests"));
            assertTrue(refused.getMessage().contains("apply.sh") && refused.getMessage().contains("changed"),
                    refused.getMessage());
        }
        assertFalse(Files.exists(marker), "root ran the swapped script");
        assertFalse(Files.exists(Path.of(jobDirectory)), "no partial job directory");
        assertEquals(List.of(), leftovers(), "no upload left in the login user's home");
    }
}
