package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import javafx.scene.control.CheckBox;
import javafx.scene.layout.VBox;
import javafx.scene.control.Label;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;
import org.postfixtls.wizard.ui.wizard.WizardModel;

/** smtp_tls_security_level: how this server sends mail to other servers on port 25. */
public final class OutboundPage {

    /** Levels that make sense as the default for all destinations; the others belong in domain policies. */
    static final TlsLevel[] DEFAULT_LEVELS = {TlsLevel.MAY, TlsLevel.DANE, TlsLevel.ENCRYPT, TlsLevel.DANE_ONLY,
            TlsLevel.VERIFY, TlsLevel.SECURE, TlsLevel.NONE};

    private OutboundPage() {
    }

    public static VBox create(WizardModel model) {
        VBox page = PageScaffold.page("outbound", "Outbound TLS",
                "How this server talks to other mail servers when it sends mail (smtp_tls_security_level). "
                        + "Stricter is not always safer: a mandatory level means mail to servers without TLS is not sent at all.");
        LevelChoice levels = new LevelChoice("outbound-", DEFAULT_LEVELS, LevelTexts::outboundExplanation,
                LevelTexts::outboundConsequence);
        CheckBox dnssec = new CheckBox("Use DNSSEC for MX and TLSA lookups (smtp_dns_support_level = dnssec)");
        dnssec.setId("outbound-dnssec");
        VBox dnssecOption = PageScaffold.option(dnssec,
                "Required for DANE; only useful when the server's resolver validates DNSSEC (e.g. a local unbound).",
                null);

        Label resolver = new Label();
        resolver.setId("outbound-dnssec-status");
        resolver.setWrapText(true);
        Runnable showModel = () -> {
            Profile.Outbound outbound = model.getProfile().outbound();
            var facts = model.serverFactsProperty().get();
            String status = facts == null ? "not-checked" : facts.dnssec().status();
            boolean warn = outbound.level().usesDane() && !"validating".equals(status);
            resolver.setText(switch (status) {
                case "validating" -> "The server's resolver validates DNSSEC: DANE can work.";
                case "not-validating" -> "The server's resolver does NOT validate DNSSEC (" + facts.dnssec().detail()
                        + "). Install a validating resolver (e.g. unbound) before choosing dane.";
                case "unknown" -> "Whether the server's resolver validates DNSSEC could not be determined ("
                        + facts.dnssec().detail() + ").";
                default -> "DNSSEC on the server was not checked (no SSH connection).";
            });
            resolver.setGraphic(new FontIcon(warn ? Material2OutlinedMZ.WARNING : Material2OutlinedAL.INFO));
            resolver.getStyleClass().setAll("label", warn ? Styles.WARNING : Styles.TEXT_MUTED);
            levels.show(outbound.level());
            dnssec.setSelected(outbound.dnssec());
            dnssec.setDisable(outbound.level().usesDane());
        };
        showModel.run();
        model.profileProperty().addListener((o, old, profile) -> showModel.run());
        model.serverFactsProperty().addListener((o, old, facts) -> showModel.run());
        levels.onPick(level -> {
            Profile.Outbound wanted = new Profile.Outbound(level, level.usesDane() || model.getProfile().outbound().dnssec());
            if (!wanted.equals(model.getProfile().outbound())) {
                model.setProfile(ProfileEdits.withOutbound(model.getProfile(), wanted));
            }
        });
        dnssec.selectedProperty().addListener((o, old, on) -> {
            Profile.Outbound outbound = model.getProfile().outbound();
            if (outbound.dnssec() != on) {
                model.setProfile(ProfileEdits.withOutbound(model.getProfile(), new Profile.Outbound(outbound.level(), on)));
            }
        });

        page.getChildren().addAll(PageScaffold.section("Default for all destinations"), levels.options,
                PageScaffold.section("DNS"), dnssecOption, resolver,
                PageScaffold.note("Exceptions for single domains (a partner bank that must always get verified TLS) "
                        + "come in the Domain policies step.", Material2OutlinedAL.INFO, Styles.TEXT_MUTED));
        return page;
    }
}
