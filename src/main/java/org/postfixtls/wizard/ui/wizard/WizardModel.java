package org.postfixtls.wizard.ui.wizard;

import java.nio.file.Path;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.postfixtls.wizard.app.deploy.DeployReport;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.domain.verify.VerificationReport;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.config.plan.ChangeSet;
import org.postfixtls.wizard.domain.config.plan.PostfixVersion;
import org.postfixtls.wizard.domain.profile.Preset;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;

/**
 * All state the wizard's steps share. Steps read and write it; none keeps its own copy,
 * so going Back and Next never loses a choice. Changed on the FX thread only.
 */
public final class WizardModel {

    private final ObjectProperty<ConnectionMode> connectionMode = new SimpleObjectProperty<>(this, "connectionMode");
    private final ObjectProperty<Path> localFolder = new SimpleObjectProperty<>(this, "localFolder");
    private final ObjectProperty<PostfixVersion> localVersion =
            new SimpleObjectProperty<>(this, "localVersion", new PostfixVersion(3, 7));
    private final StringProperty localOpenssl =
            new SimpleStringProperty(this, "localOpenssl", "");
    private final ObjectProperty<ServerFiles> server = new SimpleObjectProperty<>(this, "server");
    private final ObjectProperty<Profile> profile =
            new SimpleObjectProperty<>(this, "profile", Preset.RECOMMENDED.baseline());
    private final ObjectProperty<CertificateCandidate> certificate = new SimpleObjectProperty<>(this, "certificate");
    private final ObjectProperty<InspectionReport> certificateReport =
            new SimpleObjectProperty<>(this, "certificateReport");
    private final ObjectProperty<CertificateCandidate> secondCertificate =
            new SimpleObjectProperty<>(this, "secondCertificate");
    private final ObjectProperty<InspectionReport> secondCertificateReport =
            new SimpleObjectProperty<>(this, "secondCertificateReport");
    private final ObjectProperty<ChangeSet> changeSet = new SimpleObjectProperty<>(this, "changeSet");
    private final ObjectProperty<ChangeSet> approvedChangeSet = new SimpleObjectProperty<>(this, "approvedChangeSet");
    private final ObservableMap<String, Boolean> acknowledgements = FXCollections.observableHashMap();
    private final SshForm sshForm = new SshForm();
    private final ObjectProperty<ServerFacts> serverFacts = new SimpleObjectProperty<>(this, "serverFacts");
    private final ObjectProperty<DeployReport> lastDeploy = new SimpleObjectProperty<>(this, "lastDeploy");
    private final ObjectProperty<VerificationReport> lastVerification = new SimpleObjectProperty<>(this, "lastVerification");

    public ObjectProperty<ConnectionMode> connectionModeProperty() {
        return connectionMode;
    }

    public ConnectionMode getConnectionMode() {
        return connectionMode.get();
    }

    /**
     * Choosing another source (demo, local files, a server) forgets everything read from the previous one: its
     * files, certificate, findings, accepted risks, plan, deploy and verification. Certificate paths the profile
     * took from that source's certificate go too; the rest of the profile is the user's and stays.
     */
    public void setConnectionMode(ConnectionMode mode) {
        if (mode == connectionMode.get()) {
            return;
        }
        if (connectionMode.get() != null) {
            forgetTheSource();
        }
        connectionMode.set(mode);
    }

    private void forgetTheSource() {
        CertificateCandidate chosen = certificate.get();
        Profile.Certificate paths = profile.get().certificate();
        CertificateCandidate second = secondCertificate.get();
        boolean fromSource = (chosen != null && (chosen.chainPath().equals(paths.chainFile())
                || chosen.chainPath().equals(paths.ecdsaChainFile()))) || (second != null
                && (second.chainPath().equals(paths.chainFile()) || second.chainPath().equals(paths.ecdsaChainFile())));
        if (fromSource) {
            profile.set(ProfileEdits.withCertificate(profile.get(), new Profile.Certificate(null, null, paths.caFile())));
        }
        server.set(null);
        serverFacts.set(null);
        certificate.set(null);
        certificateReport.set(null);
        secondCertificate.set(null);
        secondCertificateReport.set(null);
        changeSet.set(null);
        acknowledgements.clear();
        lastDeploy.set(null);
        lastVerification.set(null);
    }

    /** Host, login and privilege for the SSH mode; secrets stay in memory only. */
    public SshForm sshForm() {
        return sshForm;
    }

    /** What SSH discovery found (versions, SASL, DNSSEC of the resolver); null for local files and the demo. */
    public ObjectProperty<ServerFacts> serverFactsProperty() {
        return serverFacts;
    }

    /** The last deploy or rollback of this run (null before any): the verify step starts from it. */
    /** The most recent completed verification (the evidence the Verify step shows and exports). */
    public ObjectProperty<VerificationReport> lastVerificationProperty() {
        return lastVerification;
    }

    public ObjectProperty<DeployReport> lastDeployProperty() {
        return lastDeploy;
    }

    /** The folder with main.cf and master.cf, in the local files mode. */
    public ObjectProperty<Path> localFolderProperty() {
        return localFolder;
    }

    /** The Postfix version of the server the local files come from (files do not record it). */
    public ObjectProperty<PostfixVersion> localVersionProperty() {
        return localVersion;
    }

    /**
     * What the user stated of the OpenSSL release of the server the local files come from (as {@code openssl
     * version} prints it); empty: not known. Files do not record it, and post-quantum key exchange depends on it.
     */
    public StringProperty localOpensslProperty() {
        return localOpenssl;
    }

    /** The configuration being changed; set when Connect succeeds. */
    public ObjectProperty<ServerFiles> serverProperty() {
        return server;
    }

    public ServerFiles getServer() {
        return server.get();
    }

    /** The admin's choices so far: starts as the recommended preset, edited by every step. */
    public ObjectProperty<Profile> profileProperty() {
        return profile;
    }

    public Profile getProfile() {
        return profile.get();
    }

    public void setProfile(Profile value) {
        profile.set(value);
    }

    /** The certificate chosen in the certificate step (null until one is chosen). */
    public ObjectProperty<CertificateCandidate> certificateProperty() {
        return certificate;
    }

    public ObjectProperty<InspectionReport> certificateReportProperty() {
        return certificateReport;
    }

    /**
     * The optional second certificate of the certificate step, of the other algorithm (RSA beside ECDSA or the
     * reverse; postconf(5) smtpd_tls_chain_files); null when only one is served.
     */
    public ObjectProperty<CertificateCandidate> secondCertificateProperty() {
        return secondCertificate;
    }

    public ObjectProperty<InspectionReport> secondCertificateReportProperty() {
        return secondCertificateReport;
    }

    /** The planned change set, as the preview showed it; what a deploy or export applies. */
    public ObjectProperty<ChangeSet> changeSetProperty() {
        return changeSet;
    }

    /**
     * The change set the user approved: the one on screen when they left the Preview with Next, or a new one they
     * approved on the Deploy page after a deploy stopped because the plan had changed. Deploy applies it only if the
     * plan it makes from the live files has the same {@code PlanHash} (decision 0056); null until approved.
     */
    public ObjectProperty<ChangeSet> approvedChangeSetProperty() {
        return approvedChangeSet;
    }

    /** Risks the user explicitly accepted on a step ("use this certificate anyway"), by key. */
    public ObservableMap<String, Boolean> acknowledgements() {
        return acknowledgements;
    }

    /**
     * What the user edits on the pages. A veto describes the input as it was when Next was pressed; once any of
     * these changes, the message is stale and the navigator clears it.
     */
    public Observable[] userInputs() {
        SshForm form = sshForm();
        return new Observable[] {connectionMode, localFolder, localVersion, localOpenssl, profile, certificate,
            secondCertificate, acknowledgements,
            form.host, form.port, form.user, form.auth, form.keyFile, form.passphrase, form.password, form.sudo,
            form.sudoPassword, form.configDir};
    }

    /** The properties that decide which steps are part of the walk; the navigator re-plans when they change. */
    public Observable[] stepStructureDependencies() {
        return new Observable[] {connectionMode};
    }
}
