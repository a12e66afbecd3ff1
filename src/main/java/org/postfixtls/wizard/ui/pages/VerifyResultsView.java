package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.domain.verify.CheckStatus;

/**
 * Draws a verification on screen: the summary sentence, one tile per port, the "Done" checklist and the other
 * findings. The live run and the demo's recordings use one each, with their own node ids.
 */
final class VerifyResultsView {

    final Label summary = new Label();
    final FlowPane tiles = new FlowPane(12, 12);
    final VBox checklist = new VBox(6);
    final VBox other = new VBox(6);
    private final String nodePrefix;

    /** {@code idPrefix} names the containers ("verify-" → "verify-summary"), {@code nodePrefix} tiles and lines. */
    VerifyResultsView(String idPrefix, String nodePrefix) {
        this.nodePrefix = nodePrefix;
        summary.setId(idPrefix + "summary");
        summary.setWrapText(true);
        tiles.setId(idPrefix + "tiles");
        checklist.setId(idPrefix + "checklist");
        other.setId(idPrefix + "other");
    }

    /** The summary line; a null status is a plain sentence without icon. */
    void summary(VerifyRun.Summary line) {
        summary.setText(line == null ? "" : line.text());
        summary.setGraphic(line == null || line.status() == null ? null : icon(line.status()));
        summary.getStyleClass().setAll("label");
        if (line != null && line.status() != null) {
            summary.getStyleClass().add(style(line.status()));
        }
    }

    void tiles(List<VerifyDisplay.Tile> shown) {
        tiles.getChildren().setAll(shown.stream().map(this::tile).toList());
    }

    /** The checklist and the other sections of a finished verification; null clears them. */
    void findings(VerifyDisplay display) {
        if (display == null) {
            checklist.getChildren().clear();
            other.getChildren().clear();
            return;
        }
        checklist.getChildren().setAll(display.checklist().stream().map(this::line).toList());
        other.getChildren().clear();
        for (VerifyDisplay.Section section : display.sections()) {
            other.getChildren().add(PageScaffold.section(section.title()));
            section.lines().forEach(l -> other.getChildren().add(line(l)));
            if (section.note() != null) {
                Label note = new Label(section.note());
                note.setWrapText(true);
                other.getChildren().add(note);
            }
        }
    }

    /** All of a finished verification at once (the recordings). */
    void show(VerifyDisplay display) {
        summary(new VerifyRun.Summary(display.summary(), display.status()));
        tiles(display.tiles());
        findings(display);
    }

    private VBox tile(VerifyDisplay.Tile shown) {
        VBox tile = new VBox(4);
        tile.getStyleClass().add("port-tile");
        tile.setId(nodePrefix + "tile-" + shown.port());
        tile.setPadding(new Insets(10));
        tile.setPrefWidth(250);
        Label title = new Label(shown.title(), icon(shown.status()));
        title.getStyleClass().addAll(Styles.TITLE_4, style(shown.status()));
        tile.getChildren().add(title);
        for (VerifyDisplay.TileLine text : shown.lines()) {
            Label label = new Label(text.text());
            label.setWrapText(true);
            if (text.small()) {
                label.getStyleClass().add(Styles.TEXT_SMALL);
            }
            tile.getChildren().add(label);
        }
        return tile;
    }

    private Node line(VerifyDisplay.Line check) {
        Label line = new Label(check.text(), icon(check.status()));
        line.setWrapText(true);
        line.getStyleClass().add(style(check.status()));
        line.setId(nodePrefix + "check-" + check.id());
        if (!check.evidence().isEmpty()) {
            Tooltip.install(line, new Tooltip(String.join("\n", check.evidence())));
        }
        return line;
    }

    private static Ikon iconCode(CheckStatus status) {
        return switch (status) {
            case PASS -> Material2OutlinedAL.CHECK_CIRCLE;
            case WARN -> Material2OutlinedMZ.WARNING;
            case FAIL -> Material2OutlinedMZ.REPORT;
            case SKIPPED -> Material2OutlinedMZ.REMOVE_CIRCLE_OUTLINE;
        };
    }

    private static FontIcon icon(CheckStatus status) {
        return new FontIcon(iconCode(status));
    }

    private static String style(CheckStatus status) {
        return switch (status) {
            case PASS -> Styles.SUCCESS;
            case WARN -> Styles.WARNING;
            case FAIL -> Styles.DANGER;
            case SKIPPED -> Styles.TEXT_MUTED;
        };
    }
}
