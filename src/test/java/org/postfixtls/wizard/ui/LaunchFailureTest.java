package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import org.junit.jupiter.api.Test;

class LaunchFailureTest {

    @Test
    void namesTheUnderlyingCauseNotOnlyTheWrapper() {
        RuntimeException failure = new RuntimeException("Unable to construct Application instance: class WizardApp",
                new InvocationTargetException(new NoClassDefFoundError("atlantafx/base/theme/PrimerLight")));

        String text = LaunchFailure.describe(failure);

        assertTrue(text.startsWith("RuntimeException: Unable to construct Application instance"), text);
        assertTrue(text.contains("caused by InvocationTargetException"), text);
        assertTrue(text.endsWith("caused by NoClassDefFoundError: atlantafx/base/theme/PrimerLight"), text);
    }

    @Test
    void aFailureWithoutCauseIsDescribedOnce() {
        assertEquals("IllegalStateException: no display",
                LaunchFailure.describe(new IllegalStateException("no display")));
    }
}
