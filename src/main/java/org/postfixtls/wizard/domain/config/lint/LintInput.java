package org.postfixtls.wizard.domain.config.lint;

import org.postfixtls.wizard.domain.config.maincf.MainCf;
import org.postfixtls.wizard.domain.config.mastercf.MasterCf;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.config.policy.PolicyMap;

/** The configuration to check; {@code policyMap} is null when there is no policy table source file. */
public record LintInput(MainCf main, MasterCf master, PolicyMap policyMap, PostfixVersion version) {

    public static LintInput of(String mainCf, String masterCf, String policyMap, PostfixVersion version) {
        return new LintInput(MainCf.parse(mainCf), MasterCf.parse(masterCf),
                policyMap == null ? null : PolicyMap.parse(policyMap), version);
    }
}
