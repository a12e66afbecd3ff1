package org.postfixtls.wizard.ui.pages;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.postfixtls.wizard.app.workspace.CertificateCandidate;
import org.postfixtls.wizard.app.workspace.ServerFiles;
import org.postfixtls.wizard.domain.cert.PublicKeys;
import org.postfixtls.wizard.domain.profile.Profile;
import org.postfixtls.wizard.domain.profile.ProfileEdits;
import org.postfixtls.wizard.domain.profile.ProfileValidator;
import org.postfixtls.wizard.domain.records.MtaStsIdKeeper;
import org.postfixtls.wizard.domain.records.MtaStsMode;
import org.postfixtls.wizard.domain.records.MtaStsPolicy;
import org.postfixtls.wizard.domain.records.MtaStsTxtRecord;
import org.postfixtls.wizard.domain.records.TlsRptRecord;
import org.postfixtls.wizard.domain.records.TlsaRecord;
import org.postfixtls.wizard.ui.wizard.ScreenFieldNames;

/**
 * The decisions of the DNS records step, without the view: the defaults taken from the server, what the form
 * writes into the profile, the inline problem, and the records and policy file to publish.
 */
final class DnsRecordsChoices {

    /**
     * What to publish. {@code policyUrl} is null while the form is incomplete (the page keeps its last line).
     */
    record Publication(String records, String policyFile, String policyUrl) {
    }

    private DnsRecordsChoices() {
    }

    /** The profile's MTA-STS data, or defaults from the server (mydomain, myhostname) while there is none. */
    static Profile.MtaSts effective(Profile profile, ServerFiles server) {
        Profile.MtaSts sts = profile.mtaSts();
        if (sts != null) {
            return sts;
        }
        String domain = server == null ? "" : server.mydomain().orElse("");
        List<String> mx = server == null ? List.of() : server.myhostname().stream().toList();
        return new Profile.MtaSts(domain, mx, "testing", MtaStsPolicy.DEFAULT_MAX_AGE,
                domain.isEmpty() ? null : "postmaster@" + domain);
    }

    /**
     * The form written into the profile. MX names may be separated by commas or spaces; a max_age that is empty
     * or not a number becomes -1, which the profile's check names ("allowed: 0-31557600 seconds").
     */
    static Profile edit(Profile profile, String domain, String mx, String mode, String maxAge, String reportAddress) {
        Profile.MtaSts wanted = new Profile.MtaSts(domain.trim(), split(mx), mode == null ? "testing" : mode,
                maxAgeOf(maxAge), reportAddress.isBlank() ? null : reportAddress.trim());
        return wanted.equals(profile.mtaSts()) ? profile : ProfileEdits.withMtaSts(profile, wanted);
    }

    static long maxAgeOf(String text) {
        try {
            return text.isBlank() ? -1 : Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static List<String> split(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** The first problem in the form, as the profile's check words it ("mtaSts.domain: ..."). */
    static Optional<String> firstProblem(Profile profile) {
        return ProfileValidator.validate(profile).stream().filter(x -> x.path().startsWith("mtaSts")).findFirst()
                .map(ScreenFieldNames::describe);
    }

    /**
     * The zone lines (TLSA of the chosen certificate for every MX, the MTA-STS TXT record with a fresh id, TLS-RPT)
     * and the MTA-STS policy file. Without a domain and an MX there is nothing to publish yet.
     */
    static Publication publication(Profile.MtaSts sts, CertificateCandidate certificate, Clock clock) {
        return publication(sts, certificate, new MtaStsIdKeeper(clock));
    }

    /** As above, with the TXT id kept while the policy text stays the same. */
    static Publication publication(Profile.MtaSts sts, CertificateCandidate certificate, MtaStsIdKeeper ids) {
        if (sts.domain().isEmpty() || sts.mx().isEmpty()) {
            return new Publication("Enter the mail domain and its MX host names.", "", null);
        }
        StringBuilder text = new StringBuilder();
        if (certificate != null) {
            try {
                SubjectPublicKeyInfo key = PublicKeys.ofCertificate(certificate.chain());
                text.append("; DANE (TLSA 3 1 1 of ").append(certificate.chainPath()).append(")\n");
                for (String host : sts.mx()) {
                    text.append(TlsaRecord.of(host.replaceFirst("^\\*\\.", ""), key, "current").zoneLine()).append('\n');
                }
            } catch (RuntimeException e) {
                text.append("; DANE: the certificate could not be read (").append(e.getMessage()).append(")\n");
            }
        } else {
            text.append("; DANE: choose a certificate in the Certificate step to compute its TLSA record\n");
        }
        MtaStsMode mode = switch (sts.mode()) {
            case "enforce" -> MtaStsMode.ENFORCE;
            case "none" -> MtaStsMode.NONE;
            default -> MtaStsMode.TESTING;
        };
        MtaStsPolicy policy = new MtaStsPolicy(sts.domain(), mode, sts.mx(), sts.maxAge());
        MtaStsTxtRecord txt = ids.recordFor(sts.domain(), policy.text());
        TlsRptRecord rpt = sts.reportAddress() == null ? TlsRptRecord.toPostmaster(sts.domain())
                : new TlsRptRecord(sts.domain(), List.of("mailto:" + sts.reportAddress()));
        text.append("; MTA-STS (a new id each time the policy changes)\n").append(txt.zoneLine()).append('\n');
        text.append("; TLS-RPT\n").append(rpt.zoneLine()).append('\n');
        return new Publication(text.toString(), policy.text(), "Serve it as " + policy.url());
    }
}
