package org.postfixtls.wizard.domain.verify;

import java.util.Collection;

/** How several checks add up: one fail fails the whole, a warn beats a pass, all skipped stays skipped. */
public final class Verdicts {

    private Verdicts() {
    }

    public static CheckStatus worst(Collection<Check> checks) {
        boolean anyPass = false;
        boolean anyWarn = false;
        for (Check check : checks) {
            switch (check.status()) {
                case FAIL -> {
                    return CheckStatus.FAIL;
                }
                case WARN -> anyWarn = true;
                case PASS -> anyPass = true;
                case SKIPPED -> { }
            }
        }
        return anyWarn ? CheckStatus.WARN : anyPass ? CheckStatus.PASS : CheckStatus.SKIPPED;
    }
}
