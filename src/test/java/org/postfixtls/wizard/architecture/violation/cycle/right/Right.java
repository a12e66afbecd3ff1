package org.postfixtls.wizard.architecture.violation.cycle.right;

import org.postfixtls.wizard.architecture.violation.cycle.left.Left;

/** Fixture: the other half of the package cycle. */
public final class Right {

    public Left partner() {
        return new Left();
    }
}
