package org.postfixtls.wizard.ui.pages;

import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** The chain and key paths of one certificate, each with its ⓘ to postconf(5), as both pickers show them. */
final class CertificatePathsGrid {

    private CertificatePathsGrid() {
    }

    static GridPane of(String chainLabel, String chainParameter, TextField chainPath, String keyLabel,
            String keyParameter, TextField keyPath) {
        GridPane paths = new GridPane();
        paths.setHgap(10);
        paths.setVgap(8);
        paths.addRow(0, DocLink.label(chainLabel, chainParameter), chainPath);
        paths.addRow(1, DocLink.label(keyLabel, keyParameter), keyPath);
        GridPane.setHgrow(chainPath, Priority.ALWAYS);
        GridPane.setHgrow(keyPath, Priority.ALWAYS);
        // one label column width on both pickers, so their path fields line up
        paths.getColumnConstraints().add(labelColumn());
        return paths;
    }

    /** Wide enough for the longest label of the Certificate step. */
    private static ColumnConstraints labelColumn() {
        ColumnConstraints column = new ColumnConstraints();
        column.setMinWidth(260);
        return column;
    }
}
