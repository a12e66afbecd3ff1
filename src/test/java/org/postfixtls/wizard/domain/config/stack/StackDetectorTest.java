package org.postfixtls.wizard.domain.config.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.testsupport.Corpus;

class StackDetectorTest {

    private static final Map<String, MailStack> STACKS = Map.of("mailcow", MailStack.MAILCOW, "mailu",
            MailStack.MAILU, "docker-mailserver", MailStack.DOCKER_MAILSERVER, "mailinabox", MailStack.MAIL_IN_A_BOX,
            "iredmail", MailStack.IREDMAIL);

    @Test
    void recognisesEachStackFromItsRealFilesAndNothingElse() {
        for (String entry : Corpus.REAL_ENTRIES) {
            Optional<DetectedStack> found = StackDetector.detect(Corpus.readReal(entry, "main.cf"),
                    Corpus.readReal(entry, "master.cf"), List.of());
            assertEquals(Optional.ofNullable(STACKS.get(entry)), found.map(DetectedStack::stack), entry);
        }
        for (String entry : Corpus.ENTRIES) {
            assertEquals(Optional.empty(), StackDetector.detect(Corpus.read(entry, "main.cf"),
                    Corpus.read(entry, "master.cf"), List.of()), entry);
        }
    }

    @Test
    void markerFilesFoundOverSshNameTheStackEvenWhenTheFilesLookPlain() {
        String main = Corpus.readReal("debian-stock", "main.cf");
        String master = Corpus.readReal("debian-stock", "master.cf");
        assertEquals(MailStack.MAIL_IN_A_BOX,
                StackDetector.detect(main, master, List.of("/etc/mailinabox.conf")).orElseThrow().stack());
        assertEquals(MailStack.MAILCOW, StackDetector.detect(main, master,
                List.of("/etc/postfix/../../../mailcow.conf")).orElseThrow().stack());
        assertEquals(MailStack.DOCKER_MAILSERVER,
                StackDetector.detect(main, master, List.of("/tmp/docker-mailserver")).orElseThrow().stack());
        assertEquals(MailStack.IREDMAIL,
                StackDetector.detect(main, master, List.of("/etc/iredmail-release")).orElseThrow().stack());
        assertTrue(StackDetector.detect(main, master, List.of("/etc/unrelated")).isEmpty());
        assertTrue(StackDetector.MARKER_FILES.stream().allMatch(m -> StackDetector.stackOfMarker(m).isPresent()));
    }

    @Test
    void mailInABoxPlanNamesTheParametersItsSetupWillUndo() {
        ChangeSet plan = plan("mailinabox", Preset.MANDATORY);
        String note = plan.notes().stream().filter(n -> n.contains("mail-postfix.sh")).findFirst().orElseThrow();
        List<String> undone = StackAdvice.changedParameters(Corpus.readReal("mailinabox", "main.cf"),
                plan.content("main.cf")).keySet().stream().filter(StackAdvice.MAIL_IN_A_BOX_PARAMETERS::contains)
                .toList();
        assertTrue(!undone.isEmpty(), "the mandatory preset changes parameters Mail-in-a-Box's setup sets");
        undone.forEach(name -> assertTrue(note.contains(name), name));
        assertTrue(note.contains("apply this plan again after each Mail-in-a-Box upgrade"), note);
    }

    @Test
    void markerFilesDiscoveryFoundReachThePlanNotes() {
        // Debian's plain files, but discovery found /etc/mailinabox.conf on the server: the preview says so
        ChangeSet plan = Planner.plan(PlanRequest.of(Corpus.readReal("debian-stock", "main.cf"),
                Corpus.readReal("debian-stock", "master.cf"), Preset.MANDATORY.baseline(),
                PostfixVersion.parse("3.7.11").orElseThrow()).withStackMarkers(List.of("/etc/mailinabox.conf")));
        assertTrue(plan.notes().stream().anyMatch(n -> n.startsWith("Mail-in-a-Box recognised (the server has"
                + " /etc/mailinabox.conf)")), plan.notes()::toString);
    }

    @Test
    void noNoteWhenThePlanChangesNothingOrTheServerIsPlain() {
        DetectedStack mailInABox = new DetectedStack(MailStack.MAIL_IN_A_BOX, "test");
        String main = Corpus.readReal("mailinabox", "main.cf");
        String master = Corpus.readReal("mailinabox", "master.cf");
        assertEquals(List.of(), StackAdvice.notes(mailInABox, main, main, master, master));
        assertTrue(plan("debian-stock", Preset.RECOMMENDED).notes().stream()
                .noneMatch(n -> n.contains("recognised")));
    }

    private static ChangeSet plan(String entry, Preset preset) {
        return Planner.plan(PlanRequest.of(Corpus.readReal(entry, "main.cf"), Corpus.readReal(entry, "master.cf"),
                preset.baseline(), PostfixVersion.parse("3.7.11").orElseThrow())
                .withPolicyMap(Corpus.readReal(entry, "tls_policy")));
    }
}
