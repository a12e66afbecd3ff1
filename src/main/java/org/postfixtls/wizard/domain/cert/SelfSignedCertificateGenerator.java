package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.BadInputException;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed server certificate for testing a Postfix setup before a real one exists (guide, step 1, "for
 * testing only"). It carries the host name as subjectAltName and the serverAuth purpose, like a CA-issued one.
 */
public final class SelfSignedCertificateGenerator {

    /** The guide's openssl example uses 365 days. */
    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(365);

    private final Clock clock;
    private final SecureRandom random;

    public SelfSignedCertificateGenerator(Clock clock, SecureRandom random) {
        this.clock = clock;
        this.random = random;
    }

    public SelfSignedCertificateGenerator() {
        this(Clock.systemUTC(), new SecureRandom());
    }

    public GeneratedCertificate generate(String hostname, GeneratedKeyType keyType) {
        return generate(hostname, keyType, DEFAULT_VALIDITY);
    }

    public GeneratedCertificate generate(String hostname, GeneratedKeyType keyType, Duration validity) {
        String name = HostnameMatcher.normalize(hostname);
        if (!name.matches("([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?")) {
            throw new BadInputException("'" + hostname + "' is not a valid host name; expected e.g. mail.example.com");
        }
        try {
            KeyPair keys = keyPair(keyType);
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, name).build();
            // Backdate a little so a server with a slightly slow clock does not see a not-yet-valid certificate.
            Instant notBefore = clock.instant().minus(Duration.ofMinutes(5));
            var builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, random).add(BigInteger.ONE),
                    Date.from(notBefore), Date.from(clock.instant().plus(validity)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyType == GeneratedKeyType.EC
                    ? KeyUsage.digitalSignature : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, name)));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            String signature = keyType == GeneratedKeyType.EC ? "SHA256withECDSA" : "SHA256withRSA";
            X509CertificateHolder certificate = builder.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate()));
            return new GeneratedCertificate(name, keyType, pem(certificate),
                    pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot generate a " + keyType.option() + " certificate", e);
        }
    }

    private KeyPair keyPair(GeneratedKeyType keyType) throws GeneralSecurityException {
        if (keyType == GeneratedKeyType.EC) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            return generator.generateKeyPair();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(keyType == GeneratedKeyType.RSA_4096 ? 4096 : 2048, random);
        return generator.generateKeyPair();
    }

    private static byte[] pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
