package org.postfixtls.wizard.domain.verify;

import java.util.Map;
import java.util.Optional;

/**
 * Everything DNS said about a mail domain.
 *
 * @param tlsa         per MX host name (as in the MX record, without trailing dot): the answer at _25._tcp.&lt;mx&gt;
 * @param mtaStsPolicy what fetching https://mta-sts.&lt;domain&gt;/.well-known/mta-sts.txt gave
 */
public record DnsObservation(String domain, DnsAnswer mx, Map<String, DnsAnswer> tlsa, DnsAnswer mtaStsTxt,
                             DnsAnswer tlsRptTxt, PolicyFetch mtaStsPolicy) {

    public DnsObservation {
        tlsa = Map.copyOf(tlsa);
        java.util.Objects.requireNonNull(mtaStsPolicy, "mtaStsPolicy");
    }

    /** The policy file's text, when it was fetched. */
    public Optional<String> policyText() {
        return mtaStsPolicy instanceof PolicyFetch.Fetched fetched ? Optional.of(fetched.body()) : Optional.empty();
    }
}
