package org.postfixtls.wizard.domain.records;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.postfixtls.wizard.domain.kernel.BadInputException;

/** Derives the DNS records of a mail domain from the server's public key(s). */
public final class DnsRecordPlanner {

    private final Clock clock;

    public DnsRecordPlanner(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param currentKey the key in the deployed certificate
     * @param nextKey    the key of the next certificate, published ahead so a renewal with a new key does not
     *                   break DANE while resolvers still cache the old TLSA set
     * @param rua        TLS-RPT report URIs; empty selects postmaster@domain
     */
    public DnsRecords plan(String domain, List<String> mxHosts, SubjectPublicKeyInfo currentKey,
            Optional<SubjectPublicKeyInfo> nextKey, MtaStsMode mode, long maxAgeSeconds, List<String> rua) {
        if (mxHosts.isEmpty()) {
            throw new BadInputException("at least one MX host name is needed (--mx mail.example.com)");
        }
        List<TlsaRecord> tlsa = new ArrayList<>();
        for (String mx : mxHosts) {
            tlsa.add(TlsaRecord.of(mx, currentKey, "current"));
            nextKey.filter(next -> !next.equals(currentKey)).ifPresent(next -> tlsa.add(TlsaRecord.of(mx, next, "next")));
        }
        MtaStsPolicy policy = new MtaStsPolicy(domain, mode, mxHosts, maxAgeSeconds);
        TlsRptRecord tlsRpt = rua.isEmpty() ? TlsRptRecord.toPostmaster(domain) : new TlsRptRecord(domain, rua);

        List<String> notes = new ArrayList<>();
        notes.add("TLSA records protect mail only when the MX host's zone is DNSSEC-signed; without DNSSEC, senders ignore them.");
        if (nextKey.filter(next -> !next.equals(currentKey)).isPresent()) {
            notes.add("Keep both TLSA records until the new certificate is deployed and the old record's TTL has passed,"
                    + " then remove the 'current' one.");
        } else {
            notes.add("certbot makes a new key at each renewal unless run with --reuse-key; otherwise publish the next"
                    + " key's TLSA record (--next-key) before every renewal, or DANE senders will defer mail.");
        }
        notes.add("MTA-STS requires the policy file at " + policy.url()
                + " over HTTPS with a CA-trusted certificate for mta-sts." + policy.domain()
                + ", and every MX certificate must be CA-trusted and match its name.");
        if (mode == MtaStsMode.ENFORCE) {
            notes.add("mode: enforce makes senders refuse delivery on TLS problems; run with mode: testing and watch"
                    + " the TLS-RPT reports first.");
        }
        if (mode == MtaStsMode.NONE) {
            notes.add("mode: none withdraws the policy: keep serving this file and the new TXT id until the previous"
                    + " max_age has passed everywhere, then remove the _mta-sts record.");
        }
        notes.add("Change the _mta-sts TXT id whenever the policy file changes; senders re-fetch only on a new id.");
        return new DnsRecords(tlsa, policy, MtaStsTxtRecord.fresh(domain, clock), tlsRpt, notes);
    }
}
