package org.postfixtls.wizard.app.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.remote.TaggedOutput;

/** The pure parts of the deploy engine: which deploy a plain rollback undoes, options, the script output format. */
class DeployEngineUnitTest {

    private static DeployRecord record(String id, String kind, String state, String rollbackOf) {
        return new DeployRecord(id, kind, "t", "c", "runbook", rollbackOf, state, null, null, List.of());
    }

    @Test
    void aPlainRollbackUndoesTheLatestCommittedDeployNotYetRolledBack() {
        List<DeployRecord> history = List.of(record("A", "deploy", "committed", null),
                record("B", "deploy", "committed", null), record("C", "deploy", "rolled-back", null),
                record("D", "rollback", "committed", "B"));
        assertEquals(Optional.of("A"), DeployEngine.latestUndoable(history));
        assertEquals(Optional.empty(), DeployEngine.latestUndoable(List.of(record("X", "deploy", "refused", null))));
    }

    @Test
    void instancesGetTheirOwnDirectoryAndUnsafePathsAreRefused() {
        DeployOptions options = new DeployOptions(null, null, "alice@laptop; rm -rf /");
        assertEquals("/var/lib/postfix-tls-wizard/etc_postfix", options.instanceDirectory("/etc/postfix"));
        assertEquals("/var/lib/postfix-tls-wizard/etc_postfix-out", options.instanceDirectory("/etc/postfix-out/"));
        assertTrue(options.client().matches("[A-Za-z0-9._@+-]+"), options.client());
        assertThrows(IllegalArgumentException.class, () -> new DeployOptions("etc/postfix", null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new DeployOptions("/etc/post fix", null, "x"));
        assertThrows(IllegalArgumentException.class, () -> new DeployOptions("/etc/postfix", "/tmp/$(id)", "x"));
    }

    @Test
    void taggedOutputKeepsEveryByteAndIgnoresStrayLines() {
        byte[] latin1 = "caf\u00e9 = \t'x'\n".getBytes(StandardCharsets.ISO_8859_1);
        String text = "warning from a login script\nmain.cf\t" + Base64.getEncoder().encodeToString(latin1)
                + "\ncert.path\t" + Base64.getEncoder().encodeToString("/a".getBytes()) + "\ncert.path\t"
                + Base64.getEncoder().encodeToString("/b".getBytes()) + "\n";
        TaggedOutput out = TaggedOutput.parse(text);
        assertEquals(new String(latin1, StandardCharsets.ISO_8859_1),
                out.text("main.cf", StandardCharsets.ISO_8859_1).orElseThrow());
        assertEquals("/b", out.text("cert.path").orElseThrow());
        assertEquals(3, out.entries().size());
        assertTrue(out.text("absent").isEmpty());
    }

    @Test
    void outcomesSayWhetherTheLiveFilesWereTouched() {
        assertTrue(DeployOutcome.ROLLED_BACK.changedNothing());
        assertTrue(DeployOutcome.REFUSED.changedNothing());
        assertTrue(!DeployOutcome.DEPLOYED.changedNothing() && DeployOutcome.DEPLOYED.succeeded());
        assertTrue(!DeployOutcome.CONNECTION_LOST.changedNothing() && !DeployOutcome.CONNECTION_LOST.succeeded());
    }
}
