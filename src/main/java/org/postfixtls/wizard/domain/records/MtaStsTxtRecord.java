package org.postfixtls.wizard.domain.records;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;
import org.postfixtls.wizard.domain.kernel.BadInputException;

/**
 * {@code _mta-sts.<domain> TXT "v=STSv1; id=..."}. Senders re-fetch the policy only when the id changes, so every
 * policy change needs a fresh id: a UTC timestamp is unique and sorts.
 */
public record MtaStsTxtRecord(String domain, String id) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

    public MtaStsTxtRecord {
        domain = DomainNames.require(domain, "mail domain");
        if (!ID.matcher(id).matches()) {
            throw new BadInputException("MTA-STS id '" + id + "' is invalid; expected 1-32 letters or digits (RFC 8461)");
        }
    }

    public static MtaStsTxtRecord fresh(String domain, Clock clock) {
        return new MtaStsTxtRecord(domain, TIMESTAMP.format(clock.instant()));
    }

    public String ownerName() {
        return "_mta-sts." + domain + ".";
    }

    public String value() {
        return "v=STSv1; id=" + id;
    }

    public String zoneLine() {
        return ownerName() + " IN TXT \"" + value() + "\"";
    }
}
