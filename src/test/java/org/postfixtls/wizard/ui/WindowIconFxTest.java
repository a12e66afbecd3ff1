package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window icon set rendered by icons/render decodes, at the size each file claims. */
@ExtendWith(ApplicationExtension.class)
class WindowIconFxTest {

    @Start
    void start(Stage stage) {
        // the toolkit must run to decode images; no window is needed
    }

    @Test
    void everyIconSizeDecodesAtItsNominalSize() {
        List<Image> icons = WizardApp.icons();
        assertEquals(WizardApp.ICON_SIZES.size(), icons.size());
        for (int i = 0; i < icons.size(); i++) {
            Image icon = icons.get(i);
            int size = WizardApp.ICON_SIZES.get(i);
            assertFalse(icon.isError(), "icon " + size + " failed to decode: " + icon.getException());
            assertEquals(size, icon.getWidth(), "width of icon-" + size);
            assertEquals(size, icon.getHeight(), "height of icon-" + size);
        }
    }

    @Test
    void theSmallIconIsNotBlank() {
        Image small = WizardApp.icons().getFirst();
        // The 16 px drawing must keep the white envelope: count clearly white, opaque pixels.
        int white = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                int argb = small.getPixelReader().getArgb(x, y);
                if ((argb >>> 24) == 0xff && (argb & 0xffffff) == 0xffffff) {
                    white++;
                }
            }
        }
        assertEquals(true, white >= 30, "expected the envelope's white pixels, found " + white);
    }
}
