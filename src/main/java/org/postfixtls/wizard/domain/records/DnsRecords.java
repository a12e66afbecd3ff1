package org.postfixtls.wizard.domain.records;

import java.util.List;

/** Everything to publish for DANE, MTA-STS and TLS-RPT, plus the caveats the administrator must read. */
public record DnsRecords(
        List<TlsaRecord> tlsa,
        MtaStsPolicy mtaStsPolicy,
        MtaStsTxtRecord mtaStsTxt,
        TlsRptRecord tlsRpt,
        List<String> notes) {

    public DnsRecords {
        tlsa = List.copyOf(tlsa);
        notes = List.copyOf(notes);
    }
}
