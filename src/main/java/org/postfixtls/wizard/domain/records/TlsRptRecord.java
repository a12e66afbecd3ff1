package org.postfixtls.wizard.domain.records;

import java.util.List;
import org.postfixtls.wizard.domain.kernel.BadInputException;

/** {@code _smtp._tls.<domain> TXT "v=TLSRPTv1; rua=..."} (RFC 8460): where senders report TLS failures. */
public record TlsRptRecord(String domain, List<String> reportUris) {

    public TlsRptRecord {
        domain = DomainNames.require(domain, "mail domain");
        reportUris = List.copyOf(reportUris);
        if (reportUris.isEmpty()) {
            throw new BadInputException("TLS-RPT needs a report address; expected --rua mailto:address or https://url");
        }
        for (String uri : reportUris) {
            boolean mailto = uri.startsWith("mailto:") && uri.indexOf('@') > "mailto:".length() && !uri.endsWith("@");
            boolean https = uri.startsWith("https://") && uri.length() > "https://".length();
            if (!(mailto || https) || uri.contains(",") || uri.contains(";") || uri.contains("!") || uri.contains(" ")) {
                throw new BadInputException("TLS-RPT report address '" + uri
                        + "' is invalid; expected mailto:user@domain or https://url (RFC 8460)");
            }
        }
    }

    /** postmaster@ exists on every mail domain (RFC 5321), so it is a report address that cannot bounce. */
    public static TlsRptRecord toPostmaster(String domain) {
        return new TlsRptRecord(domain, List.of("mailto:postmaster@" + DomainNames.require(domain, "mail domain")));
    }

    public String ownerName() {
        return "_smtp._tls." + domain + ".";
    }

    public String value() {
        return "v=TLSRPTv1; rua=" + String.join(",", reportUris);
    }

    public String zoneLine() {
        return ownerName() + " IN TXT \"" + value() + "\"";
    }
}
