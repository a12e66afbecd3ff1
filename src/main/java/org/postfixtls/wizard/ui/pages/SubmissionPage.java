package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import java.util.function.UnaryOperator;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** The submission services in master.cf: 587 with mandatory STARTTLS, 465 with implicit TLS (RFC 8314). */
public final class SubmissionPage {

    private SubmissionPage() {
    }

    public static VBox create(WizardModel model) {
        VBox page = PageScaffold.page("submission", "Submission ports",
                "Where your users' mail programs send mail, with a password. Both services require TLS before AUTH "
                        + "and accept mail only from authenticated users; port 25 stays open to the world as before.");
        CheckBox starttls = new CheckBox("Submission with STARTTLS");
        starttls.setId("submission-starttls");
        TextField starttlsPort = portField("submission-starttls-port");
        CheckBox implicit = new CheckBox("Submissions with implicit TLS");
        implicit.setId("submission-implicit");
        TextField implicitPort = portField("submission-implicit-port");

        Runnable showModel = () -> {
            Profile.Submission s = model.getProfile().submission();
            starttls.setSelected(s.starttls().enabled());
            implicit.setSelected(s.implicitTls().enabled());
            setIfDifferent(starttlsPort, s.starttls().port());
            setIfDifferent(implicitPort, s.implicitTls().port());
            starttlsPort.setDisable(!SubmissionChoices.portEditable(s.starttls()));
            implicitPort.setDisable(!SubmissionChoices.portEditable(s.implicitTls()));
        };
        showModel.run();
        model.profileProperty().addListener((o, old, p) -> showModel.run());
        Runnable store = () -> PageScaffold.store(model, SubmissionChoices.edit(model.getProfile(),
                starttls.isSelected(), starttlsPort.getText(), implicit.isSelected(), implicitPort.getText()));
        starttls.selectedProperty().addListener((o, old, v) -> store.run());
        implicit.selectedProperty().addListener((o, old, v) -> store.run());
        starttlsPort.textProperty().addListener((o, old, v) -> store.run());
        implicitPort.textProperty().addListener((o, old, v) -> store.run());

        page.getChildren().addAll(
                PageScaffold.option(withPort(starttls, starttlsPort, "master.cf"),
                        "Mail programs connect in clear and switch to TLS with STARTTLS; the server refuses every "
                                + "command but STARTTLS before that (smtpd_tls_security_level = encrypt).",
                        "Standard port 587. Supported by every mail program."),
                PageScaffold.option(withPort(implicit, implicitPort, "smtpd_tls_wrappermode"),
                        "TLS from the first byte (smtpd_tls_wrappermode = yes): nothing to strip, no STARTTLS "
                                + "downgrade. RFC 8314 prefers it for new setups.",
                        "Standard port 465. Some firewalls only open one of the two: offering both is friendliest."),
                PageScaffold.note("Both need SASL (e.g. Dovecot) on the server: smtpd_sasl_type and smtpd_sasl_path "
                        + "in main.cf. The verification step proves AUTH is offered only after TLS.",
                        Material2OutlinedAL.INFO, Styles.TEXT_MUTED));
        return page;
    }

    private static HBox withPort(CheckBox box, TextField port, String docKey) {
        HBox row = new HBox(10, box, new Label("port"), port, DocLink.to(docKey));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static TextField portField(String id) {
        TextField field = new TextField();
        field.setId(id);
        field.setPrefColumnCount(5);
        UnaryOperator<TextFormatter.Change> digitsOnly = change ->
                SubmissionChoices.acceptsPortText(change.getControlNewText()) ? change : null;
        field.setTextFormatter(new TextFormatter<>(digitsOnly));
        return field;
    }

    private static void setIfDifferent(TextField field, int port) {
        if (SubmissionChoices.parsePort(field.getText()) != port) {
            field.setText(Integer.toString(port));
        }
    }
}
