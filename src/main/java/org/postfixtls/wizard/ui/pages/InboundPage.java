package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** smtpd_tls_security_level and smtpd_tls_auth_only: how the server receives mail on port 25. */
public final class InboundPage {

    private InboundPage() {
    }

    public static VBox create(WizardModel model) {
        VBox page = PageScaffold.page("inbound", "Inbound TLS",
                "How other servers and clients reach this one on port 25 (smtpd_tls_security_level), and whether "
                        + "passwords may be sent before TLS is on (smtpd_tls_auth_only).");
        LevelChoice levels = new LevelChoice("inbound-", TlsLevel.INBOUND, LevelTexts::inboundExplanation,
                LevelTexts::inboundConsequence);
        CheckBox authOnly = new CheckBox("Offer AUTH only after STARTTLS (smtpd_tls_auth_only = yes)");
        authOnly.setMnemonicParsing(false); // the label names a parameter; "_" is part of it, not a mnemonic
        authOnly.setId("inbound-auth-only");
        VBox authOption = PageScaffold.option(DocLink.beside(authOnly, "smtpd_tls_auth_only"),
                "Clients see the AUTH command only inside TLS, so no password ever crosses the network in clear.",
                "Off: a misconfigured mail client may send its password unencrypted.");
        Runnable showModel = () -> {
            Profile.Inbound inbound = model.getProfile().inbound();
            levels.show(inbound.level());
            authOnly.setSelected(inbound.authOnly());
        };
        showModel.run();
        model.profileProperty().addListener((o, old, profile) -> showModel.run());
        levels.onPick(level -> PageScaffold.store(model, InboundChoices.pickLevel(model.getProfile(), level)));
        authOnly.selectedProperty().addListener(
                (o, old, on) -> PageScaffold.store(model, InboundChoices.setAuthOnly(model.getProfile(), on)));
        page.getChildren().addAll(DocLink.beside(PageScaffold.section("Port 25"), "smtpd_tls_security_level"),
                port25Warning(model), levels.options, PageScaffold.section("Passwords"),
                authOption, PageScaffold.note("Clients of your users should submit mail on the submission ports "
                        + "(next step), where TLS is required.", Material2OutlinedMZ.MOVE_TO_INBOX, Styles.TEXT_MUTED));
        return page;
    }

    /**
     * Said where the Mandatory preset is chosen and on this step: the preset sets port 25 to encrypt, which this step
     * itself calls wrong for a public MX. Visible only while port 25 requires TLS.
     */
    static Label port25Warning(WizardModel model) {
        Label warning = PageScaffold.note("Port 25 requires TLS (encrypt; the Mandatory preset sets this): servers "
                + "without TLS can no longer deliver to you, which RFC 3207 forbids for a public MX. Keep it only for "
                + "a server that receives mail from your own systems, or choose \"may\" for port 25 on the Inbound "
                + "TLS step.", Material2OutlinedMZ.WARNING, Styles.WARNING);
        warning.getStyleClass().add("port25-encrypt-warning");
        Runnable show = () -> {
            boolean encrypt = model.getProfile().inbound().level() == TlsLevel.ENCRYPT;
            warning.setVisible(encrypt);
            warning.setManaged(encrypt);
        };
        show.run();
        model.profileProperty().addListener((o, old, profile) -> show.run());
        return warning;
    }
}
