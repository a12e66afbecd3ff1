package org.postfixtls.wizard.ui.pages;

import org.postfixtls.wizard.ui.wizard.WizardServices;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;
import org.postfixtls.wizard.app.verify.ReportDocument;
import org.postfixtls.wizard.app.verify.ReportHtml;
import org.postfixtls.wizard.app.verify.ReportText;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.ui.tasks.Background;

/** "Keep the evidence": the verification report saved as HTML, Markdown or JSON where the user chooses. */
final class VerifyReportFiles {

    private VerifyReportFiles() {
    }

    /** The report as {@code verify --format json} writes it. */
    static String json(VerificationReport report) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(ReportDocument.of(report)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks where, writes in the background, and confirms with the path (or says why not). */
    static void save(WizardServices services, Button owner, VerificationReport report, String format) {
        if (report == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the verification report");
        chooser.setInitialFileName("tls-verification-" + report.host() + "." + format);
        File file = chooser.showSaveDialog(owner.getScene().getWindow());
        if (file == null) {
            return;
        }
        String content = switch (format) {
            case "html" -> ReportHtml.of(report);
            case "md" -> ReportText.markdown(report);
            default -> json(report);
        };
        Background.supply(() -> {
            services.workstation().replace(file.toPath(), content.getBytes(StandardCharsets.UTF_8));
            return file;
        }).whenComplete((saved, error) -> Background.onFx(() -> {
            if (error != null) {
                PageAlerts.error(owner, "The report was not saved", Background.unwrap(error).getMessage());
            } else {
                Confirmations.show(owner, "Report saved to " + saved);
            }
        }));
    }
}
