package org.postfixtls.wizard.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postfixtls.wizard.app.discovery.Discovery;
import org.postfixtls.wizard.app.discovery.ServerFacts;
import org.postfixtls.wizard.app.remote.RemoteSession;
import picocli.CommandLine.Command;

@Command(name = "discover", mixinStandardHelpOptions = true,
        description = "Read the server's Postfix setup over SSH (read-only): versions, files, SASL, certificates,"
                + " DNSSEC resolver, how Postfix runs.")
public final class DiscoverCommand extends RemoteCommand {

    @Override
    int run(RemoteSession session, PrintWriter out, PrintWriter err) {
        ServerFacts facts = new Discovery().discover(session, remote.configDir, true);
        if (format == OutputFormat.json) {
            out.println(Json.write(json(facts)));
        } else {
            out.println("Server:          " + facts.target());
            out.println("Postfix:         " + facts.postfixVersion() + " (" + facts.serviceManager() + ", master "
                    + (facts.masterRunning() ? "running" : "NOT running") + ")");
            out.println("OpenSSL:         " + facts.opensslVersion());
            out.println("Postfix's TLS:   " + facts.runtime().describeOpenssl() + "; TLSRPT build: "
                    + switch (facts.runtime().tlsrpt()) {
                        case YES -> "yes";
                        case NO -> "no (built without libtlsrpt)";
                        case UNKNOWN -> "not known";
                    });
            out.println("System OpenSSL:  " + facts.runtime().strictSystemPolicy()
                    .map(p -> p + " (applies to Postfix while tls_config_file = default)")
                    .orElse("no strict system-wide setting found"));
            out.println("config_directory " + facts.configDirectory() + ", default_database_type "
                    + facts.defaultDatabaseType());
            out.println("myhostname       " + facts.myhostname() + ", mydomain " + facts.mydomain());
            out.println("TLS policy map:  " + (facts.tlsPolicy() == null ? "none" : "tls_policy present"));
            out.println("SASL:            " + (facts.sasl().type().isEmpty() ? "none" : facts.sasl().type() + " "
                    + facts.sasl().path() + (facts.sasl().socketExists() == null ? ""
                            : facts.sasl().socketExists() ? " (socket exists)" : " (socket MISSING)")));
            out.println("DNSSEC resolver: " + facts.dnssec().status() + " (" + facts.dnssec().detail() + ")");
            facts.stack().ifPresent(stack -> out.println("Mail stack:      " + stack.stack().displayName() + " ("
                    + stack.evidence() + "): its own scripts rewrite Postfix's files; plan names where settings go"));
            out.println("Certificates:");
            for (ServerFacts.CertificateCandidate c : facts.certificates()) {
                out.println("  " + c.path() + " [" + c.source() + "] " + (c.error() != null ? c.error()
                        : c.subject() + ", expires " + c.notAfter() + " (" + c.daysLeft() + " days)"
                                + (c.findings().isEmpty() ? "" : ", " + String.join(", ", c.findings()))));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static Map<String, Object> json(ServerFacts facts) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("target", facts.target());
        doc.put("postfixVersion", facts.postfixVersion());
        doc.put("opensslVersion", facts.opensslVersion());
        Map<String, Object> runtime = new LinkedHashMap<>();
        runtime.put("openssl", facts.runtime().opensslVersion().map(Object::toString).orElse(null));
        runtime.put("opensslEvidence", facts.runtime().opensslEvidence());
        runtime.put("tlsrpt", facts.runtime().tlsrpt().name().toLowerCase(java.util.Locale.ROOT));
        runtime.put("strictSystemPolicy", facts.runtime().systemPolicy());
        doc.put("tlsRuntime", runtime);
        doc.put("configDirectory", facts.configDirectory());
        doc.put("defaultDatabaseType", facts.defaultDatabaseType());
        doc.put("myhostname", facts.myhostname());
        doc.put("mydomain", facts.mydomain());
        doc.put("parameters", facts.parameters());
        doc.put("mainCf", facts.mainCf());
        doc.put("masterCf", facts.masterCf());
        doc.put("tlsPolicy", facts.tlsPolicy());
        Map<String, Object> sasl = new LinkedHashMap<>();
        sasl.put("type", facts.sasl().type());
        sasl.put("path", facts.sasl().path());
        sasl.put("socket", facts.sasl().socket());
        sasl.put("socketExists", facts.sasl().socketExists());
        doc.put("sasl", sasl);
        doc.put("masterRunning", facts.masterRunning());
        doc.put("serviceManager", facts.serviceManager());
        doc.put("mailStack", facts.stack().map(stack -> Map.of("name", stack.stack().displayName(), "evidence",
                stack.evidence())).orElse(null));
        doc.put("certificates", facts.certificates().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", c.path());
            m.put("source", c.source());
            m.put("owner", c.owner());
            m.put("group", c.group());
            m.put("mode", c.mode());
            m.put("subject", c.subject());
            m.put("subjectAlternativeNames", c.subjectAlternativeNames());
            m.put("issuer", c.issuer());
            m.put("notAfter", c.notAfter() == null ? null : c.notAfter().toString());
            m.put("daysLeft", c.daysLeft());
            m.put("selfSigned", c.selfSigned());
            m.put("findings", c.findings());
            m.put("error", c.error());
            return m;
        }).toList());
        Map<String, Object> dnssec = new LinkedHashMap<>();
        dnssec.put("status", facts.dnssec().status());
        dnssec.put("resolver", facts.dnssec().resolver());
        dnssec.put("detail", facts.dnssec().detail());
        doc.put("dnssec", dnssec);
        return doc;
    }
}
