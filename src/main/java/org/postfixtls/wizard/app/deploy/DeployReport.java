package org.postfixtls.wizard.app.deploy;

import java.util.List;
import java.util.Optional;
import org.postfixtls.wizard.app.remote.SessionStats;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.PlanHash;

/**
 * The result of {@link DeployEngine#deploy} or {@link DeployEngine#rollback}.
 *
 * @param deployId       the job id on the server (null when no job was created: no changes, dry run)
 * @param failedStep     the step that failed (null on success)
 * @param message        one sentence for people
 * @param changeSet      the plan (null for a rollback); for {@link DeployOutcome#PLAN_CHANGED} the new plan, which
 *                       was not deployed
 * @param diff           unified diff of the live files against the new ones
 * @param lintFindings   lint of the planned configuration ({@code id severity: message})
 * @param certFindings   certificate/key findings of the certificate the new main.cf names ({@code id: message})
 * @param steps          every progress event, in order
 */
public record DeployReport(String deployId, DeployOutcome outcome, String failedStep, String message,
        ChangeSet changeSet, String diff, List<String> lintFindings, List<String> certFindings,
        List<StepEvent> steps, SessionStats stats) {

    public DeployReport {
        lintFindings = List.copyOf(lintFindings);
        certFindings = List.copyOf(certFindings);
        steps = List.copyOf(steps);
    }

    /** The plan's hash (what {@code deploy --expect-plan} and the GUI's approval compare); empty for a rollback. */
    public Optional<PlanHash> planHash() {
        return Optional.ofNullable(changeSet).map(PlanHash::of);
    }
}
