package org.postfixtls.wizard.domain.verify;

import java.util.Map;
import java.util.Optional;

/**
 * Everything DNS said about a mail domain.
 *
 * @param tlsa         per MX host name (as in the MX record, without trailing dot): the answer at _25._tcp.&lt;mx&gt;
 * @param mtaStsPolicy the policy file fetched from https://mta-sts.&lt;domain&gt;/.well-known/mta-sts.txt, when
 *                     fetched; {@code policyProblem} says why not
 */
public record DnsObservation(String domain, DnsAnswer mx, Map<String, DnsAnswer> tlsa, DnsAnswer mtaStsTxt,
                             DnsAnswer tlsRptTxt, Optional<String> mtaStsPolicy, Optional<String> policyProblem) {

    public DnsObservation {
        tlsa = Map.copyOf(tlsa);
    }
}
