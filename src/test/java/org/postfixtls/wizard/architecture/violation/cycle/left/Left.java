package org.postfixtls.wizard.architecture.violation.cycle.left;

import org.postfixtls.wizard.architecture.violation.cycle.right.Right;

/** Fixture: half of a package cycle that the slices rule must reject. Never used by production code. */
public final class Left {

    public Right partner() {
        return new Right();
    }
}
