package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.postfixtls.wizard.domain.records.MtaStsIdKeeper;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.ProfileFieldsValidator;
import org.postfixtls.wizard.ui.wizard.StepValidator;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/**
 * DANE, MTA-STS and TLS-RPT: the records to publish in DNS (Postfix itself reads none of them), ready to copy,
 * and the MTA-STS policy file to put on https://mta-sts.&lt;domain&gt;/.
 */
public final class DnsRecordsPage {

    private final WizardModel model;
    private final TextField domain = new TextField();
    private final TextField mx = new TextField();
    private final ComboBox<String> mode = new ComboBox<>();
    private final TextField maxAge = new TextField();
    private final TextField report = new TextField();
    private final TextArea records = new TextArea();
    private final TextArea policy = new TextArea();
    private final Label policyUrl = PageScaffold.muted("");
    private final Label problem = new Label();
    private final Button copyRecords;
    private final Button copyPolicy;
    private final Button savePolicy = new Button("Save policy file…", new FontIcon(Material2OutlinedMZ.SAVE_ALT));
    private final MtaStsIdKeeper ids = new MtaStsIdKeeper(Clock.systemUTC());
    /** True while the fields are set from the model, so their listeners do not write it back. */
    private boolean updating;

    private final WizardServices services;

    private DnsRecordsPage(WizardModel model, WizardServices services) {
        this.model = model;
        this.services = services;
        copyRecords = copyButton("Copy records", records, "the DNS records");
        copyPolicy = copyButton("Copy policy", policy, "the MTA-STS policy");
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("dns", "DNS records",
                "Records that tell other mail servers to insist on TLS when they send to you: DANE (TLSA, needs "
                        + "DNSSEC), MTA-STS (a DNS record plus a policy file on a web server) and TLS-RPT (where "
                        + "they report failures). Publish them at your DNS provider; nothing here changes Postfix.");
        DnsRecordsPage dns = new DnsRecordsPage(model, services);
        dns.setUpControls();
        dns.storeOnEdit();
        model.profileProperty().addListener((o, old, p) -> dns.showModel());
        model.certificateProperty().addListener((o, old, c) -> dns.showModel());
        model.serverProperty().addListener((o, old, s) -> dns.showModel());
        dns.showModel();
        HBox policyButtons = new HBox(10, dns.copyPolicy, dns.savePolicy, dns.policyUrl);
        policyButtons.setAlignment(Pos.CENTER_LEFT);
        page.getChildren().addAll(dns.form(), dns.problem, PageScaffold.section("Records (zone file syntax)"),
                dns.records, new HBox(10, dns.copyRecords), PageScaffold.section("MTA-STS policy file"), dns.policy,
                policyButtons,
                PageScaffold.note("TLSA records protect mail only when your zone is DNSSEC-signed. When the certificate "
                        + "is renewed with a new key, publish the new TLSA record first: `postfix-tls-wizard records "
                        + "--next-key` prints both.", Material2OutlinedAL.INFO, Styles.TEXT_MUTED));
        return page;
    }

    private void setUpControls() {
        domain.setId("dns-domain");
        mx.setId("dns-mx");
        mx.setPromptText("mail.example.com, mail2.example.com");
        mode.setId("dns-mode");
        mode.getItems().setAll("testing", "enforce", "none");
        mode.setMaxWidth(Double.MAX_VALUE);
        maxAge.setId("dns-max-age");
        report.setId("dns-report");
        report.setPromptText("postmaster@example.com");
        records.setId("dns-records");
        records.setEditable(false);
        records.setPrefRowCount(9);
        records.setStyle("-fx-font-family: monospace;");
        records.setWrapText(true); // a TLSA line is longer than a small window; Copy takes the text, not the wrapping
        policy.setId("dns-policy-file");
        policy.setEditable(false);
        policy.setPrefRowCount(5);
        policy.setStyle("-fx-font-family: monospace;");
        problem.setId("dns-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.setWrapText(true);
        copyRecords.setId("dns-copy-records");
        savePolicy.setId("dns-save-policy");
        savePolicy.setOnAction(e -> savePolicyFile(services, savePolicy, policy.getText()));
    }

    private GridPane form() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(160);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setMinWidth(260);
        fields.setHgrow(Priority.ALWAYS);
        javafx.scene.layout.ColumnConstraints help = new javafx.scene.layout.ColumnConstraints();
        help.setMaxWidth(380);
        form.getColumnConstraints().setAll(names, fields, help);
        form.addRow(0, new Label("Mail domain"), domain);
        form.addRow(1, new Label("MX host names"), mx);
        form.addRow(2, new Label("MTA-STS mode"), mode, PageScaffold.muted("Start with testing: senders report "
                + "problems but still deliver. Switch to enforce once the reports are clean; none withdraws a policy."));
        form.addRow(3, new Label("max_age (seconds)"), maxAge);
        form.addRow(4, new Label("TLS-RPT reports to"), report);
        return form;
    }

    private void showModel() {
        updating = true;
        try {
            Profile.MtaSts sts = DnsRecordsChoices.effective(model.getProfile(), model.getServer());
            setIfDifferent(domain, sts.domain());
            setIfDifferent(mx, String.join(", ", sts.mx()));
            mode.setValue(sts.mode());
            setIfDifferent(maxAge, Long.toString(sts.maxAge()));
            setIfDifferent(report, sts.reportAddress() == null ? "" : sts.reportAddress());
        } finally {
            updating = false;
        }
        Optional<String> error = DnsRecordsChoices.firstProblem(model.getProfile());
        problem.setText(error.orElse(""));
        problem.setVisible(error.isPresent());
        problem.setManaged(error.isPresent());
        if (error.isEmpty()) {
            render(model, ids, records, policy, policyUrl);
        } else { // records of the previous, valid input must not be copied as if they were these
            records.setText("; fix the field named above to see the records");
            policy.clear();
            policyUrl.setText("");
        }
        for (Button button : List.of(copyRecords, copyPolicy, savePolicy)) {
            button.setDisable(error.isPresent());
        }
    }

    private void storeOnEdit() {
        Runnable store = () -> {
            if (updating) {
                return;
            }
            PageScaffold.store(model, DnsRecordsChoices.edit(model.getProfile(), domain.getText(), mx.getText(),
                    mode.getValue(), maxAge.getText(), report.getText()));
        };
        for (TextField field : List.of(domain, mx, maxAge, report)) {
            field.textProperty().addListener((o, old, v) -> store.run());
        }
        mode.valueProperty().addListener((o, old, v) -> store.run());
    }

    private static void render(WizardModel model, MtaStsIdKeeper ids, TextArea records, TextArea policyText,
            Label policyUrl) {
        DnsRecordsChoices.Publication publication = DnsRecordsChoices.publication(
                DnsRecordsChoices.effective(model.getProfile(), model.getServer()), model.certificateProperty().get(),
                ids);
        records.setText(publication.records());
        policyText.setText(publication.policyFile());
        if (publication.policyUrl() != null) {
            policyUrl.setText(publication.policyUrl());
        }
    }

    private static Button copyButton(String text, TextArea source, String what) {
        Button button = new Button(text, new FontIcon(Material2OutlinedAL.CONTENT_COPY));
        button.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(source.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            Confirmations.show(button, "Copied " + what + " to the clipboard");
        });
        return button;
    }

    private static void savePolicyFile(WizardServices services, Button owner, String text) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the MTA-STS policy file");
        chooser.setInitialFileName("mta-sts.txt");
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        Background.supply(() -> {
            services.workstation().replace(file.toPath(), text.getBytes(StandardCharsets.US_ASCII));
            return file;
        }).whenComplete((saved, error) -> Background.onFx(() -> {
            if (error != null) {
                PageAlerts.error(owner, "The policy file was not saved", Background.unwrap(error).getMessage());
            } else {
                Confirmations.show(owner, "MTA-STS policy saved to " + saved);
            }
        }));
    }

    private static void setIfDifferent(TextField field, String value) {
        if (!field.getText().equals(value)) {
            field.setText(value);
        }
    }

    public static StepValidator validator() {
        return ProfileFieldsValidator.forFields("mtaSts");
    }
}
