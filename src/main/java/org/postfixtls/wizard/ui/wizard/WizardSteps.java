package org.postfixtls.wizard.ui.wizard;

import java.util.List;
import org.kordamp.ikonli.material2.Material2OutlinedAL;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;
import org.postfixtls.wizard.ui.pages.ConnectPage;
import org.postfixtls.wizard.ui.pages.PlannedStepPage;

/** The wizard's walk, as data: order, inclusion rules, pages and vetoes. */
public final class WizardSteps {

    private WizardSteps() {
    }

    public static List<WizardStep> standard() {
        return List.of(
                WizardStep.builder("connect", "Connect")
                        .icon(Material2OutlinedMZ.SETTINGS_ETHERNET)
                        .page(ConnectPage::new)
                        .validator(StepValidator.immediate(WizardSteps::checkConnection))
                        .build(),
                planned("certificate", "Certificate", Material2OutlinedAL.CARD_MEMBERSHIP),
                planned("outbound", "Outbound TLS", Material2OutlinedAL.CALL_MADE),
                planned("inbound", "Inbound TLS", Material2OutlinedAL.CALL_RECEIVED),
                planned("submission", "Submission ports", Material2OutlinedMZ.MOVE_TO_INBOX),
                planned("hardening", "Hardening", Material2OutlinedMZ.SECURITY),
                planned("policies", "Domain policies", Material2OutlinedMZ.POLICY),
                planned("dns", "DNS records", Material2OutlinedAL.DNS),
                planned("preview", "Preview", Material2OutlinedAL.COMPARE),
                WizardStep.builder("deploy", "Deploy")
                        .icon(Material2OutlinedMZ.PUBLISH)
                        .includedWhen(WizardSteps::reachesAServer)
                        .page(model -> new PlannedStepPage(StepDescriptions.of("deploy")))
                        .build(),
                WizardStep.builder("export", "Export bundle")
                        .icon(Material2OutlinedMZ.SAVE_ALT)
                        .includedWhen(model -> !reachesAServer(model))
                        .page(model -> new PlannedStepPage(StepDescriptions.of("export")))
                        .build(),
                WizardStep.builder("verify", "Verify")
                        .icon(Material2OutlinedAL.FACT_CHECK)
                        .includedWhen(WizardSteps::reachesAServer)
                        .page(model -> new PlannedStepPage(StepDescriptions.of("verify")))
                        .build());
    }

    private static WizardStep planned(String id, String title, org.kordamp.ikonli.Ikon icon) {
        return WizardStep.builder(id, title)
                .icon(icon)
                .page(model -> new PlannedStepPage(StepDescriptions.of(id)))
                .build();
    }

    /** Local files end in an export bundle; there is no server to deploy to or to probe. */
    static boolean reachesAServer(WizardModel model) {
        return model.getConnectionMode() != ConnectionMode.LOCAL_FILES;
    }

    static Validation checkConnection(WizardModel model) {
        ConnectionMode mode = model.getConnectionMode();
        if (mode == null) {
            return Validation.veto("Choose how to reach the server: SSH server, Local files or Demo server.");
        }
        if (mode == ConnectionMode.SSH_SERVER) {
            return Validation.veto("Connecting over SSH is not available in this build yet. "
                    + "Choose Local files or Demo server to continue.");
        }
        return Validation.ok();
    }
}
