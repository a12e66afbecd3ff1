package org.postfixtls.wizard.ui.pages;

import java.util.List;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.ui.wizard.ConnectionMode;
import org.postfixtls.wizard.ui.wizard.ProfileFieldsValidator;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.postfixtls.wizard.ui.wizard.WizardServices;
import org.postfixtls.wizard.ui.wizard.WizardStep;

/**
 * The wizard's walk, as data: order, inclusion rules, pages and vetoes. It names the pages, so it lives with them;
 * the shell ({@code ui.wizard}) only knows {@link WizardStep}. Every page and check gets the one set of services.
 */
public final class WizardSteps {

    private WizardSteps() {
    }

    public static List<WizardStep> standard(WizardServices services) {
        List<WizardStep> steps = new java.util.ArrayList<>(choosingSteps(services));
        steps.addAll(applyingSteps(services));
        return List.copyOf(steps);
    }

    /** From the connection to the domain policies: what the admin decides. */
    private static List<WizardStep> choosingSteps(WizardServices services) {
        return List.of(
                WizardStep.builder("connect", "Connect")
                        .icon(Material2OutlinedMZ.SETTINGS_ETHERNET)
                        .page(model -> new ConnectPage(model, services))
                        .validator(ConnectPage.validator(services))
                        .build(),
                WizardStep.builder("certificate", "Certificate")
                        .icon(Material2OutlinedAL.CARD_MEMBERSHIP)
                        .page(model -> CertificatePage.create(model, services))
                        .validator(CertificatePage.validator())
                        .build(),
                WizardStep.builder("outbound", "Outbound TLS")
                        .icon(Material2OutlinedAL.CALL_MADE)
                        .page(model -> OutboundPage.create(model, services))
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
                        .page(model -> PoliciesPage.create(model, services))
                        .validator(PoliciesPage.validator())
                        .build());
    }

    /** From the DNS records to the summary: what is published, applied and proven. */
    private static List<WizardStep> applyingSteps(WizardServices services) {
        return List.of(
                WizardStep.builder("dns", "DNS records")
                        .icon(Material2OutlinedAL.DNS)
                        .page(model -> DnsRecordsPage.create(model, services))
                        .validator(DnsRecordsPage.validator())
                        .build(),
                WizardStep.builder("preview", "Preview")
                        .icon(Material2OutlinedAL.COMPARE)
                        .page(model -> PreviewPage.create(model, services))
                        .validator(PreviewPage.validator())
                        .build(),
                WizardStep.builder("deploy", "Deploy")
                        .icon(Material2OutlinedMZ.PUBLISH)
                        .includedWhen(WizardSteps::reachesAServer)
                        .page(model -> DeployPage.create(model, services))
                        .validator(DeployPage.validator())
                        .build(),
                WizardStep.builder("export", "Export bundle")
                        .icon(Material2OutlinedMZ.SAVE_ALT)
                        .includedWhen(model -> !reachesAServer(model))
                        .page(model -> ExportPage.create(model, services))
                        .build(),
                WizardStep.builder("verify", "Verify")
                        .icon(Material2OutlinedAL.FACT_CHECK)
                        .includedWhen(WizardSteps::reachesAServer)
                        .page(model -> VerifyPage.create(model, services))
                        .build(),
                WizardStep.builder("summary", "Summary")
                        .icon(Material2OutlinedAL.ASSIGNMENT_TURNED_IN)
                        .page(model -> SummaryPage.create(model, services))
                        .build());
    }

    /** Local files end in an export bundle; there is no server to deploy to or to probe. */
    static boolean reachesAServer(WizardModel model) {
        return model.getConnectionMode() != ConnectionMode.LOCAL_FILES;
    }
}
