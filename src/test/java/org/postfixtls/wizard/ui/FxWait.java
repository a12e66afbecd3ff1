package org.postfixtls.wizard.ui;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Waits for what background work puts on screen; fails with what was expected instead of hanging. */
final class FxWait {

    private FxWait() {
    }

    static void untilShown(FxRobot robot, String query) {
        until("'" + query + "' to be shown", () -> robot.lookup(query).tryQuery().isPresent());
    }

    static void until(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after 20 s waiting for " + what);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
