package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Paint;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Keyboard users see where Tab went: a focused check box draws a different border than an unfocused one. */
@ExtendWith(ApplicationExtension.class)
class FocusRingFxTest {

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void aFocusedCheckBoxShowsARing(FxRobot robot) {
        Themes.applied();
        CheckBox first = new CheckBox("Use sudo");
        CheckBox second = new CheckBox("TLS session cache");
        TextField field = new TextField();
        Platform.runLater(() -> {
            VBox root = new VBox(10, field, first, second);
            root.getStylesheets().add(MainWindow.class.getResource("wizard.css").toExternalForm());
            stage.setScene(new Scene(root, 400, 200));
            stage.show();
            field.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
        Paint unfocused = boxBorder(second);

        robot.interact(second::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();

        assertTrue(second.isFocused());
        assertNotEquals(unfocused, boxBorder(second), "the focused box is drawn differently");
    }

    private static Paint boxBorder(CheckBox box) {
        Region mark = (Region) box.lookup(".box");
        return mark.getBorder() == null || mark.getBorder().getStrokes().isEmpty() ? null
                : mark.getBorder().getStrokes().get(0).getTopStroke();
    }
}
