package org.postfixtls.wizard.domain.cert;

import org.postfixtls.wizard.domain.kernel.FileContent;
import org.postfixtls.wizard.domain.kernel.BadInputException;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed448PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * A key as far as the checks need it: its kind and its public half. The private material is used only to derive
 * the public key and is not kept, so nothing downstream can leak or log it.
 */
public final class KeyMaterial {

    private static final String EXPECTED = "a PEM private key (BEGIN PRIVATE KEY / RSA PRIVATE KEY / EC PRIVATE KEY) "
            + "or a PEM public key (BEGIN PUBLIC KEY)";

    private final String name;
    private final KeyKind kind;
    private final SubjectPublicKeyInfo publicKey;

    private KeyMaterial(String name, KeyKind kind, SubjectPublicKeyInfo publicKey) {
        this.name = name;
        this.kind = kind;
        this.publicKey = publicKey;
    }

    /** Reads the single key of a PEM key file: private (plain or encrypted) or public. */
    public static KeyMaterial parse(FileContent content) {
        PemFile pem = PemFile.parse(content, EXPECTED);
        List<PemBlock> keys = pem.keys();
        if (keys.isEmpty()) {
            String found = pem.certificates().isEmpty() ? "no key" : "a certificate";
            throw new BadInputException(content.name() + " contains " + found + "; expected " + EXPECTED);
        }
        if (keys.size() > 1) {
            throw new BadInputException(content.name() + " contains " + keys.size() + " keys; expected exactly one");
        }
        return fromBlock(content.name(), keys.get(0));
    }

    public static KeyMaterial ofPublicKey(String name, SubjectPublicKeyInfo publicKey) {
        return new KeyMaterial(name, KeyKind.PUBLIC, publicKey);
    }

    private static KeyMaterial fromBlock(String name, PemBlock block) {
        Object parsed = readPem(name, block);
        try {
            if (parsed instanceof PKCS8EncryptedPrivateKeyInfo || parsed instanceof PEMEncryptedKeyPair) {
                return new KeyMaterial(name, KeyKind.ENCRYPTED_PRIVATE, null);
            }
            if (parsed instanceof SubjectPublicKeyInfo spki) {
                return new KeyMaterial(name, KeyKind.PUBLIC, spki);
            }
            if (parsed instanceof org.bouncycastle.asn1.pkcs.RSAPublicKey rsa) {
                var params = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
                return new KeyMaterial(name, KeyKind.PUBLIC, SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(params));
            }
            if (parsed instanceof PEMKeyPair pair) {
                return new KeyMaterial(name, KeyKind.PRIVATE, publicOf(pair.getPrivateKeyInfo()));
            }
            if (parsed instanceof PrivateKeyInfo info) {
                return new KeyMaterial(name, KeyKind.PRIVATE, publicOf(info));
            }
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": the key in block " + block.number()
                    + " cannot be decoded (corrupt or truncated); expected " + EXPECTED, e);
        }
        throw new BadInputException(name + ": block " + block.number() + " (" + block.type()
                + ") is not a supported key; expected " + EXPECTED);
    }

    private static Object readPem(String name, PemBlock block) {
        StringBuilder text = new StringBuilder("-----BEGIN ").append(block.type()).append("-----\n");
        block.headers().forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
        if (!block.headers().isEmpty()) {
            text.append('\n');
        }
        text.append(java.util.Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(block.der()))
                .append("\n-----END ").append(block.type()).append("-----\n");
        try (PEMParser parser = new PEMParser(new StringReader(text.toString()))) {
            Object parsed = parser.readObject();
            if (parsed == null) {
                throw new BadInputException(name + ": block " + block.number() + " is not a key; expected " + EXPECTED);
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            throw new BadInputException(name + ": the key in block " + block.number()
                    + " cannot be decoded (corrupt or truncated); expected " + EXPECTED, e);
        }
    }

    private static SubjectPublicKeyInfo publicOf(PrivateKeyInfo info) throws IOException {
        AsymmetricKeyParameter key = PrivateKeyFactory.createKey(info);
        AsymmetricKeyParameter publicKey;
        if (key instanceof RSAPrivateCrtKeyParameters rsa) {
            publicKey = new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        } else if (key instanceof ECPrivateKeyParameters ec) {
            // Keep the key's own algorithm identifier (named curve), as a certificate carries it.
            var point = ec.getParameters().getG().multiply(ec.getD()).normalize();
            return new SubjectPublicKeyInfo(info.getPrivateKeyAlgorithm(), point.getEncoded(false));
        } else if (key instanceof Ed25519PrivateKeyParameters ed) {
            publicKey = ed.generatePublicKey();
        } else if (key instanceof Ed448PrivateKeyParameters ed) {
            publicKey = ed.generatePublicKey();
        } else {
            throw new IOException("unsupported private key type " + info.getPrivateKeyAlgorithm().getAlgorithm());
        }
        return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey);
    }

    /** Re-encode so that equal keys compare equal even when one side used a compressed EC point or explicit curve parameters. */
    private static SubjectPublicKeyInfo normalized(SubjectPublicKeyInfo spki) {
        try {
            return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(PublicKeyFactory.createKey(spki));
        } catch (IOException | RuntimeException e) {
            return spki;
        }
    }

    public String name() {
        return name;
    }

    public KeyKind kind() {
        return kind;
    }

    /** Empty for an encrypted private key: without the passphrase its public half is unknown. */
    public Optional<SubjectPublicKeyInfo> publicKey() {
        return Optional.ofNullable(publicKey);
    }

    public Optional<PublicKeyDescription> description() {
        return publicKey().map(PublicKeyDescription::of);
    }

    /** Whether this key belongs to the certificate's public key. Empty when it cannot be told (encrypted key). */
    public Optional<Boolean> matches(SubjectPublicKeyInfo certificateKey) {
        return publicKey().map(own -> normalized(own).equals(normalized(certificateKey)));
    }
}
