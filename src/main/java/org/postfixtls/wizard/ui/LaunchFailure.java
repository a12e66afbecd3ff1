package org.postfixtls.wizard.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentence printed when the window cannot open. JavaFX wraps the real reason (a missing class, a theme that
 * did not load) in "Unable to construct Application instance"; without the causes the user has nothing to act on.
 */
final class LaunchFailure {

    private static final int MAX_CAUSES = 5;

    private LaunchFailure() {
    }

    static String describe(Throwable failure) {
        List<String> parts = new ArrayList<>();
        Throwable current = failure;
        while (current != null && parts.size() < MAX_CAUSES) {
            String text = current.getMessage() == null || current.getMessage().isBlank()
                    ? current.getClass().getSimpleName()
                    : current.getClass().getSimpleName() + ": " + current.getMessage();
            if (!parts.contains(text)) {
                parts.add(text);
            }
            current = current.getCause() == current ? null : current.getCause();
        }
        return String.join("; caused by ", parts);
    }
}
