package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ZoomLevelsTest {

    @Test
    void stepsUpAndDownAndStopsAtTheEnds() {
        assertEquals(1.15, ZoomLevels.larger(1.0));
        assertEquals(0.9, ZoomLevels.smaller(1.0));
        assertEquals(2.0, ZoomLevels.larger(2.0), "no larger than twice the normal size");
        assertEquals(0.8, ZoomLevels.smaller(0.8));
        assertEquals(1.0, ZoomLevels.smaller(ZoomLevels.larger(1.0)), "up then down is back to normal");
    }

    @Test
    void theStyleScalesTheThemesBaseFontSize() {
        assertEquals("-fx-font-size: 21.0px;", ZoomLevels.style(1.5));
    }
}
