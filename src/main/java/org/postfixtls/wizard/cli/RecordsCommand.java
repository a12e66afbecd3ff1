package org.postfixtls.wizard.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.postfixtls.wizard.adapter.local.LocalFiles;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import org.postfixtls.wizard.domain.kernel.InputLimits;
import org.postfixtls.wizard.domain.cert.PublicKeys;
import org.postfixtls.wizard.domain.records.DnsRecordPlanner;
import org.postfixtls.wizard.domain.records.DnsRecords;
import org.postfixtls.wizard.domain.records.MtaStsMode;
import org.postfixtls.wizard.domain.records.MtaStsPolicy;
import org.postfixtls.wizard.domain.records.TlsaRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code records}: the DANE, MTA-STS and TLS-RPT records for a mail domain, from its certificate. */
@Command(name = "records", mixinStandardHelpOptions = true,
        description = "Print the DNS records for DANE (TLSA 3 1 1), MTA-STS (policy file + TXT) and TLS-RPT.")
public final class RecordsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--cert", required = true, paramLabel = "FILE", description = "PEM certificate (or chain) of the MX")
    Path cert;

    @Option(names = "--domain", required = true, paramLabel = "DOMAIN", description = "the mail domain (after the @)")
    String domain;

    @Option(names = "--mx", required = true, paramLabel = "NAME", description = "an MX host name; repeatable")
    List<String> mx = new ArrayList<>();

    @Option(names = "--next-key", paramLabel = "FILE",
            description = "the next key (public key, unencrypted private key or certificate) for TLSA rollover")
    Path nextKey;

    @Option(names = "--mode", paramLabel = "testing|enforce|none", defaultValue = "testing",
            description = "MTA-STS mode (default: ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--max-age", paramLabel = "SECONDS", defaultValue = "604800",
            description = "MTA-STS max_age (default: ${DEFAULT-VALUE}, one week)")
    long maxAge;

    @Option(names = "--rua", paramLabel = "URI", description = "TLS-RPT report address, mailto:... or https://... (default: mailto:postmaster@DOMAIN); repeatable")
    List<String> rua = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "output format: ${COMPLETION-CANDIDATES}")
    OutputFormat format;

    @Override
    public Integer call() {
        try {
            MtaStsMode stsMode = switch (mode) {
                case "testing" -> MtaStsMode.TESTING;
                case "enforce" -> MtaStsMode.ENFORCE;
                case "none" -> MtaStsMode.NONE;
                default -> throw new BadInputException("unknown MTA-STS mode '" + mode + "'; expected testing, enforce"
                        + " or none (none withdraws a published policy)");
            };
            var current = PublicKeys.ofCertificate(LocalFiles.read(cert, InputLimits.MAX_PEM_BYTES, "a PEM certificate"));
            var next = Optional.ofNullable(nextKey).map(path -> PublicKeys.ofCertificateOrKey(
                    LocalFiles.read(path, InputLimits.MAX_PEM_BYTES, "a PEM public key, private key or certificate")));
            DnsRecords records = new DnsRecordPlanner(Clock.systemUTC())
                    .plan(domain, mx, current, next, stsMode, maxAge, rua);
            spec.commandLine().getOut().print(format == OutputFormat.json ? Json.write(json(records)) + "\n" : text(records));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        } catch (BadInputException e) {
            return BadInput.report(spec, e);
        }
    }

    static Map<String, Object> json(DnsRecords records) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("tlsa", records.tlsa().stream().map(t -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", t.ownerName());
            m.put("usage", 3);
            m.put("selector", 1);
            m.put("matchingType", 1);
            m.put("data", t.sha256Hex());
            m.put("role", t.role());
            m.put("record", t.zoneLine());
            return m;
        }).toList());
        MtaStsPolicy policy = records.mtaStsPolicy();
        Map<String, Object> sts = new LinkedHashMap<>();
        sts.put("policyUrl", policy.url());
        sts.put("policy", policy.text());
        sts.put("mode", policy.mode().keyword());
        sts.put("mx", policy.mxPatterns());
        sts.put("maxAge", policy.maxAgeSeconds());
        sts.put("txtName", records.mtaStsTxt().ownerName());
        sts.put("txtValue", records.mtaStsTxt().value());
        sts.put("id", records.mtaStsTxt().id());
        document.put("mtaSts", sts);
        Map<String, Object> rpt = new LinkedHashMap<>();
        rpt.put("txtName", records.tlsRpt().ownerName());
        rpt.put("txtValue", records.tlsRpt().value());
        document.put("tlsRpt", rpt);
        document.put("notes", records.notes());
        return document;
    }

    static String text(DnsRecords records) {
        StringBuilder out = new StringBuilder("; DANE (publish in DNSSEC-signed zones only)\n");
        for (TlsaRecord t : records.tlsa()) {
            out.append(t.zoneLine()).append(t.role().equals("next") ? "   ; next key (rollover)" : "").append('\n');
        }
        out.append("\n; MTA-STS\n").append(records.mtaStsTxt().zoneLine()).append('\n');
        out.append("\n; TLS-RPT\n").append(records.tlsRpt().zoneLine()).append('\n');
        out.append("\n# MTA-STS policy file, serve at ").append(records.mtaStsPolicy().url()).append('\n');
        out.append(records.mtaStsPolicy().text().replace("\r\n", "\n"));
        out.append("\nNotes:\n");
        records.notes().forEach(n -> out.append("- ").append(n).append('\n'));
        return out.toString();
    }
}
