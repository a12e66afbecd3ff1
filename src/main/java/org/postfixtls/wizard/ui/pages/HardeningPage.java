package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** Protocol floor, cipher grades and exclusions, with the three presets one click away. */
public final class HardeningPage {

    private final WizardModel model;
    private final Label current = new Label();
    private final ComboBox<String> floor = new ComboBox<>();
    private final CheckBox floorOnPort25 = new CheckBox("Apply the floor to opportunistic TLS on port 25 too");
    private final ComboBox<String> mandatoryGrade = gradeBox("hardening-mandatory-ciphers");
    private final ComboBox<String> opportunisticGrade = gradeBox("hardening-opportunistic-ciphers");
    private final TextField exclude = new TextField();
    private final ComboBox<String> eecdh = new ComboBox<>();
    private final Label eecdhReason = PageScaffold.muted("");
    private final Label excludeNote = PageScaffold.muted("");
    private final CheckBox sessionCache = new CheckBox("TLS session cache for inbound and outbound connections");
    private final CheckBox postQuantum = new CheckBox("Post-quantum hybrid key exchange (X25519MLKEM768)");
    private final Label postQuantumReason = PageScaffold.muted("");
    private final Label floorWarning = PageScaffold.note("Port 25 with a TLS 1.2 floor: old senders that cannot do "
            + "TLS 1.2 fall back to plaintext instead of TLS 1.0 — weaker, not stronger.", Material2OutlinedMZ.WARNING,
            Styles.WARNING);
    /** True while the controls are set from the model, so their listeners do not write it back. */
    private boolean updating;

    private HardeningPage(WizardModel model) {
        this.model = model;
    }

    public static VBox create(WizardModel model) {
        VBox page = PageScaffold.page("hardening", "Hardening",
                "Which TLS versions and ciphers the server accepts. A preset sets every TLS choice of the wizard at "
                        + "once (levels, submission, hardening, caches, logging); your certificate and domain policies stay.");
        HardeningPage hardening = new HardeningPage(model);
        hardening.setUpControls();
        hardening.showModel();
        model.profileProperty().addListener((o, old, p) -> hardening.showModel());
        model.serverProperty().addListener((o, old, s) -> hardening.showModel());
        hardening.storeOnEdit();
        page.getChildren().addAll(PageScaffold.section("Presets"), hardening.presets(),
                PageScaffold.muted("Runbook: the hardening runbook. Mandatory: the mandatory-TLS guide — outbound "
                        + "encrypt, mail to servers without TLS queues. Recommended: Postfix's TLS_README — "
                        + "opportunistic on port 25, strict on submission."),
                InboundPage.port25Warning(model), comparison(),
                PageScaffold.section("Protocols and ciphers"), hardening.grid(), hardening.floorWarning,
                DocLink.beside(hardening.sessionCache, "smtpd_tls_session_cache_database"),
                new Label("The Preview step shows every line this changes, with the reason.",
                        new FontIcon(Material2OutlinedAL.COMPARE)));
        return page;
    }

    private void setUpControls() {
        current.setId("hardening-current-preset");
        floor.setId("hardening-floor");
        floor.getItems().setAll(HardeningChoices.FLOORS);
        floorOnPort25.setId("hardening-floor-opportunistic");
        exclude.setId("hardening-exclude");
        exclude.setPromptText("e.g. aNULL, RC4, 3DES");
        eecdh.setId("hardening-eecdh");
        eecdh.getItems().setAll(HardeningChoices.EECDH_GRADES);
        sessionCache.setId("hardening-session-cache");
        postQuantum.setId("hardening-pq");
        postQuantumReason.setId("hardening-pq-reason");
        postQuantumReason.setWrapText(true);
        floorWarning.setId("hardening-floor-warning");
        for (ComboBox<String> box : List.of(floor, mandatoryGrade, opportunisticGrade, eecdh)) {
            box.setMaxWidth(Double.MAX_VALUE);
        }
    }

    private HBox presets() {
        HBox presets = new HBox(10);
        for (Preset preset : Preset.values()) {
            Button button = new Button(HardeningChoices.title(preset));
            button.setId("preset-" + preset.jsonName());
            button.setOnAction(e -> model.setProfile(HardeningChoices.applyPreset(model.getProfile(), preset)));
            presets.getChildren().add(button);
        }
        presets.getChildren().add(current);
        presets.setAlignment(Pos.CENTER_LEFT);
        return presets;
    }

    /** One row per setting: its name with the ⓘ to postconf(5), the control, and why. */
    private GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // a name and its ⓘ are never covered
        javafx.scene.layout.ColumnConstraints controls = new javafx.scene.layout.ColumnConstraints();
        controls.setMinWidth(170);
        javafx.scene.layout.ColumnConstraints help = new javafx.scene.layout.ColumnConstraints();
        help.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, controls, help);
        grid.addRow(0, DocLink.label("Oldest TLS version", "smtpd_tls_mandatory_protocols"), floor);
        grid.add(PageScaffold.muted("TLS 1.0 and 1.1 are broken (RFC 8996). Postfix 3.6+ writes >=TLSv1.2; older "
                + "versions get the equivalent !SSLv2, !SSLv3, !TLSv1, !TLSv1.1 list."), 2, 0);
        grid.add(DocLink.beside(floorOnPort25, "smtpd_tls_protocols"), 1, 1, 2, 1);
        grid.addRow(2, DocLink.label("Mandatory TLS ciphers", "smtpd_tls_mandatory_ciphers"), mandatoryGrade);
        grid.addRow(3, DocLink.label("Opportunistic TLS ciphers", "smtpd_tls_ciphers"), opportunisticGrade);
        grid.add(PageScaffold.muted("Port 25 with 'may': weak ciphers still beat plaintext, which is what a peer "
                + "that cannot negotiate falls back to."), 2, 3);
        grid.add(DocLink.label("Exclude ciphers", "smtpd_tls_exclude_ciphers"), 0, 4);
        exclude.setMaxWidth(360); // spans into the help column so its example is never cut
        grid.add(exclude, 1, 4, 2, 1);
        excludeNote.setWrapText(true);
        grid.add(excludeNote, 1, 5, 2, 1);
        grid.addRow(6, DocLink.label("EECDH grade", "smtpd_tls_eecdh_grade"), eecdh, eecdhReason);
        grid.add(DocLink.label("Key exchange", "tls_eecdh_auto_curves"), 0, 7);
        grid.add(postQuantum, 1, 7, 2, 1);
        Label pqHelp = PageScaffold.muted(HardeningChoices.PQ_HELP);
        pqHelp.setWrapText(true);
        grid.add(new VBox(4, postQuantumReason, pqHelp), 1, 8, 2, 1);
        return grid;
    }

    private void showModel() {
        updating = true;
        try {
            Profile profile = model.getProfile();
            Profile.Hardening h = profile.hardening();
            HardeningChoices.Form shown = HardeningChoices.Form.of(profile);
            current.setText(HardeningChoices.presetLabel(profile));
            floor.setValue(shown.floor());
            floorOnPort25.setSelected(shown.floorOnPort25());
            floorOnPort25.setDisable(!HardeningChoices.floorOnPort25Applies(h));
            mandatoryGrade.setValue(shown.mandatoryCiphers());
            opportunisticGrade.setValue(shown.opportunisticCiphers());
            if (!shown.exclude().equals(HardeningChoices.normalise(exclude.getText()))) {
                exclude.setText(shown.exclude());
            }
            eecdh.setValue(shown.eecdh());
            sessionCache.setSelected(shown.sessionCache());
            floorWarning.setVisible(HardeningChoices.floorWarningShown(h));
            floorWarning.setManaged(floorWarning.isVisible());
            HardeningChoices.Eecdh eecdhChoice =
                    HardeningChoices.eecdh(model.getServer() == null ? null : model.getServer().version());
            eecdh.setDisable(!eecdhChoice.enabled());
            postQuantum.setSelected(shown.postQuantum());
            HardeningChoices.PostQuantumChoice pq = HardeningChoices.postQuantum(model.getServer());
            postQuantum.setDisable(!pq.enabled());
            postQuantumReason.setText(pq.reason());
            eecdhReason.setText(eecdhChoice.reason());
            excludeNote.setText(HardeningChoices.exclusionsNote(
                    model.getServer() == null ? null : model.getServer().version()));
        } finally {
            updating = false;
        }
    }

    private void storeOnEdit() {
        Runnable store = () -> {
            if (updating) {
                return;
            }
            PageScaffold.store(model, HardeningChoices.edit(model.getProfile(), new HardeningChoices.Form(
                    floor.getValue(), floorOnPort25.isSelected(), mandatoryGrade.getValue(),
                    opportunisticGrade.getValue(), exclude.getText(), eecdh.getValue(), sessionCache.isSelected(),
                    postQuantum.isSelected())));
        };
        floor.valueProperty().addListener((o, old, v) -> store.run());
        floorOnPort25.selectedProperty().addListener((o, old, v) -> store.run());
        mandatoryGrade.valueProperty().addListener((o, old, v) -> store.run());
        opportunisticGrade.valueProperty().addListener((o, old, v) -> store.run());
        exclude.textProperty().addListener((o, old, v) -> store.run());
        eecdh.valueProperty().addListener((o, old, v) -> store.run());
        sessionCache.selectedProperty().addListener((o, old, v) -> store.run());
        postQuantum.selectedProperty().addListener((o, old, v) -> store.run());
    }

    private static ComboBox<String> gradeBox(String id) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(HardeningChoices.CIPHER_GRADES);
        return box;
    }

    /** The presets side by side, collapsed until asked for; rows where they differ are in bold. */
    private static javafx.scene.control.TitledPane comparison() {
        javafx.scene.layout.GridPane grid = new javafx.scene.layout.GridPane();
        grid.setHgap(16);
        grid.setVgap(4);
        grid.add(new Label("Setting"), 0, 0);
        for (int c = 0; c < PresetComparison.ORDER.size(); c++) {
            Label head = new Label(PresetComparison.title(PresetComparison.ORDER.get(c)));
            head.getStyleClass().add(Styles.TEXT_BOLD);
            grid.add(head, c + 1, 0);
        }
        int r = 1;
        for (PresetComparison.Row row : PresetComparison.rows()) {
            Label setting = new Label(row.setting());
            if (row.differs()) {
                setting.getStyleClass().add(Styles.TEXT_BOLD);
            }
            grid.add(setting, 0, r);
            for (int c = 0; c < row.values().size(); c++) {
                Label value = new Label(row.values().get(c));
                value.setMnemonicParsing(false);
                grid.add(value, c + 1, r);
            }
            r++;
        }
        javafx.scene.control.TitledPane pane = new javafx.scene.control.TitledPane("Compare the presets", grid);
        pane.setId("hardening-preset-comparison");
        pane.setExpanded(false);
        return pane;
    }
}
