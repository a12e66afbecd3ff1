package org.postfixtls.wizard.adapter.dns;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.postfixtls.wizard.app.verify.DnsResolver;
import org.postfixtls.wizard.domain.verify.DnsAnswer;
import org.postfixtls.wizard.domain.verify.DnsQueryType;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TLSARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * DNS questions with dnsjava, to one resolver that is given explicitly (tests point it at a local test double;
 * the CLI uses the system's first resolver). It sets AD and DO so a validating resolver reports whether it
 * validated the answer (RFC 6840 §5.7); it validates nothing itself.
 */
public final class DnsjavaResolver implements DnsResolver {

    private final SimpleResolver resolver;
    private final InetSocketAddress server;

    public DnsjavaResolver(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.resolver = new SimpleResolver(server);
        this.resolver.setTimeout(timeout);
        this.resolver.setEDNS(0, 1232, ExtendedFlags.DO, List.of());
    }

    /** The system's configured resolver (resolv.conf), or empty when there is none. */
    public static java.util.Optional<InetSocketAddress> systemResolver() {
        List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
        return servers.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(servers.get(0));
    }

    @Override
    public DnsAnswer query(String name, DnsQueryType type) {
        int rrType = switch (type) {
            case MX -> Type.MX;
            case TLSA -> Type.TLSA;
            case TXT -> Type.TXT;
        };
        Name qname;
        try {
            qname = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            return new DnsAnswer(DnsAnswer.Status.NXDOMAIN, List.of(), false, "not a valid DNS name: " + name);
        }
        Message query = Message.newQuery(Record.newRecord(qname, rrType, DClass.IN));
        query.getHeader().setFlag(Flags.AD);
        Message response;
        try {
            response = resolver.send(query);
        } catch (IOException e) {
            return DnsAnswer.unreachable("no DNS answer from " + server.getHostString() + ":" + server.getPort()
                    + " for " + name + " " + type + " (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
        boolean authenticated = response.getHeader().getFlag(Flags.AD);
        int rcode = response.getRcode();
        String detail = name + " " + type + ": " + Rcode.string(rcode) + (authenticated ? " (AD)" : "");
        if (rcode == Rcode.NXDOMAIN) {
            return new DnsAnswer(DnsAnswer.Status.NXDOMAIN, List.of(), authenticated, detail);
        }
        if (rcode != Rcode.NOERROR) {
            return new DnsAnswer(DnsAnswer.Status.SERVFAIL, List.of(), false, detail);
        }
        List<String> records = new ArrayList<>();
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record.getType() != rrType) {
                continue; // CNAMEs on the way
            }
            records.add(switch (record) {
                case MXRecord mx -> mx.getPriority() + " " + mx.getTarget().toString();
                case TLSARecord tlsa -> tlsa.getCertificateUsage() + " " + tlsa.getSelector() + " " + tlsa.getMatchingType()
                        + " " + HexFormat.of().formatHex(tlsa.getCertificateAssociationData()).toUpperCase(Locale.ROOT);
                case TXTRecord txt -> String.join("", txt.getStrings());
                default -> record.rdataToString();
            });
        }
        return new DnsAnswer(records.isEmpty() ? DnsAnswer.Status.NODATA : DnsAnswer.Status.OK, records, authenticated, detail);
    }
}
