package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.RemoteSession;
import org.postfixtls.wizard.testsupport.LiveFiles;
import org.postfixtls.wizard.testsupport.Testbed;
import org.postfixtls.wizard.testsupport.TestbedSsh;
import org.postfixtls.wizard.testsupport.Tools;

/** Rollback restores the files byte for byte (owner, mode) as they were before a recorded deploy. */
class RollbackIT {

    private Testbed testbed;
    private final DeployEngine engine = new DeployEngine();

    @BeforeEach
    void baseline() throws Exception {
        testbed = Testbed.require();
        DeployFixture.clean(testbed);
    }

    @AfterEach
    void restore() throws Exception {
        if (testbed != null) {
            DeployFixture.clean(testbed);
        }
    }

    @Test
    void rollbackUndoesTheLatestDeployThenAnEarlierOneAndHistoryRecordsEverything() throws Exception {
        LiveFiles baseline = LiveFiles.of(DeployFixture.configDir(testbed));
        DeployOptions options = DeployFixture.options(testbed);
        try (RemoteSession session = TestbedSsh.connect(TestbedSsh.deployUser(testbed))) {
            DeployReport runbook = engine.deploy(session, DeployFixture.profile(testbed, "runbook"), options,
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, runbook.outcome(), runbook.message());
            LiveFiles afterRunbook = LiveFiles.of(DeployFixture.configDir(testbed));
            DeployReport mandatory = engine.deploy(session, DeployFixture.profile(testbed, "mandatory"), options,
                    DeployListener.ignore(), new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, mandatory.outcome(), mandatory.message());

            DeployReport undoLatest = engine.rollback(session, null, options, DeployListener.ignore(),
                    new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, undoLatest.outcome(), undoLatest.message());
            assertEquals(afterRunbook, LiveFiles.of(DeployFixture.configDir(testbed)));

            DeployReport undoFirst = engine.rollback(session, runbook.deployId(), options, DeployListener.ignore(),
                    new Cancellation());
            assertEquals(DeployOutcome.DEPLOYED, undoFirst.outcome(), undoFirst.message());
            assertEquals(baseline, LiveFiles.of(DeployFixture.configDir(testbed)), "byte-identical, owner and mode");
            assertEquals(0, Tools.sendTestMail(testbed).exitCode());

            List<DeployRecord> history = engine.history(session, options);
            assertEquals(List.of("deploy", "deploy", "rollback", "rollback"),
                    history.stream().map(DeployRecord::kind).toList());
            assertTrue(history.stream().allMatch(DeployRecord::committed), history.toString());
            assertEquals(mandatory.deployId(), history.get(2).rollbackOf());
            assertEquals(runbook.deployId(), history.get(3).rollbackOf());
            assertEquals("runbook", history.get(0).profile());
            assertTrue(history.get(0).files().stream().anyMatch(f -> f.name().equals("main.cf") && f.existed()
                    && f.mode().equals("644") && f.sha256().length() == 64), history.get(0).files().toString());

            IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                    () -> engine.rollback(session, "20990101T000000Z-0000", options, DeployListener.ignore(),
                            new Cancellation()));
            assertTrue(unknown.getMessage().contains("no deploy 20990101T000000Z-0000"), unknown.getMessage());
        }
    }
}
