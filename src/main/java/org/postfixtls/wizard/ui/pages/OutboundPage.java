package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import atlantafx.base.theme.Styles;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** smtp_tls_security_level: how this server sends mail to other servers on port 25. */
public final class OutboundPage {

    private OutboundPage() {
    }

    public static VBox create(WizardModel model, WizardServices services) {
        VBox page = PageScaffold.page("outbound", "Outbound TLS",
                "How this server talks to other mail servers when it sends mail (smtp_tls_security_level). "
                        + "Stricter is not always safer: a mandatory level means mail to servers without TLS is not sent at all.");
        LevelChoice levels = new LevelChoice("outbound-", TlsLevel.OUTBOUND_DEFAULTS, LevelTexts::outboundExplanation,
                LevelTexts::outboundConsequence, PostfixDocs::levelKey);
        CheckBox dnssec = new CheckBox("Use DNSSEC for MX and TLSA lookups (smtp_dns_support_level = dnssec)");
        dnssec.setMnemonicParsing(false); // the label names a parameter; "_" is part of it, not a mnemonic
        dnssec.setId("outbound-dnssec");
        VBox dnssecOption = PageScaffold.option(DocLink.beside(dnssec, "smtp_dns_support_level"),
                "Required for DANE; only useful when the server's resolver validates DNSSEC (e.g. a local unbound).",
                null);

        Label resolver = new Label();
        resolver.setId("outbound-dnssec-status");
        resolver.setWrapText(true);
        Runnable showModel = () -> {
            Profile.Outbound outbound = model.getProfile().outbound();
            OutboundChoices.ResolverStatus status =
                    OutboundChoices.resolverStatus(outbound.level(), model.serverFactsProperty().get());
            resolver.setText(status.text());
            resolver.setGraphic(new FontIcon(status.warn() ? Material2OutlinedMZ.WARNING : Material2OutlinedAL.INFO));
            resolver.getStyleClass().setAll("label", status.warn() ? Styles.WARNING : Styles.TEXT_MUTED);
            levels.show(outbound.level());
            dnssec.setSelected(OutboundChoices.dnssecTicked(outbound));
            dnssec.setDisable(OutboundChoices.dnssecLocked(outbound.level()));
        };
        showModel.run();
        model.profileProperty().addListener((o, old, profile) -> showModel.run());
        model.serverFactsProperty().addListener((o, old, facts) -> showModel.run());
        levels.onPick(level -> PageScaffold.store(model, OutboundChoices.pickLevel(model.getProfile(), level)));
        dnssec.selectedProperty().addListener(
                (o, old, on) -> PageScaffold.store(model, OutboundChoices.setDnssec(model.getProfile(), on)));

        page.getChildren().addAll(DocLink.beside(PageScaffold.section("Default for all destinations"),
                        "smtp_tls_security_level"), levels.options,
                PageScaffold.section("DNS"), dnssecOption, resolver, ReadinessPanel.create(model, services),
                PageScaffold.note("Exceptions for single domains (a partner bank that must always get verified TLS) "
                        + "come in the Domain policies step.", Material2OutlinedAL.INFO, Styles.TEXT_MUTED));
        return page;
    }
}
