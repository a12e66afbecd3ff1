package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.CertificateCheck;
import org.postfixtls.wizard.domain.cert.CertificateDetails;
import org.postfixtls.wizard.domain.cert.Finding;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.Severity;
import org.postfixtls.wizard.domain.text.Counted;
import org.postfixtls.wizard.ui.tasks.Background;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardServices;

/**
 * What the checks found about one chosen certificate, as both pickers of the Certificate step show it: a status
 * line, the findings with their advice, the box that accepts the errors anyway, and the certificate's details.
 */
final class CertificateReportView {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final Label status = new Label();
    private final VBox findings = new VBox(6);
    private final CheckBox acknowledge;
    private final VBox details = new VBox(4);

    /**
     * {@code idPrefix} names the nodes ("certificate" gives certificate-status, ...); ticking the box is recorded
     * in the model's acknowledgements under {@code acknowledgementKey}, which the step's validator reads.
     */
    CertificateReportView(String idPrefix, String acknowledgeText, WizardModel model, String acknowledgementKey) {
        acknowledge = new CheckBox(acknowledgeText);
        status.setId(idPrefix + "-status");
        findings.setId(idPrefix + "-findings");
        acknowledge.setId(idPrefix + "-acknowledge");
        details.setId(idPrefix + "-details");
        hideAcknowledgement();
        acknowledge.selectedProperty().addListener((o, old, on) -> model.acknowledgements().put(acknowledgementKey, on));
    }

    /** In page order. */
    List<Node> nodes() {
        return List.of(status, findings, acknowledge, details);
    }

    /** Another certificate was chosen: nothing of the previous one's report stays, and its tick does not count. */
    void clear() {
        details.getChildren().clear();
        findings.getChildren().clear();
        acknowledge.setSelected(false);
    }

    void hideAcknowledgement() {
        acknowledge.setVisible(false);
        acknowledge.setManaged(false);
    }

    /** No certificate chosen (another source, or none): the view is empty. */
    void nothingChosen() {
        clear();
        hideAcknowledgement();
        status.setText("");
    }

    /**
     * Checks the candidate in the background (a key on the server is compared there) and shows the report, unless
     * another candidate was chosen meanwhile; {@code onReport} learns of it first.
     */
    void inspect(CertificateCandidate candidate, WizardModel model, WizardServices services,
            Supplier<CertificateCandidate> chosen, Consumer<InspectionReport> onReport) {
        status.setText("Checking " + candidate.chainPath() + " …");
        services.tasks().supply(() -> CertificateCheck.inspect(candidate, model.getServer(), services.trust().system()))
                .whenComplete((report, error) -> services.tasks().onFx(() -> {
                    if (candidate != chosen.get()) {
                        return;
                    }
                    if (error != null) {
                        status.setText(Background.unwrap(error).getMessage());
                        status.getStyleClass().setAll("label", Styles.DANGER);
                        return;
                    }
                    onReport.accept(report);
                    show(report);
                }));
    }

    private void show(InspectionReport report) {
        CertificateDetails leaf = report.leaf();
        details.getChildren().setAll(
                detail("Subject", leaf.subject()),
                detail("Names", String.join(", ", leaf.subjectAlternativeNames())),
                detail("Issuer", leaf.issuer()),
                detail("Valid until", DATE.format(leaf.notAfter()) + " (" + leaf.daysLeft() + " days left)"),
                detail("Key", leaf.publicKey().toString()),
                detail("Chain", Counted.of(report.certificates().size(), "certificate")
                        + report.trustSource().map(s -> ", trust checked against " + s).orElse(", trust not checked")),
                detail("SHA-256", leaf.sha256Fingerprint()));
        List<Label> lines = new ArrayList<>();
        for (Finding finding : report.findings()) {
            boolean error = finding.severity() == Severity.ERROR;
            Label line = PageScaffold.note(finding.message() + " — " + finding.advice(),
                    error ? Material2OutlinedMZ.REPORT : Material2OutlinedMZ.WARNING,
                    error ? Styles.DANGER : Styles.WARNING);
            line.getStyleClass().add("finding");
            line.setId("finding-" + finding.id().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            lines.add(line);
        }
        findings.getChildren().setAll(lines);
        boolean errors = CertificateChoices.hasErrors(report);
        status.getStyleClass().setAll("label", report.hasFindings() ? (errors ? Styles.DANGER : Styles.WARNING) : Styles.SUCCESS);
        status.setGraphic(new FontIcon(report.hasFindings() ? Material2OutlinedMZ.WARNING : Material2OutlinedAL.CHECK_CIRCLE));
        status.setText(CertificateChoices.statusText(report));
        acknowledge.setVisible(CertificateChoices.offersAcknowledgement(report));
        acknowledge.setManaged(CertificateChoices.offersAcknowledgement(report));
    }

    private static HBox detail(String name, String value) {
        Label label = new Label(name);
        label.setMinWidth(110);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        Label text = new Label(value);
        text.setWrapText(true);
        HBox row = new HBox(8, label, text);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }
}
