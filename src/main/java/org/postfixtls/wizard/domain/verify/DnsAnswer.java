package org.postfixtls.wizard.domain.verify;

import java.util.List;
import java.util.Objects;

/**
 * The answer to one DNS question, with records in presentation form ({@code 10 mx.example.com.},
 * {@code 3 1 1 ABCD...}, TXT strings joined). {@code UNREACHABLE} means no DNS server answered: the check
 * becomes "not checked", never a pass or a "record missing".
 *
 * @param authenticated the resolver set the AD bit (it validated the answer with DNSSEC)
 */
public record DnsAnswer(Status status, List<String> records, boolean authenticated, String detail) {

    public enum Status {
        OK, NXDOMAIN, NODATA, SERVFAIL, UNREACHABLE
    }

    public DnsAnswer {
        Objects.requireNonNull(status, "status");
        records = List.copyOf(records);
        Objects.requireNonNull(detail, "detail");
    }

    public static DnsAnswer unreachable(String detail) {
        return new DnsAnswer(Status.UNREACHABLE, List.of(), false, detail);
    }

    public boolean answered() {
        return status != Status.UNREACHABLE && status != Status.SERVFAIL;
    }

    /** No such record (the name or the type does not exist). */
    public boolean absent() {
        return status == Status.NXDOMAIN || status == Status.NODATA || (status == Status.OK && records.isEmpty());
    }
}
