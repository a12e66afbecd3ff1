package org.postfixtls.wizard.ui;

import atlantafx.base.theme.Styles;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.postfixtls.wizard.ui.pages.ProfileFiles;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.AppInfo;
import org.postfixtls.wizard.ui.theme.Theme;
import org.postfixtls.wizard.ui.theme.ThemeManager;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardNavigator;
import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.ui.wizard.WizardStep;

/** The window's layout: step list on the left, the current step in the middle, navigation at the bottom. */
public final class MainWindow extends BorderPane {

    private final WizardNavigator navigator;
    private final WizardModel model;
    private final WizardServices services;
    private final Map<WizardStep, Node> pages = new HashMap<>();
    private final ScrollPane pageHolder = new ScrollPane();
    private double zoom = ZoomLevels.NORMAL;

    public MainWindow(WizardNavigator navigator, WizardModel model, WizardServices services, ThemeManager themes) {
        getStylesheets().add(MainWindow.class.getResource("wizard.css").toExternalForm());
        this.navigator = navigator;
        this.model = model;
        this.services = services;
        getStyleClass().add("main-window");
        setTop(header(themes));
        setLeft(stepList());
        setCenter(org.postfixtls.wizard.ui.pages.Confirmations.pane(pageHolder));
        setBottom(navigationBar());

        pageHolder.setFitToWidth(true);
        pageHolder.setId("page-holder");
        showPage(navigator.getCurrent());
        navigator.currentProperty().addListener((observable, old, step) -> showPage(step));
    }

    private Node header(ThemeManager themes) {
        Label title = new Label(AppInfo.NAME, new FontIcon(Material2OutlinedAL.LOCK));
        title.getStyleClass().add(Styles.TITLE_3);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        Button themeButton = new Button();
        themeButton.setId("theme-toggle");
        themeButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        themeButton.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(themes.themeProperty().get() == Theme.DARK
                        ? Material2OutlinedMZ.WB_SUNNY : Material2OutlinedMZ.NIGHTS_STAY),
                themes.themeProperty()));
        themeButton.setAccessibleText("Switch between light and dark theme");
        themeButton.setTooltip(new Tooltip("Switch between light and dark theme"));
        themeButton.setOnAction(event -> themes.toggle());

        Button openProfile = new Button("Open profile…", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
        openProfile.setId("profile-open");
        openProfile.getStyleClass().add(Styles.FLAT);
        openProfile.setTooltip(new Tooltip("Load choices saved earlier, or made with the CLI (Ctrl+O)"));
        openProfile.setOnAction(event -> ProfileFiles.open(openProfile, model, services));
        Button saveProfile = new Button("Save profile…", new FontIcon(Material2OutlinedMZ.SAVE_ALT));
        saveProfile.setId("profile-save");
        saveProfile.getStyleClass().add(Styles.FLAT);
        saveProfile.setTooltip(new Tooltip("Save the choices as JSON for other servers: plan --profile FILE (Ctrl+S)"));
        saveProfile.setOnAction(event -> ProfileFiles.save(saveProfile, model, services));
        sceneProperty().addListener((observable, old, scene) -> {
            if (scene != null) {
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), openProfile::fire);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), saveProfile::fire);
                for (KeyCode larger : new KeyCode[] {KeyCode.PLUS, KeyCode.EQUALS, KeyCode.ADD}) {
                    scene.getAccelerators().put(new KeyCodeCombination(larger, KeyCombination.SHORTCUT_DOWN),
                            () -> zoom(ZoomLevels.larger(zoom)));
                }
                for (KeyCode smaller : new KeyCode[] {KeyCode.MINUS, KeyCode.SUBTRACT}) {
                    scene.getAccelerators().put(new KeyCodeCombination(smaller, KeyCombination.SHORTCUT_DOWN),
                            () -> zoom(ZoomLevels.smaller(zoom)));
                }
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                        () -> zoom(ZoomLevels.NORMAL));
            }
        });

        HBox header = new HBox(12, title, spacer, openProfile, saveProfile, themeButton);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(10, 16, 10, 16));
        header.getStyleClass().add("header-bar");
        header.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 0 0 1 0;");
        return header;
    }

    /** Ctrl +/−/0: every size in the theme follows the root's font size. */
    private void zoom(double level) {
        zoom = level;
        setStyle(ZoomLevels.style(level));
    }

    private Node stepList() {
        ListView<WizardStep> list = new ListView<>(navigator.activeSteps());
        list.setId("step-list");
        list.setFocusTraversable(true);
        list.setAccessibleText("Wizard steps");
        list.setPrefWidth(220);
        list.getStyleClass().add(Styles.DENSE);
        list.setCellFactory(view -> new StepCell());
        list.getSelectionModel().select(navigator.getCurrent());
        navigator.currentProperty().addListener((observable, old, step) -> {
            list.getSelectionModel().select(step);
            list.refresh(); // which steps are reachable changed with the current one
        });
        // An earlier step opens at once; a visited later one is reached through every check on the way.
        list.getSelectionModel().selectedItemProperty().addListener((observable, old, selected) -> {
            if (selected != null && selected != navigator.getCurrent()) {
                navigator.jumpTo(selected);
                list.getSelectionModel().select(navigator.getCurrent());
            }
        });
        VBox box = new VBox(list);
        VBox.setVgrow(list, Priority.ALWAYS);
        box.setPadding(new Insets(12, 0, 12, 12));
        return box;
    }

    /** The control a veto is about gets AtlantaFX's danger state and the focus; the mark goes with the veto. */
    private void markVetoedField(String previous, String id) {
        Node content = pageHolder.getContent();
        if (content == null) {
            return;
        }
        if (previous != null && content.lookup("#" + previous) != null) {
            content.lookup("#" + previous).pseudoClassStateChanged(Styles.STATE_DANGER, false);
        }
        Node field = id == null ? null : content.lookup("#" + id);
        if (field != null) {
            field.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            field.requestFocus();
        }
    }

    private Node navigationBar() {
        Label veto = new Label();
        veto.setId("veto-message");
        veto.setWrapText(true);
        veto.getStyleClass().add(Styles.DANGER);
        veto.setGraphic(new FontIcon(Material2OutlinedMZ.WARNING));
        veto.textProperty().bind(navigator.vetoMessageProperty());
        veto.visibleProperty().bind(navigator.vetoMessageProperty().isNotEmpty());
        veto.managedProperty().bind(veto.visibleProperty());
        navigator.vetoedFieldProperty().addListener((o, old, id) -> markVetoedField(old, id));
        veto.setMaxWidth(Double.MAX_VALUE);
        // A long reason wraps onto more lines; it never squeezes the navigation buttons into "…".
        veto.setMinWidth(0);
        veto.setMinHeight(Region.USE_PREF_SIZE);
        HBox.setHgrow(veto, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("busy-indicator");
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(navigator.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        Label checking = new Label("Checking\u2026");
        checking.visibleProperty().bind(navigator.busyProperty());
        checking.managedProperty().bind(checking.visibleProperty());

        Button cancel = new Button("_Cancel check");
        cancel.setId("cancel-check");
        cancel.setCancelButton(true);
        cancel.visibleProperty().bind(navigator.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(event -> navigator.cancelCheck());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);

        Button back = new Button("_Back", new FontIcon(Material2OutlinedAL.ARROW_BACK));
        back.setId("back");
        back.disableProperty().bind(navigator.canGoBackBinding().not());
        back.setOnAction(event -> navigator.back());

        Button next = new Button("_Next", new FontIcon(Material2OutlinedAL.ARROW_FORWARD));
        next.setId("next");
        next.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        next.getStyleClass().add(Styles.ACCENT);
        next.setDefaultButton(true);
        next.disableProperty().bind(navigator.canGoNextBinding().not());
        next.setOnAction(event -> navigator.next());

        for (Region keepsItsSize : new Region[] {checking, cancel, back, next}) {
            keepsItsSize.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(10, veto, busy, checking, cancel, spacer, back, next);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(12, 16, 12, 16));
        bar.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 0;");
        return bar;
    }

    private void showPage(WizardStep step) {
        pageHolder.setContent(pages.computeIfAbsent(step, s -> s.page().apply(model)));
        // Every step opens at its heading, not at the scroll position the previous step was left at.
        pageHolder.setVvalue(pageHolder.getVmin());
    }

    /** A step in the list: icon and title; the current one stands out, steps not yet reached are disabled. */
    private final class StepCell extends ListCell<WizardStep> {
        @Override
        protected void updateItem(WizardStep step, boolean empty) {
            super.updateItem(step, empty);
            if (empty || step == null) {
                setText(null);
                setGraphic(null);
                setId(null);
                setDisable(false);
                setOpacity(1.0);
                setCursor(null);
                return;
            }
            setText(step.title());
            setGraphic(step.icon() == null ? null : new FontIcon(step.icon()));
            setId("step-" + step.id());
            // Not yet reached: shown disabled (no hover, no click), the same way on every step.
            setDisable(!navigator.isReachable(step));
            setOpacity(navigator.isReachable(step) ? 1.0 : 0.45); // the theme draws disabled cells like enabled ones
            setCursor(navigator.isReachable(step) && step != navigator.getCurrent() ? javafx.scene.Cursor.HAND : null);
        }
    }
}
