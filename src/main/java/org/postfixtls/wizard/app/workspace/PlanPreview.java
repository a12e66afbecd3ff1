package org.postfixtls.wizard.app.workspace;

import java.util.List;
import org.postfixtls.wizard.domain.config.lint.Finding;
import org.postfixtls.wizard.domain.config.lint.LintInput;
import org.postfixtls.wizard.domain.config.lint.Linter;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * What the preview step shows: the planned change set and the lint findings of the configuration as it will be
 * after the change (findings of today's files that the plan fixes do not appear).
 */
public record PlanPreview(ChangeSet changeSet, List<Finding> findingsAfter) {

    public PlanPreview {
        findingsAfter = List.copyOf(findingsAfter);
    }

    public static PlanPreview of(ServerFiles server, Profile profile) {
        ChangeSet changes = Planner.plan(server.planRequest(profile));
        String policy = changes.file(Planner.TLS_POLICY).map(f -> f.after()).orElse(server.policyMap());
        List<Finding> findings = Linter.lintPlanned(LintInput.of(server.mainCf(), server.masterCf(),
                server.policyMap(), server.version()).withRuntime(server.runtime()),
                LintInput.of(changes.running(Planner.MAIN_CF), changes.running(Planner.MASTER_CF), policy,
                        server.version()).withRuntime(server.runtime()));
        return new PlanPreview(changes, findings);
    }
}
