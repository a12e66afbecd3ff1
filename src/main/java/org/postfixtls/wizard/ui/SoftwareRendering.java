package org.postfixtls.wizard.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Picks JavaFX's software renderer on a Linux machine without graphics hardware (docs/decisions/0073).
 *
 * <p>JavaFX tries OpenGL first. Without a GPU (a VM, a remote desktop, Xvfb) Mesa's software OpenGL answers,
 * JavaFX's hardware check rejects it and falls back to the software renderer anyway, after loading Mesa and LLVM
 * for nothing (about 50 MB resident). No render node under /dev/dri and no NVIDIA device means no OpenGL
 * JavaFX would accept, so it is skipped. An explicit {@code -Dprism.order} always wins.
 */
final class SoftwareRendering {

    private static final List<String> NVIDIA_DEVICES = List.of("nvidiactl", "nvidia0");

    private SoftwareRendering() {
    }

    /**
     * Sets {@code prism.order=sw} when {@link #wanted} says so, and {@code GDK_GL=disable}: GTK would otherwise
     * still load Mesa to list OpenGL visuals. Call before the toolkit starts.
     */
    static void chooseBeforeToolkitStarts() {
        if (wanted(System.getProperty("os.name", ""), System.getProperty("prism.order"), Path.of("/dev"))) {
            System.setProperty("prism.order", "sw");
            ProcessEnvironment.setIfUnset("GDK_GL", "disable");
        }
    }

    static boolean wanted(String osName, String prismOrder, Path devices) {
        if (prismOrder != null || !osName.toLowerCase(Locale.ROOT).contains("linux")) {
            return false;
        }
        return !hasGraphicsDevice(devices);
    }

    private static boolean hasGraphicsDevice(Path devices) {
        for (String nvidia : NVIDIA_DEVICES) {
            if (Files.exists(devices.resolve(nvidia))) {
                return true;
            }
        }
        Path dri = devices.resolve("dri");
        if (!Files.isDirectory(dri)) {
            return false;
        }
        try (Stream<Path> nodes = Files.list(dri)) {
            return nodes.map(node -> node.getFileName().toString())
                    .anyMatch(name -> name.startsWith("renderD") || name.startsWith("card"));
        } catch (IOException | SecurityException e) {
            return true; // cannot tell: leave JavaFX's own choice alone
        }
    }
}
