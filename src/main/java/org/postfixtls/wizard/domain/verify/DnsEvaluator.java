package org.postfixtls.wizard.domain.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Judges what DNS said: MX, DANE (TLSA with the AD bit, matching the served key), MTA-STS and TLS-RPT. */
public final class DnsEvaluator {

    private DnsEvaluator() {
    }

    /** The MX host names of an MX answer, lower case, without the trailing dot, in preference order. */
    public static List<String> mxHosts(DnsAnswer mx) {
        return mx.records().stream()
                .map(r -> r.strip().split("\\s+"))
                .filter(p -> p.length == 2)
                .sorted((a, b) -> Integer.compare(parseInt(a[0]), parseInt(b[0])))
                .map(p -> stripDot(p[1]))
                .toList();
    }

    /** @param servedChain certificates served on the SMTP port (leaf first), empty when none was seen */
    public static DnsResult evaluate(DnsObservation dns, List<byte[]> servedChain) {
        return evaluate(dns, servedChain, java.util.Optional.empty());
    }

    /** As above; a missing TLS-RPT record's fix names {@code reportAddress} when the admin gave one. */
    public static DnsResult evaluate(DnsObservation dns, List<byte[]> servedChain,
            java.util.Optional<String> reportAddress) {
        List<Check> checks = new ArrayList<>();
        String domain = dns.domain();
        DnsAnswer mx = dns.mx();
        List<String> hosts = mxHosts(mx);
        if (!mx.answered()) {
            checks.add(Check.skipped(CheckIds.DNS_MX, null, "not checked: " + mx.detail()));
        } else if (hosts.isEmpty()) {
            checks.add(Check.fail(CheckIds.DNS_MX, null, domain + " has no MX record", List.of(mx.detail()),
                    "Publish an MX record for " + domain + " pointing at the mail server's host name"));
        } else {
            checks.add(Check.pass(CheckIds.DNS_MX, null, domain + " MX: " + String.join(", ", hosts),
                    mx.records().stream().map(r -> domain + ". MX " + r).toList()));
        }
        for (String host : hosts) {
            checks.add(tlsa(host, dns.tlsa().get(host), servedChain));
        }
        if (hosts.isEmpty() && mx.answered()) {
            checks.add(Check.skipped(CheckIds.DNS_TLSA, null, "not checked: no MX host to look up TLSA for"));
        }
        checks.add(txt(CheckIds.DNS_MTA_STS, "_mta-sts." + domain, dns.mtaStsTxt(), "v=STSv1",
                "MTA-STS is not published (optional; lets senders require TLS to you)",
                "Publish _mta-sts." + domain + " TXT \"v=STSv1; id=<date>\" and the policy file (see records)"));
        checks.add(policy(dns, hosts));
        checks.add(txt(CheckIds.DNS_TLS_RPT, "_smtp._tls." + domain, dns.tlsRptTxt(), "v=TLSRPTv1",
                "TLS-RPT is not published (optional; senders report TLS failures to you)",
                "Publish _smtp._tls." + domain + " TXT \"v=TLSRPTv1; rua=mailto:"
                        + reportAddress.filter(address -> !address.isBlank()).orElse("tlsrpt@" + domain) + "\""));
        return new DnsResult(dns, checks);
    }

    private static Check tlsa(String host, DnsAnswer answer, List<byte[]> servedChain) {
        String name = "_25._tcp." + host;
        if (answer == null || !answer.answered()) {
            return Check.skipped(CheckIds.DNS_TLSA, null, "not checked: " + (answer == null ? "not queried" : answer.detail()));
        }
        if (answer.absent()) {
            return Check.warn(CheckIds.DNS_TLSA, null, "no TLSA record at " + name + " (DANE not used)", List.of(answer.detail()),
                    "Optional: sign the zone with DNSSEC and publish " + name + " TLSA 3 1 1 <SHA-256 of the key> (see records)");
        }
        List<String> evidence = new ArrayList<>(answer.records().stream().map(r -> name + ". TLSA " + r).toList());
        evidence.add("AD bit: " + answer.authenticated());
        if (!answer.authenticated()) {
            return Check.warn(CheckIds.DNS_TLSA, null, name + " has TLSA records but the answer is not DNSSEC-validated"
                    + " (no AD bit): DANE senders ignore them", evidence,
                    "Sign the zone with DNSSEC (and check with a validating resolver); without it TLSA has no effect");
        }
        if (servedChain.isEmpty()) {
            return Check.warn(CheckIds.DNS_TLSA, null, name + " TLSA is DNSSEC-validated, but no served certificate"
                    + " was seen to compare it with", evidence, "Verify the SMTP port too");
        }
        boolean anyMatch = answer.records().stream()
                .map(r -> TlsaMatcher.matches(r, servedChain)).anyMatch(m -> m.orElse(false));
        return anyMatch
                ? Check.pass(CheckIds.DNS_TLSA, null, name + " TLSA is DNSSEC-validated and matches the served certificate", evidence)
                : Check.fail(CheckIds.DNS_TLSA, null, name + " TLSA matches none of the served certificates: DANE senders"
                + " will refuse to deliver", evidence,
                "Publish TLSA 3 1 1 for the key now served (keep the old record until caches expire), or serve the key the record names");
    }

    private static Check txt(String id, String name, DnsAnswer answer, String version, String absentText, String fix) {
        if (!answer.answered()) {
            return Check.skipped(id, null, "not checked: " + answer.detail());
        }
        if (answer.absent()) {
            return Check.warn(id, null, absentText, List.of(name + ": " + answer.status()), fix);
        }
        List<String> matching = answer.records().stream().filter(r -> r.startsWith(version)).toList();
        List<String> evidence = answer.records().stream().map(r -> name + ". TXT \"" + r + "\"").toList();
        if (matching.size() == 1) {
            return Check.pass(id, null, name + " is published", evidence);
        }
        return Check.fail(id, null, matching.isEmpty() ? name + " has TXT records but none starting with " + version
                : name + " has " + matching.size() + " " + version + " records; there must be exactly one", evidence, fix);
    }

    private static Check policy(DnsObservation dns, List<String> mxHosts) {
        String url = "https://mta-sts." + dns.domain() + "/.well-known/mta-sts.txt";
        return switch (dns.mtaStsPolicy()) {
            case PolicyFetch.NotChecked notChecked ->
                    Check.skipped(CheckIds.DNS_MTA_STS_POLICY, null, "not checked: " + notChecked.reason());
            case PolicyFetch.NotServed notServed -> Check.fail(CheckIds.DNS_MTA_STS_POLICY, null,
                    "the MTA-STS policy file cannot be fetched by senders: " + notServed.problem(),
                    List.of("GET " + url + ": " + notServed.problem()),
                    "Serve the policy at " + url + " over HTTPS with a CA-trusted certificate for mta-sts."
                            + dns.domain() + ", status 200, Content-Type text/plain and no redirect (RFC 8461 3.3)");
            case PolicyFetch.Fetched fetched -> policyText(url, fetched.body(), mxHosts);
        };
    }

    private static Check policyText(String url, String body, List<String> mxHosts) {
        List<String> patterns = new ArrayList<>();
        String mode = null;
        String version = null;
        for (String line : body.split("\r?\n")) {
            String[] kv = line.split(":", 2);
            if (kv.length != 2) {
                continue;
            }
            String key = kv[0].strip().toLowerCase(Locale.ROOT);
            String value = kv[1].strip();
            switch (key) {
                case "mx" -> patterns.add(value.toLowerCase(Locale.ROOT));
                case "mode" -> mode = value;
                case "version" -> version = value;
                default -> { }
            }
        }
        List<String> evidence = List.of(url, "version: " + version, "mode: " + mode, "mx: " + String.join(", ", patterns));
        if (!"STSv1".equals(version) || mode == null) {
            return Check.fail(CheckIds.DNS_MTA_STS_POLICY, null, "the MTA-STS policy file is malformed (needs version: STSv1 and mode:)",
                    evidence, "Serve a policy with version: STSv1, mode:, mx: and max_age: lines");
        }
        List<String> uncovered = mxHosts.stream().filter(h -> patterns.stream().noneMatch(p -> mxMatches(p, h))).toList();
        if (!uncovered.isEmpty()) {
            return Check.fail(CheckIds.DNS_MTA_STS_POLICY, null, "the MTA-STS policy does not list MX " + String.join(", ", uncovered)
                    + (Optional.ofNullable(mode).filter("enforce"::equals).isPresent() ? ": senders will refuse to deliver to it" : ""),
                    evidence, "Add an mx: line for each MX host to the policy file and change the id in the _mta-sts TXT record");
        }
        return Check.pass(CheckIds.DNS_MTA_STS_POLICY, null, "the MTA-STS policy (mode " + mode + ") covers every MX", evidence);
    }

    static boolean mxMatches(String pattern, String host) {
        if (pattern.startsWith("*.")) {
            int dot = host.indexOf('.');
            return dot > 0 && host.substring(dot + 1).equals(pattern.substring(2));
        }
        return pattern.equals(host);
    }

    private static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    private static String stripDot(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
