package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
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
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** Protocol floor, cipher grades and exclusions, with the three presets one click away. */
public final class HardeningPage {

    static final String POSTFIX_DEFAULT = "Postfix default";

    private HardeningPage() {
    }

    public static VBox create(WizardModel model) {
        VBox page = PageScaffold.page("hardening", "Hardening",
                "Which TLS versions and ciphers the server accepts. A preset sets every TLS choice of the wizard at "
                        + "once (levels, submission, hardening, caches, logging); your certificate and domain policies stay.");

        HBox presets = new HBox(10);
        Label current = new Label();
        current.setId("hardening-current-preset");
        for (Preset preset : Preset.values()) {
            Button button = new Button(title(preset));
            button.setId("preset-" + preset.jsonName());
            button.setOnAction(e -> model.setProfile(ProfileEdits.withPreset(model.getProfile(), preset)));
            presets.getChildren().add(button);
        }
        presets.getChildren().add(current);
        presets.setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> floor = new ComboBox<>();
        floor.setId("hardening-floor");
        floor.getItems().setAll(POSTFIX_DEFAULT, "TLSv1.2", "TLSv1.3");
        CheckBox floorOnPort25 = new CheckBox("Apply the floor to opportunistic TLS on port 25 too");
        floorOnPort25.setId("hardening-floor-opportunistic");
        ComboBox<String> mandatoryGrade = gradeBox("hardening-mandatory-ciphers");
        ComboBox<String> opportunisticGrade = gradeBox("hardening-opportunistic-ciphers");
        TextField exclude = new TextField();
        exclude.setId("hardening-exclude");
        exclude.setPromptText("e.g. aNULL, RC4, 3DES");
        ComboBox<String> eecdh = new ComboBox<>();
        eecdh.setId("hardening-eecdh");
        eecdh.getItems().setAll(POSTFIX_DEFAULT, "auto", "strong", "ultra");
        Label eecdhReason = PageScaffold.muted("");
        CheckBox sessionCache = new CheckBox("TLS session cache for inbound and outbound connections");
        sessionCache.setId("hardening-session-cache");

        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(10);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(190);
        javafx.scene.layout.ColumnConstraints controls = new javafx.scene.layout.ColumnConstraints();
        controls.setMinWidth(170);
        javafx.scene.layout.ColumnConstraints help = new javafx.scene.layout.ColumnConstraints();
        help.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        grid.getColumnConstraints().setAll(names, controls, help);
        for (ComboBox<String> box : List.of(floor, mandatoryGrade, opportunisticGrade, eecdh)) {
            box.setMaxWidth(Double.MAX_VALUE);
        }
        grid.addRow(0, new Label("Oldest TLS version"), floor);
        grid.add(PageScaffold.muted("TLS 1.0 and 1.1 are broken (RFC 8996). Postfix 3.6+ writes >=TLSv1.2; older "
                + "versions get the equivalent !SSLv2, !SSLv3, !TLSv1, !TLSv1.1 list."), 2, 0);
        grid.add(floorOnPort25, 1, 1, 2, 1);
        grid.addRow(2, new Label("Mandatory TLS ciphers"), mandatoryGrade);
        grid.addRow(3, new Label("Opportunistic TLS ciphers"), opportunisticGrade);
        grid.add(PageScaffold.muted("Port 25 with 'may': weak ciphers still beat plaintext, which is what a peer "
                + "that cannot negotiate falls back to."), 2, 3);
        grid.addRow(4, new Label("Exclude ciphers"), exclude);
        grid.addRow(5, new Label("EECDH grade"), eecdh, eecdhReason);

        Label floorWarning = PageScaffold.note("Port 25 with a TLS 1.2 floor: old senders that cannot do TLS 1.2 "
                + "fall back to plaintext instead of TLS 1.0 — weaker, not stronger.", Material2OutlinedMZ.WARNING,
                Styles.WARNING);
        floorWarning.setId("hardening-floor-warning");

        boolean[] updating = {false};
        Runnable showModel = () -> {
            updating[0] = true;
            try {
                Profile profile = model.getProfile();
                Profile.Hardening h = profile.hardening();
                boolean pristine = ProfileEdits.withPreset(profile, profile.preset()).equals(profile);
                current.setText("Current: " + title(profile.preset()) + " preset" + (pristine ? "" : ", with your changes"));
                floor.setValue(h.protocolFloor() == null ? POSTFIX_DEFAULT : h.protocolFloor());
                floorOnPort25.setSelected(h.floorOnOpportunistic());
                floorOnPort25.setDisable(h.protocolFloor() == null);
                mandatoryGrade.setValue(h.mandatoryCiphers() == null ? POSTFIX_DEFAULT : h.mandatoryCiphers());
                opportunisticGrade.setValue(h.opportunisticCiphers() == null ? POSTFIX_DEFAULT : h.opportunisticCiphers());
                String excluded = String.join(", ", h.excludeCiphers());
                if (!excluded.equals(normalise(exclude.getText()))) {
                    exclude.setText(excluded);
                }
                eecdh.setValue(h.eecdhGrade() == null ? POSTFIX_DEFAULT : h.eecdhGrade());
                sessionCache.setSelected(profile.sessionCache().enabled());
                floorWarning.setVisible(h.floorOnOpportunistic() && h.protocolFloor() != null);
                floorWarning.setManaged(floorWarning.isVisible());
                PostfixVersion version = model.getServer() == null ? null : model.getServer().version();
                boolean modern = version != null && version.atLeast(PostfixVersion.MODERN_TLS);
                eecdh.setDisable(modern);
                eecdhReason.setText(modern ? "Not used by Postfix " + version + " (3.6 and later choose curves "
                        + "themselves); the wizard removes it." : "Postfix before 3.6 only.");
            } finally {
                updating[0] = false;
            }
        };
        showModel.run();
        model.profileProperty().addListener((o, old, p) -> showModel.run());
        model.serverProperty().addListener((o, old, s) -> showModel.run());

        Runnable store = () -> {
            if (updating[0]) {
                return;
            }
            Profile profile = model.getProfile();
            Profile.Hardening h = profile.hardening();
            String floorValue = valueOf(floor.getValue());
            Profile.Hardening wanted = new Profile.Hardening(floorValue, floorValue != null && floorOnPort25.isSelected(),
                    valueOf(mandatoryGrade.getValue()), valueOf(opportunisticGrade.getValue()), excludeList(exclude.getText()),
                    h.clientSide(), valueOf(eecdh.getValue()), h.preferServerCiphers());
            Profile edited = ProfileEdits.withHardening(profile, wanted);
            if (sessionCache.isSelected() != profile.sessionCache().enabled()) {
                edited = new Profile(edited.schema(), edited.preset(), edited.certificate(), edited.outbound(),
                        edited.inbound(), edited.submission(), edited.hardening(),
                        new Profile.SessionCache(sessionCache.isSelected(), profile.sessionCache().timeoutSeconds()),
                        edited.logging(), edited.policies(), edited.mtaSts());
            }
            if (!edited.equals(profile)) {
                model.setProfile(edited);
            }
        };
        floor.valueProperty().addListener((o, old, v) -> store.run());
        floorOnPort25.selectedProperty().addListener((o, old, v) -> store.run());
        mandatoryGrade.valueProperty().addListener((o, old, v) -> store.run());
        opportunisticGrade.valueProperty().addListener((o, old, v) -> store.run());
        exclude.textProperty().addListener((o, old, v) -> store.run());
        eecdh.valueProperty().addListener((o, old, v) -> store.run());
        sessionCache.selectedProperty().addListener((o, old, v) -> store.run());

        page.getChildren().addAll(PageScaffold.section("Presets"), presets,
                PageScaffold.muted("Runbook: the hardening runbook (seed 000). Mandatory: the mandatory-TLS guide "
                        + "(seed 001) — outbound encrypt, mail to servers without TLS queues. Recommended: Postfix's "
                        + "TLS_README — opportunistic on port 25, strict on submission."),
                PageScaffold.section("Protocols and ciphers"), grid, floorWarning, sessionCache,
                new Label("The Preview step shows every line this changes, with the reason.",
                        new FontIcon(Material2OutlinedAL.COMPARE)));
        return page;
    }

    static String title(Preset preset) {
        return switch (preset) {
            case RUNBOOK -> "Runbook";
            case MANDATORY -> "Mandatory";
            case RECOMMENDED -> "Recommended";
        };
    }

    private static ComboBox<String> gradeBox(String id) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(POSTFIX_DEFAULT, "high", "medium");
        return box;
    }

    private static String valueOf(String choice) {
        return choice == null || POSTFIX_DEFAULT.equals(choice) ? null : choice;
    }

    static List<String> excludeList(String text) {
        return Arrays.stream(text == null ? new String[0] : text.split("[,\\s]+"))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String normalise(String text) {
        return String.join(", ", excludeList(text));
    }
}
