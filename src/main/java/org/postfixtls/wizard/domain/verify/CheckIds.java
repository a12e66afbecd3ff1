package org.postfixtls.wizard.domain.verify;

import org.postfixtls.wizard.domain.cert.FindingId;

/**
 * Stable ids of the verification checks (JSON {@code checks[].id}, docs/findings.md). Never rename one, only add.
 * Certificate problems use the ids of {@code cert inspect} ({@link FindingId}), e.g. {@code chain-incomplete}.
 */
public final class CheckIds {

    public static final String PORT_REACHABLE = "port-reachable";
    public static final String SMTP_DIALOG = "smtp-dialog";
    public static final String STARTTLS_OFFERED = "starttls-offered";
    public static final String TLS_HANDSHAKE = "tls-handshake";
    public static final String TLS_REQUIRED = "tls-required";
    public static final String AUTH_ONLY_AFTER_TLS = "auth-only-after-tls";
    public static final String AUTH_AFTER_TLS = "auth-after-tls";
    public static final String STARTTLS_NOT_REOFFERED = "starttls-not-reoffered";
    public static final String STARTTLS_INJECTION = "starttls-injection";
    public static final String PROTOCOL_PREFIX = "protocol-";
    public static final String WEAK_CIPHER_PREFIX = "weak-cipher-";
    public static final String CERTIFICATE_PRESENTED = "certificate-presented";
    public static final String CERTIFICATE_VALID = "certificate-valid";
    public static final String CERTIFICATE_EXPECTED = "certificate-expected";
    /** Only with RSA and ECDSA certificates side by side: each served to a client offering only its algorithm. */
    public static final String CERTIFICATE_ECDSA_SERVED = "certificate-ecdsa-served";
    public static final String CERTIFICATE_RSA_SERVED = "certificate-rsa-served";
    /** Post-quantum hybrid key exchange (X25519MLKEM768) on the port, decision 0067. */
    public static final String PQ_KEY_EXCHANGE = "pq-key-exchange";

    public static final String DNS_MX = "dns-mx";
    public static final String DNS_TLSA = "dns-tlsa";
    public static final String DNS_MTA_STS = "dns-mta-sts";
    public static final String DNS_MTA_STS_POLICY = "dns-mta-sts-policy";
    public static final String DNS_TLS_RPT = "dns-tls-rpt";

    public static final String OUTBOUND_LEVEL = "outbound-level";
    public static final String OUTBOUND_PROBE = "outbound-probe";
    public static final String OUTBOUND_LOG = "outbound-log";
    public static final String KEY_FILE_PERMISSIONS = FindingId.KEY_PERMISSIONS.id();

    public static final String DONE_SUBMISSION = "done-submission-tls";
    public static final String DONE_OUTBOUND = "done-outbound-tls";
    public static final String DONE_CIPHERS = "done-weak-ciphers-excluded";
    public static final String DONE_CERTIFICATE = "done-certificate";
    public static final String DONE_KEY = "done-key-protected";

    private CheckIds() {
    }

    /** {@code protocol-tlsv1}, {@code protocol-tlsv1.1}, {@code protocol-tlsv1.2}, {@code protocol-tlsv1.3}. */
    public static String protocol(TlsVersion version) {
        return PROTOCOL_PREFIX + version.label().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code certificate-ecdsa-served}, {@code certificate-rsa-served}. */
    public static String certificateServed(SignatureFamily family) {
        return family == SignatureFamily.ECDSA ? CERTIFICATE_ECDSA_SERVED : CERTIFICATE_RSA_SERVED;
    }

    /** {@code weak-cipher-rc4}, {@code -3des}, {@code -null}, {@code -export}, {@code -anon}. */
    public static String weakCipher(WeakCipherClass cipherClass) {
        return WEAK_CIPHER_PREFIX + cipherClass.key();
    }
}
