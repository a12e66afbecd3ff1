package org.postfixtls.wizard.ui.wizard;

import java.util.List;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.ui.pages.ConnectPage;
import org.postfixtls.wizard.ui.pages.CertificatePage;
import org.postfixtls.wizard.ui.pages.DeployPage;
import org.postfixtls.wizard.ui.pages.DnsRecordsPage;
import org.postfixtls.wizard.ui.pages.ExportPage;
import org.postfixtls.wizard.ui.pages.HardeningPage;
import org.postfixtls.wizard.ui.pages.InboundPage;
import org.postfixtls.wizard.ui.pages.OutboundPage;
import org.postfixtls.wizard.ui.pages.PoliciesPage;
import org.postfixtls.wizard.ui.pages.PreviewPage;
import org.postfixtls.wizard.ui.pages.SubmissionPage;
import org.postfixtls.wizard.ui.pages.SummaryPage;
import org.postfixtls.wizard.ui.pages.VerifyPage;

/** The wizard's walk, as data: order, inclusion rules, pages and vetoes. */
public final class WizardSteps {

    private WizardSteps() {
    }

    public static List<WizardStep> standard() {
        return List.of(
                WizardStep.builder("connect", "Connect")
                        .icon(Material2OutlinedMZ.SETTINGS_ETHERNET)
                        .page(ConnectPage::new)
                        .validator(ConnectPage.validator())
                        .build(),
                WizardStep.builder("certificate", "Certificate")
                        .icon(Material2OutlinedAL.CARD_MEMBERSHIP)
                        .page(CertificatePage::create)
                        .validator(CertificatePage.validator())
                        .build(),
                WizardStep.builder("outbound", "Outbound TLS")
                        .icon(Material2OutlinedAL.CALL_MADE)
                        .page(OutboundPage::create)
                        .validator(ProfileFieldsValidator.forFields("outbound"))
                        .build(),
                WizardStep.builder("inbound", "Inbound TLS")
                        .icon(Material2OutlinedAL.CALL_RECEIVED)
                        .page(InboundPage::create)
                        .validator(ProfileFieldsValidator.forFields("inbound"))
                        .build(),
                WizardStep.builder("submission", "Submission ports")
                        .icon(Material2OutlinedMZ.MOVE_TO_INBOX)
                        .page(SubmissionPage::create)
                        .validator(ProfileFieldsValidator.forFields("submission"))
                        .build(),
                WizardStep.builder("hardening", "Hardening")
                        .icon(Material2OutlinedMZ.SECURITY)
                        .page(HardeningPage::create)
                        .validator(ProfileFieldsValidator.forFields("hardening", "sessionCache", "logging"))
                        .build(),
                WizardStep.builder("policies", "Domain policies")
                        .icon(Material2OutlinedMZ.POLICY)
                        .page(PoliciesPage::create)
                        .validator(PoliciesPage.validator())
                        .build(),
                WizardStep.builder("dns", "DNS records")
                        .icon(Material2OutlinedAL.DNS)
                        .page(DnsRecordsPage::create)
                        .validator(DnsRecordsPage.validator())
                        .build(),
                WizardStep.builder("preview", "Preview")
                        .icon(Material2OutlinedAL.COMPARE)
                        .page(PreviewPage::create)
                        .validator(PreviewPage.validator())
                        .build(),
                WizardStep.builder("deploy", "Deploy")
                        .icon(Material2OutlinedMZ.PUBLISH)
                        .includedWhen(WizardSteps::reachesAServer)
                        .page(DeployPage::create)
                        .validator(DeployPage.validator())
                        .build(),
                WizardStep.builder("export", "Export bundle")
                        .icon(Material2OutlinedMZ.SAVE_ALT)
                        .includedWhen(model -> !reachesAServer(model))
                        .page(ExportPage::create)
                        .build(),
                WizardStep.builder("verify", "Verify")
                        .icon(Material2OutlinedAL.FACT_CHECK)
                        .includedWhen(WizardSteps::reachesAServer)
                        .page(model -> VerifyPage.create(model, VerificationSetup.SSH))
                        .build(),
                WizardStep.builder("summary", "Summary")
                        .icon(Material2OutlinedAL.ASSIGNMENT_TURNED_IN)
                        .page(SummaryPage::create)
                        .build());
    }

    /** Local files end in an export bundle; there is no server to deploy to or to probe. */
    static boolean reachesAServer(WizardModel model) {
        return model.getConnectionMode() != ConnectionMode.LOCAL_FILES;
    }
}
