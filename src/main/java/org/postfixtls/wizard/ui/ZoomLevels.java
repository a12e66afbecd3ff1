package org.postfixtls.wizard.ui;

import java.util.List;

/**
 * Text sizes for Ctrl +/−: a trainer's projector needs larger text than a laptop. Fixed steps, so that repeated
 * presses land on the same sizes and Ctrl 0 returns exactly to normal.
 */
final class ZoomLevels {

    static final double NORMAL = 1.0;
    private static final List<Double> LEVELS = List.of(0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0);
    /** AtlantaFX's base font size; every other size in the theme is relative to it. */
    static final double BASE_FONT_PX = 14;

    private ZoomLevels() {
    }

    static double larger(double current) {
        return LEVELS.stream().filter(level -> level > current + 1e-9).findFirst().orElse(LEVELS.get(LEVELS.size() - 1));
    }

    static double smaller(double current) {
        return LEVELS.reversed().stream().filter(level -> level < current - 1e-9).findFirst().orElse(LEVELS.get(0));
    }

    static String style(double level) {
        return String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", BASE_FONT_PX * level);
    }
}
