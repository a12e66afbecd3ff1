package org.postfixtls.wizard.testsupport;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.OutputEncryptor;

/** Certificates and keys generated at test time: CA -> intermediate -> leaf, in RSA, EC and Ed25519. */
public final class TestPki {

    public enum Algorithm { RSA, EC, ED25519 }

    private static final AtomicLong SERIAL = new AtomicLong(1000);

    public record Issued(KeyPair keys, X509Certificate certificate) {
    }

    private TestPki() {
    }

    public static KeyPair keys(Algorithm algorithm) {
        try {
            return switch (algorithm) {
                case RSA -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                    g.initialize(2048);
                    yield g.generateKeyPair();
                }
                case EC -> {
                    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
                    g.initialize(new ECGenParameterSpec("secp256r1"));
                    yield g.generateKeyPair();
                }
                case ED25519 -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static Issued rootCa(String cn, Algorithm algorithm) {
        KeyPair keys = keys(algorithm);
        return new Issued(keys, build(cn, keys, cn, keys, true, List.of(), Instant.now().minus(Duration.ofDays(1000)),
                Instant.now().plus(Duration.ofDays(3650))));
    }

    public static Issued intermediate(String cn, Algorithm algorithm, Issued issuer) {
        KeyPair keys = keys(algorithm);
        return new Issued(keys, build(cn, keys, subjectCn(issuer), issuer.keys(), true, List.of(),
                Instant.now().minus(Duration.ofDays(900)), Instant.now().plus(Duration.ofDays(1800))));
    }

    public static Issued leaf(String hostname, Algorithm algorithm, Issued issuer) {
        return leaf(hostname, algorithm, issuer, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(90)));
    }

    public static Issued leaf(String hostname, Algorithm algorithm, Issued issuer, Instant notBefore, Instant notAfter) {
        KeyPair keys = keys(algorithm);
        return new Issued(keys, build(hostname, keys, subjectCn(issuer), issuer.keys(), false, List.of(hostname),
                notBefore, notAfter));
    }

    public static Issued selfSigned(String hostname, Algorithm algorithm) {
        KeyPair keys = keys(algorithm);
        return new Issued(keys, build(hostname, keys, hostname, keys, false, List.of(hostname),
                Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365))));
    }

    private static String subjectCn(Issued issued) {
        return new X500Name(issued.certificate().getSubjectX500Principal().getName()).toString().substring(3);
    }

    private static X509Certificate build(String cn, KeyPair subjectKeys, String issuerCn, KeyPair issuerKeys,
            boolean ca, List<String> dnsNames, Instant notBefore, Instant notAfter) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name("CN=" + issuerCn),
                    BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
                    new X500Name("CN=" + cn), subjectKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            if (ca) {
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            }
            if (!dnsNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                        dnsNames.stream().map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            }
            String algorithm = switch (issuerKeys.getPrivate().getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> "Ed25519";
            };
            var signer = new JcaContentSignerBuilder(algorithm).build(issuerKeys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pem(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object o : objects) {
                writer.writeObject(o);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** PKCS#8 unencrypted ("BEGIN PRIVATE KEY"), like certbot's privkey.pem. */
    public static byte[] privateKeyPem(KeyPair keys) {
        try {
            return pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 encrypted ("BEGIN ENCRYPTED PRIVATE KEY"). */
    public static byte[] encryptedPrivateKeyPem(KeyPair keys, String passphrase) {
        try {
            OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setRandom(new SecureRandom()).setPassword(passphrase.toCharArray()).build();
            return pem(new JcaPKCS8Generator(keys.getPrivate(), encryptor).generate());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
