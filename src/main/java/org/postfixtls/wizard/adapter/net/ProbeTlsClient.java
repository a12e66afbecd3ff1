package org.postfixtls.wizard.adapter.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.KeyExchangeAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.NameType;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerName;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;
import org.postfixtls.wizard.domain.verify.SignatureFamily;

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

    /** Null: every signature algorithm Bouncy Castle supports; else only this family's (a dual-certificate probe). */
    private final SignatureFamily only;

    ProbeTlsClient(ProtocolVersion[] versions, String host) {
        this(versions, host, null);
    }

    ProbeTlsClient(ProtocolVersion[] versions, String host, SignatureFamily only) {
        super(new BcTlsCrypto(RANDOM));
        this.versions = versions.clone();
        this.serverName = isIpLiteral(host) ? null : host;
        this.only = only;
    }

    /**
     * signature_algorithms decides which of the server's certificates it serves (TLS 1.3, and TLS 1.2 together
     * with the cipher suite): offering one family alone asks for that family's certificate.
     */
    @Override
    protected Vector<SignatureAndHashAlgorithm> getSupportedSignatureAlgorithms() {
        Vector<SignatureAndHashAlgorithm> all = super.getSupportedSignatureAlgorithms();
        if (only == null) {
            return all;
        }
        Vector<SignatureAndHashAlgorithm> family = new Vector<>();
        for (SignatureAndHashAlgorithm algorithm : all) {
            if (belongs(algorithm.getSignature())) {
                family.add(algorithm);
            }
        }
        return family;
    }

    /**
     * signature_algorithms_cert: the CA may sign an ECDSA leaf with RSA (the test beds' CA does), so the chain's
     * own signatures may use any algorithm; without this extension signature_algorithms would also limit them.
     */
    @Override
    protected Vector<SignatureAndHashAlgorithm> getSupportedSignatureAlgorithmsCert() {
        return only == null ? super.getSupportedSignatureAlgorithmsCert() : super.getSupportedSignatureAlgorithms();
    }

    /** TLS 1.2 suites name the certificate's algorithm (ECDHE_ECDSA_*, ECDHE_RSA_*): keep the family's, and TLS 1.3's. */
    @Override
    protected int[] getSupportedCipherSuites() {
        int[] all = super.getSupportedCipherSuites();
        if (only == null) {
            return all;
        }
        return java.util.Arrays.stream(all).filter(suite -> switch (TlsUtils.getKeyExchangeAlgorithm(suite)) {
            case KeyExchangeAlgorithm.NULL -> true; // TLS 1.3: the certificate follows signature_algorithms alone
            case KeyExchangeAlgorithm.ECDHE_ECDSA -> only == SignatureFamily.ECDSA;
            case KeyExchangeAlgorithm.ECDHE_RSA, KeyExchangeAlgorithm.DHE_RSA, KeyExchangeAlgorithm.RSA ->
                    only == SignatureFamily.RSA;
            default -> false;
        }).toArray();
    }

    private boolean belongs(short signature) {
        return switch (only) {
            case ECDSA -> signature == SignatureAlgorithm.ecdsa;
            case RSA -> signature == SignatureAlgorithm.rsa || signature == SignatureAlgorithm.rsa_pss_rsae_sha256
                    || signature == SignatureAlgorithm.rsa_pss_rsae_sha384
                    || signature == SignatureAlgorithm.rsa_pss_rsae_sha512;
        };
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
