package org.postfixtls.wizard.ui.pages;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.postfixtls.wizard.app.workspace.ListeningPorts;
import org.postfixtls.wizard.domain.config.plan.Planner;
import org.postfixtls.wizard.domain.verify.PortRole;
import org.postfixtls.wizard.domain.verify.PortTarget;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** What to verify: host, mail domain, the three ports and the trust anchors; prefilled from what the wizard knows. */
final class VerifyForm {

    final TextField host = new TextField();
    final TextField domain = new TextField();
    final TextField smtp;
    final TextField submission;
    final TextField submissions;
    final TextField caBundle = new TextField();
    private final Button browseCa = new Button("", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));

    VerifyForm(WizardModel model) {
        host.setId("verify-host");
        host.setPromptText("mail.example.com");
        host.setMaxWidth(480);
        domain.setId("verify-domain");
        domain.setPromptText("example.com (optional: checks MX, TLSA, MTA-STS, TLS-RPT)");
        domain.setMaxWidth(560);
        smtp = port("verify-smtp-port", 25);
        submission = port("verify-submission-port", model.getProfile().submission().starttls().port());
        submissions = port("verify-submissions-port", model.getProfile().submission().implicitTls().port());
        caBundle.setId("verify-ca-file");
        caBundle.setPromptText("empty: this computer's CA bundle (or a PEM file for a private CA)");
        caBundle.setAccessibleText("CA bundle the served certificate must chain to");
        browseCa.setAccessibleText("Choose a CA bundle");
        browseCa.setOnAction(e -> chooseCaBundle());
        if (model.getServer() != null) {
            smtp.setText(Integer.toString(smtpPort(model)));
        }
    }

    /**
     * Host and mail domain each on a row of their own, so the domain's hint is never cut on a small screen; the
     * ports below.
     */
    GridPane grid() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, fields);
        HBox caRow = new HBox(8, caBundle, browseCa);
        HBox.setHgrow(caBundle, Priority.ALWAYS);
        Label submissionLabel = new Label("Submission / submissions");
        submissionLabel.setMinWidth(Label.USE_PREF_SIZE);
        form.addRow(0, new Label("Host"), host);
        form.addRow(1, new Label("Mail domain"), domain);
        HBox ports = new HBox(10, smtp, submissionLabel, submission, submissions);
        ports.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        form.addRow(2, new Label("SMTP port"), ports);
        form.addRow(3, new Label("Trust"), caRow);
        return form;
    }

    /** Fills the host and domain the wizard already knows, unless the user typed something. */
    void prefill(WizardModel model) {
        if (host.getText().isBlank() && model.getConnectionMode() == ConnectionMode.SSH_SERVER) {
            host.setText(model.sshForm().host.get());
        }
        if (domain.getText().isBlank() && model.getProfile().mtaSts() != null) {
            domain.setText(model.getProfile().mtaSts().domain());
        }
    }

    /** Null when the form can be verified, else what to fix, naming the field. */
    String problem() {
        return VerifyChoices.problem(host.getText(), List.of(smtp.getText(), submission.getText(), submissions.getText()));
    }

    /** The ports to probe: a port of 0 skips that service. */
    List<PortTarget> targets() {
        String target = host.getText().trim();
        List<PortTarget> targets = new ArrayList<>();
        addIfSet(targets, target, smtp, PortRole.SMTP);
        addIfSet(targets, target, submission, PortRole.SUBMISSION);
        addIfSet(targets, target, submissions, PortRole.SUBMISSIONS);
        return targets;
    }

    /** The SMTP port master.cf really uses: the planned one when a plan exists, else the server's. */
    private static int smtpPort(WizardModel model) {
        String master = model.changeSetProperty().get() != null
                ? model.changeSetProperty().get().content(Planner.MASTER_CF)
                : model.getServer().masterCf();
        return ListeningPorts.smtpPort(master, Set.of(model.getProfile().submission().starttls().port(),
                model.getProfile().submission().implicitTls().port()));
    }

    private void chooseCaBundle() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("CA bundle (PEM) the server's certificate must chain to");
        File chosen = chooser.showOpenDialog(browseCa.getScene().getWindow());
        if (chosen != null) {
            caBundle.setText(chosen.getAbsolutePath());
        }
    }

    private static void addIfSet(List<PortTarget> targets, String host, TextField field, PortRole role) {
        int port = Integer.parseInt(field.getText().trim());
        if (port > 0) {
            targets.add(new PortTarget(host, port, role));
        }
    }

    private static TextField port(String id, int value) {
        TextField field = new TextField(Integer.toString(value));
        field.setId(id);
        field.setPrefColumnCount(5);
        field.setMinWidth(TextField.USE_PREF_SIZE);
        return field;
    }
}
