package org.postfixtls.wizard.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postfixtls.wizard.ui.pages.CertificatePage;
import org.postfixtls.wizard.ui.pages.DocLink;
import org.postfixtls.wizard.ui.pages.HardeningPage;
import org.postfixtls.wizard.ui.pages.InboundPage;
import org.postfixtls.wizard.ui.pages.OutboundPage;
import org.postfixtls.wizard.ui.pages.PoliciesPage;
import org.postfixtls.wizard.ui.pages.SubmissionPage;
import org.postfixtls.wizard.ui.wizard.WizardModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Each option on the steps has its ⓘ to Postfix's own documentation, and the ⓘ opens that section's URL. */
@ExtendWith(ApplicationExtension.class)
class DocLinksFxTest {

    private Stage stage;
    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DocLink.useOpener(opened::add);
    }

    @AfterEach
    void forgetTheOpener() {
        DocLink.useOpener(url -> { });
    }

    @Test
    void everyOptionLinksToItsSection(FxRobot robot) {
        Themes.applied();
        Map<Function<WizardModel, Parent>, Set<String>> expected = new LinkedHashMap<>();
        expected.put(m -> OutboundPage.create(m, org.postfixtls.wizard.testsupport.TestServices.application()), Set.of("doc-smtp_tls_security_level", "doc-smtp_dns_support_level",
                "doc-level-none", "doc-level-may", "doc-level-encrypt", "doc-level-dane", "doc-level-verify",
                "doc-level-secure"));
        expected.put(InboundPage::create, Set.of("doc-smtpd_tls_security_level", "doc-smtpd_tls_auth_only"));
        expected.put(SubmissionPage::create, Set.of("doc-master-cf", "doc-smtpd_tls_wrappermode"));
        expected.put(HardeningPage::create, Set.of("doc-smtpd_tls_mandatory_protocols", "doc-smtpd_tls_protocols",
                "doc-smtpd_tls_mandatory_ciphers", "doc-smtpd_tls_ciphers", "doc-smtpd_tls_exclude_ciphers",
                "doc-smtpd_tls_eecdh_grade", "doc-smtpd_tls_session_cache_database"));
        expected.put(m -> PoliciesPage.create(m, org.postfixtls.wizard.testsupport.TestServices.application()), Set.of("doc-smtp_tls_policy_maps"));
        expected.put(m -> CertificatePage.create(m, org.postfixtls.wizard.testsupport.TestServices.application()), Set.of("doc-smtpd_tls_cert_file", "doc-smtpd_tls_key_file"));
        for (var page : expected.entrySet()) {
            show(page.getKey().apply(new WizardModel()));
            Set<String> links = robot.lookup(".doc-link").queryAll().stream().filter(Node::isVisible).map(Node::getId)
                    .collect(Collectors.toSet());
            assertTrue(links.containsAll(page.getValue()), "expected " + page.getValue() + ", shown " + links);
        }
    }

    @Test
    void theLinkOpensTheParametersSectionOfPostconf5(FxRobot robot) {
        Themes.applied();
        show(OutboundPage.create(new WizardModel(), org.postfixtls.wizard.testsupport.TestServices.application()));
        robot.clickOn("#doc-smtp_dns_support_level");
        robot.clickOn("#doc-level-dane");
        assertEquals(List.of("https://www.postfix.org/postconf.5.html#smtp_dns_support_level",
                "https://www.postfix.org/TLS_README.html#client_tls_dane"), opened);
    }

    private void show(Parent page) {
        Platform.runLater(() -> {
            ScrollPane scroll = new ScrollPane(page);
            scroll.setFitToWidth(true);
            stage.setScene(new Scene(scroll, 1100, 900));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
