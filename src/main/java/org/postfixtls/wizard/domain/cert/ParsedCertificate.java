package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.BadInputException;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/** One certificate of a chain, with the derived facts the checks need. */
public final class ParsedCertificate {

    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private final X509Certificate certificate;
    private final int position;

    private ParsedCertificate(X509Certificate certificate, int position) {
        this.certificate = certificate;
        this.position = position;
    }

    /** Every CERTIFICATE block of the file, in file order. */
    public static List<ParsedCertificate> allOf(PemFile pem, String expected) {
        List<ParsedCertificate> certificates = new ArrayList<>();
        for (PemBlock block : pem.certificates()) {
            certificates.add(new ParsedCertificate(decode(pem.name(), block, expected), certificates.size() + 1));
        }
        return certificates;
    }

    static X509Certificate decode(String name, PemBlock block, String expected) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(block.der()));
        } catch (CertificateException | RuntimeException e) {
            throw new BadInputException(name + ": block " + block.number()
                    + " is not a valid X.509 certificate (corrupt or truncated); expected " + expected, e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public int position() {
        return position;
    }

    public SubjectPublicKeyInfo subjectPublicKeyInfo() {
        // Exactly the bytes inside the certificate: TLSA hashes these, and the JDK may re-encode getPublicKey().
        try {
            return org.bouncycastle.asn1.x509.Certificate.getInstance(certificate.getEncoded()).getSubjectPublicKeyInfo();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String subject() {
        return readable(certificate.getSubjectX500Principal().getEncoded());
    }

    public String issuer() {
        return readable(certificate.getIssuerX500Principal().getEncoded());
    }

    private static String readable(byte[] encodedName) {
        return X500Name.getInstance(BCStyle.INSTANCE, encodedName).toString();
    }

    public String commonName() {
        X500Name name = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        var rdns = name.getRDNs(BCStyle.CN);
        return rdns.length == 0 ? "" : rdns[0].getFirst().getValue().toString();
    }

    public List<String> dnsNames() {
        return sanValues(SAN_DNS);
    }

    public List<String> subjectAlternativeNames() {
        List<String> names = new ArrayList<>();
        sanValues(SAN_DNS).forEach(n -> names.add("DNS:" + n));
        sanValues(SAN_IP).forEach(n -> names.add("IP:" + n));
        return names;
    }

    private List<String> sanValues(int type) {
        try {
            var sans = certificate.getSubjectAlternativeNames();
            if (sans == null) {
                return List.of();
            }
            return sans.stream().filter(s -> (Integer) s.get(0) == type).map(s -> s.get(1).toString()).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    public boolean isSelfSigned() {
        return isIssuedBy(this);
    }

    /** Issuer name matches and the signature verifies: names alone would accept a forged or re-issued CA. */
    public boolean isIssuedBy(ParsedCertificate candidate) {
        return isIssuedBy(candidate.certificate);
    }

    public boolean isIssuedBy(X509Certificate candidate) {
        if (!certificate.getIssuerX500Principal().equals(candidate.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(candidate.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    public boolean isCertificateAuthority() {
        return certificate.getBasicConstraints() >= 0;
    }

    public Instant notBefore() {
        return certificate.getNotBefore().toInstant();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String signatureAlgorithm() {
        return certificate.getSigAlgName();
    }

    /** SHA-1 and MD5 signatures are rejected by current TLS stacks (except on self-signed roots, which are not verified). */
    public boolean hasWeakSignature() {
        String algorithm = signatureAlgorithm().toUpperCase(Locale.ROOT);
        return algorithm.contains("MD5") || algorithm.contains("SHA1") || algorithm.contains("SHA-1");
    }

    public CertificateDetails details(Instant now) {
        long daysLeft = Math.floorDiv(Duration.between(now, notAfter()).getSeconds(), 86_400L);
        return new CertificateDetails(position, subject(), subjectAlternativeNames(), issuer(),
                certificate.getSerialNumber(), notBefore(), notAfter(), daysLeft,
                PublicKeyDescription.of(subjectPublicKeyInfo()), signatureAlgorithm(), sha256Fingerprint(),
                isSelfSigned(), isCertificateAuthority());
    }

    public String label() {
        return "certificate " + position + " (" + subject() + ")";
    }
}
