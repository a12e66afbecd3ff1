package org.postfixtls.wizard.domain.config.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postfixtls.wizard.domain.profile.Preset;

/** The plan hash of decision 0056: stable for the same plan, different for any byte of any file. */
class PlanHashTest {

    private static final String MAIN_BEFORE = "myhostname = mx\n";
    private static final String MAIN_AFTER = "myhostname = mx\nsmtpd_tls_security_level = may\n";
    private static final String MASTER = "smtp inet n - y - - smtpd\n";
    private static final String POLICY = "example.com encrypt\n";

    private static ChangeSet plan(FileChange... files) {
        return new ChangeSet(List.of(files), List.of(), List.of());
    }

    private static ChangeSet sample() {
        return plan(new FileChange("main.cf", MAIN_BEFORE, MAIN_AFTER), new FileChange("master.cf", MASTER, MASTER),
                new FileChange("tls_policy", null, POLICY));
    }

    @Test
    void theCanonicalFormIsTheDocumentedOneAndItsHashIsPinned() {
        // the expected values were computed outside Java: printf '...' | sha256sum (see decision 0056)
        assertEquals("""
                pftw-plan 1
                main.cf before 034e3e086cb4ad2b60dda2a31d0695fd3e4b7866704219aaa5d60c7ca7f87573 \
                after d221cdd5f43c009720b212cc0c44123f5688a35e1556f66727405947f73836be
                master.cf before 70af0b0e3674ad0b6ae3286c3e9e14ae2f8673061088401f3e00b094926c52f8 \
                after 70af0b0e3674ad0b6ae3286c3e9e14ae2f8673061088401f3e00b094926c52f8
                tls_policy before absent after 5d629e88b8788d4b721b7de0819281259ffac7604823452166af5e2e506380e9
                """, PlanHash.canonicalForm(sample()));
        assertEquals("2dc47a97ee126d9da41116755113c1a88a5271c877b1cf7a90a53302e43c8aff", PlanHash.of(sample()).hex());
    }

    @Test
    void theSamePlanAlwaysGivesTheSameHashWhateverTheFileOrderReasonsOrNotes() {
        ChangeSet reordered = new ChangeSet(List.of(new FileChange("tls_policy", null, POLICY),
                new FileChange("master.cf", MASTER, MASTER), new FileChange("main.cf", MAIN_BEFORE, MAIN_AFTER)),
                List.of(new Change("main.cf", "smtpd_tls_security_level", null, "may", "why", "TLS_README", null)),
                List.of("a note"));
        assertEquals(PlanHash.of(sample()), PlanHash.of(reordered));
        assertEquals(PlanHash.of(sample()), PlanHash.of(sample()));
    }

    @Test
    void planningTheSameFilesWithTheSameProfileTwiceGivesTheSameHash() {
        for (Preset preset : Preset.values()) {
            PlanRequest request = PlanRequest.of(MAIN_BEFORE, MASTER, preset.baseline(), new PostfixVersion(3, 7))
                    .withPolicyMap(POLICY);
            assertEquals(PlanHash.of(Planner.plan(request)), PlanHash.of(Planner.plan(request)), preset.name());
        }
    }

    @Test
    void everyByteOfEveryFileBeforeAndAfterChangesTheHash() {
        List<UnaryOperator<ChangeSet>> edits = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int index = i;
            edits.add(set -> replace(set, index, f -> new FileChange(f.name(), edit(f.before()), f.after())));
            edits.add(set -> replace(set, index, f -> new FileChange(f.name(), f.before(), edit(f.after()))));
            edits.add(set -> replace(set, index, f -> new FileChange(f.name() + "x", f.before(), f.after())));
        }
        // an absent file is not an empty one, before or after
        edits.add(set -> replace(set, 2, f -> new FileChange(f.name(), "", f.after())));
        edits.add(set -> replace(set, 1, f -> new FileChange(f.name(), f.before(), null)));
        // a file the plan leaves alone still counts: the server's copy is part of what was approved
        edits.add(set -> plan(set.files().get(0), set.files().get(2)));
        // Latin-1 bytes as on the server (decision 0011)
        edits.add(set -> replace(set, 0, f -> new FileChange(f.name(), f.before(), f.after() + "# caf\u00e9\n")));
        Set<PlanHash> seen = new HashSet<>(List.of(PlanHash.of(sample())));
        for (UnaryOperator<ChangeSet> edit : edits) {
            assertTrue(seen.add(PlanHash.of(edit.apply(sample()))), "an edit left the hash unchanged: " + edits.indexOf(edit));
        }
    }

    @Test
    void aSingleFlippedCharacterAnywhereInALargeFileChangesTheHash() {
        String large = "x".repeat(4000) + "\n";
        PlanHash base = PlanHash.of(plan(new FileChange("main.cf", large, large)));
        for (int at : new int[] {0, 1999, 3999, 4000}) {
            String flipped = large.substring(0, at) + 'y' + large.substring(at + 1);
            assertNotEquals(base, PlanHash.of(plan(new FileChange("main.cf", flipped, large))), "before, at " + at);
            assertNotEquals(base, PlanHash.of(plan(new FileChange("main.cf", large, flipped))), "after, at " + at);
        }
    }

    @Test
    void aPersonsCopyIsReadInEitherCaseAndAnythingElseIsRefusedNamingWhatIsAllowed() {
        String hex = PlanHash.of(sample()).hex();
        assertEquals(PlanHash.of(sample()), PlanHash.parse(" " + hex.toUpperCase() + "\n"));
        for (String bad : new String[] {"", hex.substring(1), hex + "0", "sha256:" + hex, hex.replace('a', 'g'), null}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PlanHash.parse(bad));
            assertTrue(e.getMessage().contains("64 hex digits"), e.getMessage());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"main cf", "main.cf\nx", ""})
    void namesThatWouldMakeTheFormAmbiguousAreRefused(String name) {
        assertThrows(IllegalArgumentException.class, () -> PlanHash.of(plan(new FileChange(name, "a", "b"))));
    }

    @Test
    void theSameFileTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PlanHash.of(plan(new FileChange("main.cf", "a", "b"),
                new FileChange("main.cf", "a", "c"))));
    }

    private static ChangeSet replace(ChangeSet set, int index, UnaryOperator<FileChange> edit) {
        List<FileChange> files = new ArrayList<>(set.files());
        files.set(index, edit.apply(files.get(index)));
        return new ChangeSet(files, set.changes(), set.notes());
    }

    private static String edit(String content) {
        return content == null ? "x" : content + "#";
    }
}
