package org.postfixtls.wizard.ui.pages;

import atlantafx.base.theme.Styles;
import javafx.scene.control.CheckBox;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
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
        ToggleGroup levels = new ToggleGroup();
        VBox options = new VBox(10);
        for (TlsLevel level : DEFAULT_LEVELS) {
            RadioButton button = new RadioButton(level.postfixName() + (level == TlsLevel.MAY ? "  (recommended)" : ""));
            button.setId("outbound-" + level.postfixName());
            button.setUserData(level);
            button.setToggleGroup(levels);
            options.getChildren().add(PageScaffold.option(button, LevelTexts.outboundExplanation(level),
                    LevelTexts.outboundConsequence(level)));
        }
        CheckBox dnssec = new CheckBox("Use DNSSEC for MX and TLSA lookups (smtp_dns_support_level = dnssec)");
        dnssec.setId("outbound-dnssec");
        VBox dnssecOption = PageScaffold.option(dnssec,
                "Required for DANE; only useful when the server's resolver validates DNSSEC (e.g. a local unbound).",
                null);

        Runnable showModel = () -> {
            Profile.Outbound outbound = model.getProfile().outbound();
            levels.getToggles().stream().filter(t -> t.getUserData() == outbound.level()).findFirst()
                    .ifPresent(t -> t.setSelected(true));
            dnssec.setSelected(outbound.dnssec());
            dnssec.setDisable(outbound.level().usesDane());
        };
        showModel.run();
        model.profileProperty().addListener((o, old, profile) -> showModel.run());
        levels.selectedToggleProperty().addListener((o, old, toggle) -> {
            if (toggle != null) {
                TlsLevel level = (TlsLevel) toggle.getUserData();
                boolean needsDnssec = level.usesDane() || model.getProfile().outbound().dnssec();
                model.setProfile(ProfileEdits.withOutbound(model.getProfile(), new Profile.Outbound(level, needsDnssec)));
            }
        });
        dnssec.selectedProperty().addListener((o, old, on) -> {
            Profile.Outbound outbound = model.getProfile().outbound();
            if (outbound.dnssec() != on) {
                model.setProfile(ProfileEdits.withOutbound(model.getProfile(), new Profile.Outbound(outbound.level(), on)));
            }
        });

        page.getChildren().addAll(PageScaffold.section("Default for all destinations"), options,
                PageScaffold.section("DNS"), dnssecOption,
                PageScaffold.note("Exceptions for single domains (a partner bank that must always get verified TLS) "
                        + "come in the Domain policies step.", Material2OutlinedAL.INFO, Styles.TEXT_MUTED));
        return page;
    }
}
