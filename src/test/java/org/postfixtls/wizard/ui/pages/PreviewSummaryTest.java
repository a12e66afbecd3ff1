package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Preset;

class PreviewSummaryTest {

    private static final List<FileChange> TWO_FILES = List.of(new FileChange("main.cf", "a\n", "b\n"),
            new FileChange("master.cf", "m\n", "m\n"), new FileChange("tls_policy", null, "x encrypt\n"));
    private static final Change PLAIN = new Change("main.cf", "smtpd_tls_auth_only", null, "yes", "why", "TLS_README",
            null);
    private static final Change RISKY = new Change("main.cf", "smtp_tls_security_level", "may", "encrypt", "why",
            "the mandatory-TLS guide", "mail to servers without TLS queues");

    @Test
    void nothingToChangeIsSaid() {
        assertEquals("Nothing to change: the configuration already matches your choices.",
                PreviewSummary.of(new ChangeSet(List.of(new FileChange("main.cf", "a\n", "a\n")), List.of(), List.of())));
    }

    @Test
    void changesAndChangedFilesAreCountedAndRiskNotesPointedOut() {
        assertEquals("2 changes in 2 files, 1 with a risk note — read them before deploying.",
                PreviewSummary.of(new ChangeSet(TWO_FILES, List.of(PLAIN, RISKY), List.of())));
        assertEquals("1 change in 2 files.", PreviewSummary.of(new ChangeSet(TWO_FILES, List.of(PLAIN), List.of())));
    }

    @Test
    void theMandatoryPresetOnTheDemoHasRisksToRead() {
        ServerFiles demo = DemoServer.load();
        ChangeSet plan = Planner.plan(demo.planRequest(Preset.MANDATORY.baseline()));
        String summary = PreviewSummary.of(plan);
        long risks = plan.changes().stream().filter(c -> c.risk() != null).count();
        assertEquals(true, risks > 0, "outbound encrypt carries a risk note");
        assertEquals(true, summary.endsWith(risks + " with a risk note — read them before deploying."), summary);
    }
}
