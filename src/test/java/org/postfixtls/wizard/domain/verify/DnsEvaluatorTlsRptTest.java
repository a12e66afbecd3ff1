package org.postfixtls.wizard.domain.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A missing TLS-RPT record's fix names the report address the admin entered, not a made-up one. */
class DnsEvaluatorTlsRptTest {

    private static final DnsAnswer NONE = new DnsAnswer(DnsAnswer.Status.NXDOMAIN, List.of(), false, "NXDOMAIN");

    private static DnsObservation withoutTlsRpt() {
        return new DnsObservation("example.org",
                new DnsAnswer(DnsAnswer.Status.OK, List.of("10 mail.example.org."), false, "MX"), Map.of(), NONE, NONE,
                new PolicyFetch.NotChecked("no TXT record"));
    }

    private static String tlsRptFix(DnsResult result) {
        return result.checks().stream().filter(c -> c.id().equals(CheckIds.DNS_TLS_RPT)).findFirst().orElseThrow()
                .fix().orElseThrow();
    }

    @Test
    void theFixUsesTheAddressFromTheDnsStep() {
        DnsResult result = DnsEvaluator.evaluate(withoutTlsRpt(), List.of(), Optional.of("reports@example.net"));

        assertEquals("Publish _smtp._tls.example.org TXT \"v=TLSRPTv1; rua=mailto:reports@example.net\"",
                tlsRptFix(result));
    }

    @Test
    void withoutAnAddressTheFixSuggestsOneAtTheDomain() {
        DnsResult result = DnsEvaluator.evaluate(withoutTlsRpt(), List.of(), Optional.empty());

        assertEquals("Publish _smtp._tls.example.org TXT \"v=TLSRPTv1; rua=mailto:tlsrpt@example.org\"",
                tlsRptFix(result));
    }
}
