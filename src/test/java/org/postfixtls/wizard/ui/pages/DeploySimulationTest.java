package org.postfixtls.wizard.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.deploy.StepEvent;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;

/** The demo's simulated deploy shows the real transaction: the engine's and apply.sh's own step names, in order. */
class DeploySimulationTest {

    private static final ServerFiles DEMO = DemoServer.load();

    @Test
    void theSimulationNamesOnlyStepsTheEngineOrApplyShReportAndEveryCommitStepInTheScriptsOrder() throws IOException {
        List<String> script = applyShSteps();
        Set<String> known = new LinkedHashSet<>(script);
        known.addAll(engineSteps());
        List<String> simulated = DeploySimulation.events(DEMO, demoPlan()).stream().map(StepEvent::step).toList();
        for (String step : simulated) {
            assertTrue(known.contains(step), step + " is not a step a real deploy reports: " + known);
        }
        List<String> commit = simulated.subList(simulated.indexOf("commit") + 1, simulated.size()).stream()
                .distinct().toList();
        assertEquals(List.of("lock", "check-live", "backup", "validate", "swap", "postmap", "check", "reload", "health"),
                commit);
        List<String> scriptCommit = script.subList(script.indexOf("lock"), script.size());
        assertEquals(commit, scriptCommit.stream().filter(commit::contains).distinct().toList(),
                "the commit's steps come in apply.sh's order");
    }

    @Test
    void everyStepStartsAndEndsWellAndPostmapRunsOnlyWhenThePolicyTableChanges() {
        ChangeSet plan = demoPlan();
        List<StepEvent> events = DeploySimulation.events(DEMO, plan);
        for (String step : events.stream().map(StepEvent::step).distinct().toList()) {
            assertTrue(events.stream().anyMatch(e -> e.step().equals(step) && e.status() == StepEvent.Status.START
                    || e.step().equals("plan") || e.step().equals("approval")), step);
        }
        assertTrue(events.stream().noneMatch(e -> e.status() == StepEvent.Status.FAIL));
        ChangeSet withoutPolicy = new ChangeSet(plan.files().stream().filter(f -> !f.name().equals(Planner.TLS_POLICY))
                .toList(), plan.changes(), plan.notes());
        assertTrue(DeploySimulation.events(DEMO, withoutPolicy).stream().noneMatch(e -> e.step().equals("postmap")));
        long changed = plan.files().stream().filter(FileChange::changed).count();
        assertTrue(events.stream().anyMatch(e -> e.step().equals("backup") && e.status() == StepEvent.Status.OK
                && e.message().startsWith(changed + " files backed up")), events.toString());
    }

    @Test
    void theResultSaysSimulationAndThatNothingWasSent() {
        assertTrue(DeploySimulation.resultText().startsWith("SIMULATION"));
        assertTrue(DeploySimulation.resultText().contains("Nothing was sent anywhere"));
    }

    static ChangeSet demoPlan() {
        Profile profile = Preset.RECOMMENDED.baseline();
        profile = ProfileEdits.withPolicies(profile, List.of(new Profile.Policy("bank.example",
                org.postfixtls.wizard.domain.profile.TlsLevel.SECURE, List.of("nexthop"), null, null, null)));
        ChangeSet plan = Planner.plan(DEMO.planRequest(profile));
        assertTrue(plan.file(Planner.TLS_POLICY).map(FileChange::changed).orElse(false), "the demo plan rewrites the table");
        return plan;
    }

    private static List<String> applyShSteps() throws IOException {
        try (InputStream in = org.postfixtls.wizard.app.deploy.DeployEngine.class.getResourceAsStream("apply.sh")) {
            return matches(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    Pattern.compile("progress ([a-z-]+) (?:start|ok|fail) "));
        }
    }

    private static List<String> engineSteps() throws IOException {
        String engine = Files.readString(Path.of("src/main/java/org/postfixtls/wizard/app/deploy/DeployEngine.java"));
        return matches(engine, Pattern.compile("event\\(\"([a-z-]+)\""));
    }

    private static List<String> matches(String text, Pattern pattern) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
