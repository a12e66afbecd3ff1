package org.postfixtls.wizard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.adapter.local.LocalFiles;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.cert.CertificateInspector;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.cert.InspectionReport;
import org.postfixtls.wizard.domain.cert.InspectionRequest;
import org.postfixtls.wizard.domain.cert.KeyEvidence;
import org.postfixtls.wizard.domain.cert.SystemCaBundle;
import org.postfixtls.wizard.domain.cert.TrustAnchors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cert inspect}: everything that would go wrong with this certificate and key, before deploying them. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Inspect a PEM certificate chain (and key): chain order and completeness, trust, expiry,"
                + " host names, key match, encryption and file permissions.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no findings", "1:findings (see the list or the JSON 'findings')", "2:bad input"})
final class CertInspectCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--chain", required = true, paramLabel = "FILE",
            description = "PEM certificate chain, server certificate first (e.g. fullchain.pem)")
    Path chain;

    @Option(names = "--key", paramLabel = "FILE",
            description = "private key (unencrypted or encrypted PEM) or its public key (openssl pkey -pubout)")
    Path key;

    @Option(names = "--hostname", paramLabel = "NAME",
            description = "a name the server must be valid for (myhostname, MX names); repeatable")
    List<String> hostnames = new ArrayList<>();

    @Option(names = "--ca-file", paramLabel = "FILE",
            description = "CA bundle to check trust against (default: the system bundle, e.g. /etc/ssl/certs/ca-certificates.crt)")
    Path caFile;

    @Option(names = "--expiry-days", paramLabel = "DAYS", defaultValue = "21",
            description = "warn when a certificate expires within this many days (default: ${DEFAULT-VALUE})")
    int expiryDays;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "output format: ${COMPLETION-CANDIDATES}")
    OutputFormat format;

    @Override
    public Integer call() {
        try {
            InspectionRequest request = InspectionRequest.of(
                            LocalFiles.read(chain, InputLimits.MAX_PEM_BYTES, "a PEM certificate chain"))
                    .withHostnames(hostnames)
                    .withExpiryWindow(Duration.ofDays(expiryDays));
            if (key != null) {
                request = request.withKey(KeyEvidence.fromKeyFile(
                        LocalFiles.read(key, InputLimits.MAX_PEM_BYTES, "a PEM private or public key")));
            }
            TrustAnchors trust = trustAnchors();
            if (trust != null) {
                request = request.withTrust(trust);
            }
            InspectionReport report = new CertificateInspector().inspect(request);
            spec.commandLine().getOut().print(format == OutputFormat.json
                    ? Json.write(InspectionDocuments.json(report)) + "\n"
                    : InspectionDocuments.text(report));
            spec.commandLine().getOut().flush();
            return report.hasFindings() ? ExitCodes.PROBLEMS : ExitCodes.OK;
        } catch (BadInputException e) {
            return BadInput.report(spec, e);
        }
    }

    private TrustAnchors trustAnchors() {
        Path bundle = caFile != null ? caFile
                : SystemCaBundle.locate(System.getProperty("os.name", ""), Files::isReadable).orElse(null);
        if (bundle == null) {
            return null;
        }
        return TrustAnchors.fromPemBundle(LocalFiles.read(bundle, InputLimits.MAX_CA_BUNDLE_BYTES, "a PEM CA bundle"));
    }
}
