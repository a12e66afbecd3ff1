package org.postfixtls.wizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.DemoServer;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.TlsLevel;

/** Demo → Local files must not keep the demo's certificate, its accepted risk or "Loaded: Demo server". */
class WizardModelSourceChangeTest {

    private final WizardModel model = new WizardModel();

    private CertificateCandidate walkTheDemoToItsCertificate() {
        model.setConnectionMode(ConnectionMode.DEMO);
        ServerFiles demo = DemoServer.load();
        model.serverProperty().set(demo);
        CertificateCandidate snakeoil = demo.certificates().get(0);
        model.certificateProperty().set(snakeoil);
        model.setProfile(ProfileEdits.withCertificate(model.getProfile(),
                new Profile.Certificate(snakeoil.chainPath(), snakeoil.keyPath(), "/etc/ssl/certs/ca-certificates.crt")));
        model.acknowledgements().put("certificate.acknowledged", true);
        return snakeoil;
    }

    @Test
    void anotherSourceForgetsWhatWasReadFromThePreviousOne() {
        walkTheDemoToItsCertificate();

        model.setConnectionMode(ConnectionMode.LOCAL_FILES);

        assertNull(model.getServer(), "no 'Loaded: Demo server' under Local files");
        assertNull(model.certificateProperty().get());
        assertNull(model.certificateReportProperty().get());
        assertNull(model.changeSetProperty().get());
        assertTrue(model.acknowledgements().isEmpty(), "the risk accepted for the demo's certificate is not carried over");
        assertNull(model.getProfile().certificate().chainFile(), "the demo's certificate path is not planned for the new source");
        assertEquals("/etc/ssl/certs/ca-certificates.crt", model.getProfile().certificate().caFile());
    }

    @Test
    void theUsersOwnChoicesStay() {
        walkTheDemoToItsCertificate();
        model.setProfile(ProfileEdits.withOutbound(model.getProfile(),
                new Profile.Outbound(TlsLevel.ENCRYPT, model.getProfile().outbound().dnssec())));

        model.setConnectionMode(ConnectionMode.SSH_SERVER);

        assertEquals(TlsLevel.ENCRYPT, model.getProfile().outbound().level());
    }

    @Test
    void certificatePathsTheUserTypedOrLoadedStay() {
        model.setConnectionMode(ConnectionMode.DEMO);
        model.setProfile(ProfileEdits.withCertificate(model.getProfile(),
                new Profile.Certificate("/etc/letsencrypt/live/mx/fullchain.pem", "/etc/letsencrypt/live/mx/privkey.pem", null)));

        model.setConnectionMode(ConnectionMode.LOCAL_FILES);

        assertEquals("/etc/letsencrypt/live/mx/fullchain.pem", model.getProfile().certificate().chainFile());
    }

    @Test
    void choosingTheSameSourceAgainKeepsEverything() {
        walkTheDemoToItsCertificate();

        model.setConnectionMode(ConnectionMode.DEMO);

        assertFalse(model.acknowledgements().isEmpty());
        assertEquals(DemoServer.load().source(), model.getServer().source());
    }
}
