package org.postfixtls.wizard.app.plan;

import java.util.List;
import org.postfixtls.wizard.domain.config.lint.Finding;
import org.postfixtls.wizard.domain.config.lint.LintInput;
import org.postfixtls.wizard.domain.config.lint.Linter;
import org.postfixtls.wizard.domain.config.lint.Severity;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.FileChange;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.config.plan.Planner;

/**
 * The one planning pipeline: the change set for a profile and the lint findings of the configuration as it will be
 * after the change (findings of today's files that the plan fixes do not appear). The wizard's Preview, the deploy
 * (which re-plans from the live files), the offline bundle and {@code plan} on the command line all make their plan
 * here, so what the user approved is what is applied.
 */
public record PlanPreview(PlanRequest request, ChangeSet changeSet, List<Finding> findingsAfter) {

    public PlanPreview {
        findingsAfter = List.copyOf(findingsAfter);
    }

    public static PlanPreview of(PlanRequest request) {
        ChangeSet changes = Planner.plan(request);
        List<Finding> findings = Linter.lintPlanned(before(request), after(request, changes));
        return new PlanPreview(request, changes, findings);
    }

    /** Lint errors of the planned files that today's files do not have: the plan's own, never to pass silently. */
    public List<Finding> introducedErrors() {
        List<String> existing = Linter.lint(before(request)).stream().map(Finding::id).toList();
        return findingsAfter.stream().filter(f -> f.severity() == Severity.ERROR && !existing.contains(f.id())).toList();
    }

    private static LintInput before(PlanRequest request) {
        return LintInput.of(request.mainCf(), request.masterCf(), request.policyMap(), request.version())
                .withRuntime(request.runtime());
    }

    private static LintInput after(PlanRequest request, ChangeSet changes) {
        String policy = changes.file(Planner.TLS_POLICY).map(FileChange::after).orElse(request.policyMap());
        // running(): what Postfix runs after the change, a stack's override file applied the way the stack does
        return LintInput.of(changes.running(Planner.MAIN_CF), changes.running(Planner.MASTER_CF), policy,
                request.version()).withRuntime(request.runtime());
    }
}
