package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The demo's Verify: a verification of the demo configuration recorded from a real Postfix 3.7 test server, as found
 * and after deploying the demo's choices, switchable for a class. Labelled as recorded, with date and server.
 */
final class VerifyRecordings {

    private final Label label = PageScaffold.note("", Material2OutlinedMZ.SCIENCE, Styles.WARNING);
    private final VerifyResultsView results = new VerifyResultsView("verify-recorded-", "recorded-");
    private final ToggleButton before = new ToggleButton("Before: the server as found");
    private final ToggleButton after = new ToggleButton("After: the demo's choices deployed");

    Node node() {
        label.setId("verify-recorded-label");
        before.setId("verify-recorded-before");
        after.setId("verify-recorded-after");
        ToggleGroup moments = new ToggleGroup();
        before.setToggleGroup(moments);
        after.setToggleGroup(moments);
        moments.selectedToggleProperty().addListener((o, old, chosen) -> {
            if (chosen == null) {
                old.setSelected(true); // one recording is always shown
            } else {
                show(chosen == before ? RecordedVerification.Moment.BEFORE : RecordedVerification.Moment.AFTER);
            }
        });
        before.setSelected(true);
        VBox box = new VBox(10, PageScaffold.section("Recorded verification of the demo configuration"), label,
                new HBox(8, before, after), results.summary, results.tiles,
                PageScaffold.section("The runbook's \"Done\" checklist (recorded)"), results.checklist, results.other);
        box.setId("verify-recorded");
        box.getStyleClass().add("recorded-verification");
        return box;
    }

    private void show(RecordedVerification.Moment moment) {
        try {
            RecordedVerification recording = RecordedVerification.load(moment);
            label.setText(recording.label());
            results.show(recording.display());
        } catch (RuntimeException missing) { // a build without the recordings still shows the rest of the step
            label.setText("This build has no recorded verification to show. " + missing.getMessage());
        }
    }
}
