package org.postfixtls.wizard.adapter.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * Bouncy Castle's low-level TLS client, limited to the versions one probe offers. It lives entirely in this object:
 * no JSSE provider is registered and no {@code jdk.tls.disabledAlgorithms} is touched, so TLS 1.0/1.1 can be probed
 * while the rest of the JVM keeps its defaults. It accepts any certificate and keeps the chain: judging the chain
 * is the certificate inspection's job, with the user's CA bundle, not the handshake's.
 */
class ProbeTlsClient extends DefaultTlsClient {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProtocolVersion[] versions;
    private final String serverName;
    private final List<byte[]> chain = new ArrayList<>();

    ProbeTlsClient(ProtocolVersion[] versions, String host) {
        super(new BcTlsCrypto(RANDOM));
        this.versions = versions.clone();
        this.serverName = isIpLiteral(host) ? null : host;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return versions.clone();
    }

    @Override
    protected Vector<ServerName> getSNIServerNames() {
        if (serverName == null) {
            return null;
        }
        Vector<ServerName> names = new Vector<>();
        names.add(new ServerName(NameType.host_name, serverName.getBytes(StandardCharsets.US_ASCII)));
        return names;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                for (TlsCertificate certificate : serverCertificate.getCertificate().getCertificateList()) {
                    chain.add(certificate.getEncoded());
                }
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest certificateRequest) {
                return null;
            }
        };
    }

    org.bouncycastle.tls.SecurityParameters securityParameters() {
        return context.getSecurityParametersConnection();
    }

    List<byte[]> chain() {
        return List.copyOf(chain);
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
    }

    static boolean hostIsIpLiteral(String host) {
        return isIpLiteral(host);
    }

}
