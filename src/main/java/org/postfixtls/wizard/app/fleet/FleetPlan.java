package org.postfixtls.wizard.app.fleet;

import java.util.List;
import java.util.Set;
import org.postfixtls.wizard.app.deploy.DeployOptions;
import org.postfixtls.wizard.app.deploy.OfflineBundle;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.domain.config.diff.UnifiedDiff;
import org.postfixtls.wizard.domain.config.plan.Change;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.PlanHash;
import org.postfixtls.wizard.domain.config.plan.PlanRequest;
import org.postfixtls.wizard.domain.profile.Profile;

/**
 * One host of a fleet, planned on the control node from the facts the Ansible role discovered on it (decision
 * 0066): the same {@code Planner} call a deploy over SSH makes, and, when there is something to change, the same
 * job the offline bundle ships ({@code apply.sh} and {@code install.sh}), so the host runs the one transaction.
 *
 * @param outsideParts changes the plan needs that lie outside the parts the run was limited to (tags); the host is
 *                     then refused as a whole, never half-applied
 */
public record FleetPlan(ServerFacts facts, ChangeSet changeSet, OfflineBundle.Bundle bundle, String diff,
        PlanHash hash, List<Change> outsideParts) {

    public FleetPlan {
        outsideParts = List.copyOf(outsideParts);
    }

    public static FleetPlan of(ServerFacts facts, Profile profile, DeployOptions options, Set<ProfilePart> parts) {
        PlanRequest request = facts.planRequest(profile);
        OfflineBundle.Bundle bundle = OfflineBundle.create(request,
                options.withConfigDirectory(facts.configDirectory()));
        ChangeSet changeSet = bundle.changeSet();
        List<Change> outside = changeSet.changes().stream().filter(c -> !parts.contains(ProfilePart.of(c))).toList();
        return new FleetPlan(facts, changeSet, bundle, UnifiedDiff.of(changeSet), PlanHash.of(changeSet), outside);
    }

    /** Something to write, and allowed: the role applies the bundle. */
    public boolean applies() {
        return !changeSet.isEmpty() && !changeSet.refused() && outsideParts.isEmpty();
    }

    /** Why this host must not be changed now, or null. */
    public String refusal() {
        if (changeSet.refused()) {
            return String.join(" ", changeSet.refusals()) + " Nothing was changed.";
        }
        if (!outsideParts.isEmpty()) {
            return "the plan also changes parts this run was not limited to (" + String.join("; ",
                    outsideParts.stream().map(c -> ProfilePart.of(c).tag() + ": " + c.summary()).toList())
                    + "); run without --tags, or with those parts' tags too. Nothing was changed.";
        }
        return null;
    }
}
