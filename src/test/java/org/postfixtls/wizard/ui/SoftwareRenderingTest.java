package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoftwareRenderingTest {

    @TempDir
    Path dev;

    @Test
    void aLinuxMachineWithoutGraphicsDevicesGetsTheSoftwareRenderer() throws IOException {
        Files.createDirectories(dev.resolve("dri"));

        assertTrue(SoftwareRendering.wanted("Linux", null, dev));
    }

    @Test
    void noDriDirectoryAtAllIsNoGraphicsHardware() {
        assertTrue(SoftwareRendering.wanted("Linux", null, dev));
    }

    @Test
    void aRenderNodeLeavesJavaFxItsOwnChoice() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));

        assertFalse(SoftwareRendering.wanted("Linux", null, dev));
    }

    @Test
    void theNvidiaDriversDeviceLeavesJavaFxItsOwnChoice() throws IOException {
        Files.createFile(dev.resolve("nvidiactl"));

        assertFalse(SoftwareRendering.wanted("Linux", null, dev));
    }

    @Test
    void anExplicitPrismOrderWins() {
        assertFalse(SoftwareRendering.wanted("Linux", "es2,sw", dev));
    }

    @Test
    void otherSystemsAreLeftAlone() {
        assertFalse(SoftwareRendering.wanted("Windows 11", null, dev));
        assertFalse(SoftwareRendering.wanted("Mac OS X", null, dev));
    }
}
